// Rewrites the README's "Performance" section from bench/results.json (run after `npm run bench`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const START = '<!-- performance:start -->';
const END = '<!-- performance:end -->';

interface Results {
	machine: string;
	date: string;
	rounds: number;
	upload: Array<{ sizeMiB: number; contender: string; mbPerSecond: number; ratioToCurl: number; peakRssDeltaMiB: number }>;
	create: Array<Record<string, string | number>>;
	concurrency: Record<string, number>;
	growth: { creates: Array<Record<string, number>>; slopeMsPerItemPerItem: number; uploads: Record<string, number> };
}

function markdownTable(rows: Array<Record<string, string | number>>): string {
	const keys = Object.keys(rows[0]);
	return [`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${keys.map((key) => row[key]).join(' | ')} |`)].join('\n');
}

const results = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as Results;
const size = (mib: number) => (mib >= 1024 ? `${mib / 1024} GiB` : `${mib} MiB`);
const find = (mib: number, contender: string) => results.upload.find((row) => row.sizeMiB === mib && row.contender === contender);
const sizes = [...new Set(results.upload.map((row) => row.sizeMiB))];
const uploadRows = sizes.map((mib) => {
	const ours = find(mib, 'Secure Share node')!;
	const http = find(mib, 'HTTP Request node');
	const stream = find(mib, 'raw node stream');
	return {
		file: size(mib),
		'ours ÷ curl': ours.ratioToCurl,
		'ours ÷ raw Node stream': stream ? Number((ours.mbPerSecond / stream.mbPerSecond).toFixed(2)) : '-',
		'ours ÷ HTTP Request node': http ? Number((ours.mbPerSecond / http.mbPerSecond).toFixed(2)) : '-',
		'ours MB/s': ours.mbPerSecond,
		'ours peak RSS +MiB': ours.peakRssDeltaMiB,
		'HTTP Request node peak RSS +MiB': http ? http.peakRssDeltaMiB : '-',
	};
});

const section = `${START}
Measured by \`npm run bench\` on ${results.machine} (${results.date.slice(0, 10)}), ${results.rounds} rounds, contenders
alternating within each round, medians. The machine is shared and noisy: read the ratios, not the
absolute times. The sandbox runs in its own process on loopback; every n8n measurement runs in a
fresh worker process through n8n-core's engine, binaries in filesystem mode. Raw figures are in
[\`bench/results.json\`](bench/results.json).

![Upload throughput and memory by file size](bench/chart.svg)

**Uploads** (ratios > 1 mean ours is faster):

${markdownTable(uploadRows)}

**Create Share at volume** (1,000 items, 2 recipients and 3 content items each, sequential; ratios < 1 mean ours is faster than the contender):

${markdownTable(results.create)}

**Concurrency** (1,000 creates, sandbox adds 20 ms per call; output order and pairing kept):

${markdownTable([results.concurrency])}

**Cost growth** (slope of ms/item over item count: ${results.growth.slopeMsPerItemPerItem.toExponential(1)}):

${markdownTable(results.growth.creates)}

${markdownTable([results.growth.uploads])}
${END}`;

const readmePath = path.join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error('README.md has no performance markers');
writeFileSync(readmePath, readme.slice(0, start) + section + readme.slice(end + END.length));
process.stdout.write('README.md Performance section updated from bench/results.json\n');
