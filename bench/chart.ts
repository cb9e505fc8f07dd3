// A small SVG of upload throughput and peak memory by file size, per contender (no chart library).

interface UploadRow {
	sizeMiB: number;
	contender: string;
	mbPerSecond: number;
	peakRssDeltaMiB: number;
}

const COLORS = ['#41236b', '#e4572e', '#17bebb', '#76b041', '#ffc914'];

function panel(rows: UploadRow[], value: (row: UploadRow) => number, title: string, unit: string, x0: number): string {
	const sizes = [...new Set(rows.map((row) => row.sizeMiB))];
	const contenders = [...new Set(rows.map((row) => row.contender))];
	const max = Math.max(1, ...rows.map(value).filter((v) => v >= 0));
	const width = 420;
	const height = 220;
	const group = width / sizes.length;
	const bar = (group - 20) / contenders.length;
	const parts: string[] = [`<text x="${x0 + width / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`];
	parts.push(`<line x1="${x0}" y1="${height + 30}" x2="${x0 + width}" y2="${height + 30}" stroke="#888"/>`);
	sizes.forEach((size, s) => {
		contenders.forEach((contender, c) => {
			const row = rows.find((candidate) => candidate.sizeMiB === size && candidate.contender === contender);
			const v = row ? value(row) : -1;
			if (v < 0) return;
			const h = (v / max) * height;
			const x = x0 + s * group + 10 + c * bar;
			parts.push(`<rect x="${x.toFixed(1)}" y="${(height + 30 - h).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[c % COLORS.length]}"/>`);
			parts.push(`<text x="${(x + bar / 2).toFixed(1)}" y="${(height + 26 - h).toFixed(1)}" text-anchor="middle" font-size="9">${v.toFixed(v < 10 ? 1 : 0)}</text>`);
		});
		parts.push(`<text x="${x0 + s * group + group / 2}" y="${height + 46}" text-anchor="middle">${size >= 1024 ? `${size / 1024} GiB` : `${size} MiB`}</text>`);
	});
	parts.push(`<text x="${x0 - 8}" y="${height + 30}" text-anchor="end" font-size="10">0 ${unit}</text>`);
	return parts.join('\n');
}

export function renderChart(rows: UploadRow[]): string {
	const contenders = [...new Set(rows.map((row) => row.contender))];
	const legend = contenders
		.map((contender, c) => `<rect x="${60 + c * 170}" y="300" width="12" height="12" fill="${COLORS[c % COLORS.length]}"/><text x="${78 + c * 170}" y="310">${contender}</text>`)
		.join('\n');
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" width="960" height="330" font-family="sans-serif" font-size="12">',
		'<rect width="100%" height="100%" fill="white"/>',
		panel(rows, (row) => row.mbPerSecond, 'Upload throughput (MB/s, higher is better)', 'MB/s', 40),
		panel(rows.filter((row) => row.peakRssDeltaMiB >= 0), (row) => row.peakRssDeltaMiB, 'Peak RSS growth of the n8n process (MiB, lower is better)', 'MiB', 520),
		legend,
		'</svg>',
		'',
	].join('\n');
}
