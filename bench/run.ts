// `npm run bench`: our node against n8n's HTTP Request node and a raw HTTP client, in the same run,
// alternating, over several rounds; medians and ratios; bench/results.json and bench/chart.svg.
// BENCH_SCALE=smoke runs small sizes only (CI keeps it working); the default is the full run.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { request } from 'node:http';
import FormData from 'form-data';
import type { IDataObject } from 'n8n-workflow';

import type { WorkerResult, WorkerTask } from './worker';
import { renderChart } from './chart';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const SCALE = process.env.BENCH_SCALE === 'smoke' ? 'smoke' : 'full';
const TMP = path.join(ROOT, 'bench', '.tmp');
const MiB = 2 ** 20;
/** BENCH_ONLY=upload,create,concurrency,growth runs a subset (for profiling); results are then not written. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'upload,create,concurrency,growth').split(','));

const CONFIG =
	SCALE === 'smoke'
		? { rounds: 1, uploadSizes: [1 * MiB, 8 * MiB], createItems: 40, concurrencyItems: 40, growth: [10, 40], manyUploads: 100 }
		: { rounds: 3, uploadSizes: [10 * MiB, 200 * MiB, 1024 * MiB], createItems: 1000, concurrencyItems: 1000, growth: [10, 100, 1000, 10000], manyUploads: 5000 };

interface Sandbox {
	url: string;
	clientId: string;
	clientSecret: string;
	process: ChildProcess;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function startSandbox(): Promise<Sandbox> {
	const child = spawn(process.execPath, [path.join(ROOT, 'dist/test/sandbox/cli.js')], {
		env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_CLIENT_ID: 'bench', SANDBOX_CLIENT_SECRET: 'bench-secret' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	for await (const chunk of child.stdout!) {
		output += String(chunk);
		const match = /listening on (\S+)/.exec(output);
		if (match) return { url: match[1], clientId: 'bench', clientSecret: 'bench-secret', process: child };
	}
	throw new Error('The sandbox did not start');
}

async function api<T>(sandbox: Sandbox, method: string, route: string, body?: unknown, token?: string): Promise<T> {
	const response = await fetch(`${sandbox.url}${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 200)}`);
	return (text ? JSON.parse(text) : {}) as T;
}

async function fetchToken(sandbox: Sandbox): Promise<string> {
	const response = await fetch(`${sandbox.url}/oauth/connect/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}` },
		body: 'grant_type=client_credentials&scope=share_read%20share_write',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

function shareBody(index: number, contentCount = 3): IDataObject {
	const expires = new Date(Date.now() + 30 * 86400_000).toISOString();
	const content = Array.from({ length: contentCount }, (_, n) => ({ id: `c${n}`, name: `Document ${n}.pdf`, type: 'file' }));
	const recipient = (first: string, uploads: string[], identityProvider: string) => ({
		firstName: first,
		lastName: `Employee ${index}`,
		email: `${first.toLowerCase()}${index}@example.com`,
		expires,
		mobile: { countryCode: 47, number: '41234567' },
		uploads,
		authentication: [{ identityProvider }],
		notification: { setup: { request: 'SendBoth', reminder: 'Off' }, language: 'NO' },
	});
	return {
		information: { title: `Payslip ${index}`, description: 'Your payslip', externalId: `bench-${index}-${Math.random().toString(36).slice(2)}` },
		content,
		recipients: [recipient('Kari', [], 'NO_BANKID_WEB'), recipient('Lars', content.slice(0, 1).map((item) => item.id), 'SWE_BANKID')],
	};
}

async function counters(sandbox: Sandbox) {
	return api<{ tokenRequests: number; shares: number; requests: number }>(sandbox, 'GET', '/_sandbox/counters');
}

let taskCounter = 0;
async function worker(task: WorkerTask): Promise<WorkerResult> {
	// The task goes through a file: 10,000 bodies do not fit on a command line.
	mkdirSync(TMP, { recursive: true });
	const taskFile = path.join(TMP, `task-${process.pid}-${taskCounter++}.json`);
	writeFileSync(taskFile, JSON.stringify(task));
	const { stdout } = await run(process.execPath, ['--expose-gc', path.join(ROOT, 'dist/bench/worker.js'), taskFile], { maxBuffer: 64 * MiB, cwd: ROOT });
	rmSync(taskFile);
	return JSON.parse(stdout.trim().split('\n').pop()!) as WorkerResult;
}

async function makeFile(size: number): Promise<string> {
	mkdirSync(TMP, { recursive: true });
	const file = path.join(TMP, `file-${size}.bin`);
	if (existsSync(file) && statSync(file).size === size) return file;
	const out = createWriteStream(file);
	const chunk = Buffer.alloc(MiB);
	for (let written = 0; written < size; written += MiB) {
		for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((written + i) * 2654435761 >>> 0, i);
		if (!out.write(chunk.subarray(0, Math.min(MiB, size - written)))) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	return file;
}

/** Raw upload with curl: the floor for what a client can do against this server. */
async function curlUpload(sandbox: Sandbox, token: string, shareId: string, file: string): Promise<number> {
	const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-H', `Authorization: Bearer ${token}`, '-F', `file=@${file};filename=${path.basename(file)}`, `${sandbox.url}/share/${shareId}/upload/f`]);
	const [status, seconds] = stdout.trim().split(' ');
	if (!status.startsWith('2')) throw new Error(`curl upload answered ${status}`);
	return Number(seconds) * 1000;
}

/** Raw upload from Node: form-data streaming the file into http.request (what a hand-written client does). */
async function nodeStreamUpload(sandbox: Sandbox, token: string, shareId: string, file: string): Promise<number> {
	const started = performance.now();
	const form = new FormData();
	form.append('file', createReadStream(file), { filename: path.basename(file), knownLength: statSync(file).size });
	await new Promise<void>((resolve, reject) => {
		const req = request(`${sandbox.url}/share/${shareId}/upload/f`, { method: 'POST', headers: { ...form.getHeaders(), 'Content-Length': form.getLengthSync(), Authorization: `Bearer ${token}` } }, (res) => {
			res.resume();
			res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`raw upload answered ${res.statusCode}`))));
		});
		req.on('error', reject);
		form.pipe(req);
	});
	return performance.now() - started;
}

async function rawCreates(sandbox: Sandbox, bodies: IDataObject[]): Promise<number> {
	const started = performance.now();
	const token = await fetchToken(sandbox);
	for (const body of bodies) await api(sandbox, 'POST', '/share', body, token);
	return performance.now() - started;
}

function nodesBasePath(): string | undefined {
	const candidates = [path.join(ROOT, 'bench/deps/node_modules/n8n-nodes-base'), path.join(ROOT, 'test/e2e/n8n1/node_modules/n8n-nodes-base')];
	return candidates.find((candidate) => existsSync(path.join(candidate, 'dist/nodes/HttpRequest/HttpRequest.node.js')));
}

function table(rows: Array<Record<string, string | number>>): string {
	const keys = Object.keys(rows[0] ?? {});
	const width = keys.map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
	const line = (values: string[]) => values.map((value, index) => value.padEnd(width[index])).join('  ');
	return [line(keys), line(width.map((w) => '-'.repeat(w))), ...rows.map((row) => line(keys.map((key) => String(row[key]))))].join('\n');
}

async function main(): Promise<void> {
	const sandbox = await startSandbox();
	const nodesBase = nodesBasePath();
	const contenders: Array<'node' | 'httpRequest'> = nodesBase ? ['node', 'httpRequest'] : ['node'];
	const base = { sandboxUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, nodesBasePath: nodesBase };
	const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	const results: Record<string, unknown> = { scale: SCALE, machine, date: new Date().toISOString(), rounds: CONFIG.rounds, httpRequestNode: nodesBase ? 'n8n-nodes-base from ' + path.relative(ROOT, nodesBase) : 'not installed (run npm run bench:deps)' };
	const print = (text: string) => process.stdout.write(`${text}\n`);
	print(`Benchmark (${SCALE}) on ${machine}; ${CONFIG.rounds} rounds, contenders alternate within each round.`);
	if (!nodesBase) print('n8n-nodes-base is not installed: the HTTP Request node contender is skipped (npm run bench:deps installs it).');

	try {
		// 1. Upload throughput and memory.
		if (ONLY.has('upload')) {
		const uploadRows: Array<Record<string, string | number>> = [];
		const upload: Array<Record<string, number | string>> = [];
		for (const size of CONFIG.uploadSizes) {
			const file = await makeFile(size);
			const samples: Record<string, { ms: number[]; rss: number[] }> = {};
			const add = (name: string, ms: number, rss = NaN) => {
				samples[name] ??= { ms: [], rss: [] };
				samples[name].ms.push(ms);
				samples[name].rss.push(rss);
			};
			for (let r = 0; r < CONFIG.rounds; r++) {
				const token = await fetchToken(sandbox);
				const order = [...contenders, 'curl', 'rawNode'];
				for (let i = 0; i < order.length; i++) {
					const contender = order[(i + r) % order.length];
					const { id: shareId } = await api<{ id: string }>(sandbox, 'POST', '/share', { ...shareBody(r), content: [{ id: 'f', name: 'f', type: 'file' }, { id: 'c0', name: 'c0', type: 'file' }] }, token);
					if (contender === 'curl') add('curl', await curlUpload(sandbox, token, shareId, file));
					else if (contender === 'rawNode') add('raw node stream', await nodeStreamUpload(sandbox, token, shareId, file));
					else {
						const result = await worker({ ...base, token, kind: 'upload', contender: contender as 'node' | 'httpRequest', filePath: file, shareId, contentIds: ['f'] });
						if (result.errors) throw new Error(`${contender} upload failed`);
						add(contender === 'node' ? 'Secure Share node' : 'HTTP Request node', result.ms, result.peakRssDeltaMiB);
					}
				}
			}
			const raw = median(samples.curl.ms);
			for (const [name, sample] of Object.entries(samples)) {
				const ms = median(sample.ms);
				const row = { size: `${size / MiB} MiB`, contender: name, 'MB/s': round(size / 1e6 / (ms / 1000), 1), 'x curl': round(raw / ms), 'peak RSS +MiB': Number.isNaN(median(sample.rss)) ? '-' : round(median(sample.rss), 1) };
				uploadRows.push(row);
				upload.push({ sizeMiB: size / MiB, contender: name, medianMs: round(ms), mbPerSecond: row['MB/s'], ratioToCurl: row['x curl'], peakRssDeltaMiB: Number.isNaN(median(sample.rss)) ? -1 : round(median(sample.rss), 1) });
			}
		}
		results.upload = upload;
		print(`\n1. Upload (filesystem binary mode)\n${table(uploadRows)}`);
		}

		// 2. Create Share at volume, sequential.
		const bodies = Array.from({ length: CONFIG.createItems }, (_, n) => shareBody(n));
		if (ONLY.has('create')) {
		const createSamples: Record<string, { ms: number[]; tokens: number[] }> = {};
		for (let r = 0; r < CONFIG.rounds; r++) {
			// The HTTP Request node sends every item's request at once (it awaits them together), so our
			// node runs twice: strictly sequential, and with 8 in flight.
			const order = [...contenders, 'nodeConcurrent', 'raw'];
			for (let i = 0; i < order.length; i++) {
				const contender = order[(i + r) % order.length];
				await api(sandbox, 'POST', '/_sandbox/reset');
				let ms: number;
				if (contender === 'raw') ms = await rawCreates(sandbox, bodies);
				else {
					const token = contender === 'httpRequest' ? await fetchToken(sandbox) : '';
					const concurrent = contender === 'nodeConcurrent';
					const result = await worker({ ...base, token, kind: 'create', contender: concurrent ? 'node' : (contender as 'node' | 'httpRequest'), bodies, concurrency: concurrent ? 8 : 1 });
					if (result.errors) throw new Error(`${contender} create failed`);
					ms = result.ms;
				}
				const after = await counters(sandbox);
				if (after.shares !== bodies.length) throw new Error(`${contender} created ${after.shares} shares, expected ${bodies.length}`);
				const name = { node: 'Secure Share node', nodeConcurrent: 'Secure Share node, concurrency 8', httpRequest: 'HTTP Request node (all at once)', raw: 'raw fetch loop' }[contender]!;
				createSamples[name] ??= { ms: [], tokens: [] };
				createSamples[name].ms.push(ms);
				createSamples[name].tokens.push(after.tokenRequests);
			}
		}
		const rawCreate = median(createSamples['raw fetch loop'].ms);
		const createRows = Object.entries(createSamples).map(([name, sample]) => ({
			contender: name,
			items: CONFIG.createItems,
			'ms/item': round(median(sample.ms) / CONFIG.createItems, 3),
			'x raw': round(median(sample.ms) / rawCreate),
			'token requests/run': Math.max(...sample.tokens),
		}));
		results.create = createRows;
		print(`\n2. Create Share, ${CONFIG.createItems} items (2 recipients, 3 content items each); raw is a sequential loop\n${table(createRows)}`);
		}

		// 3. Concurrency with 20 ms latency per call.
		if (ONLY.has('concurrency')) {
		const concurrencyBodies = bodies.slice(0, CONFIG.concurrencyItems);
		const concurrency: Record<number, number[]> = { 1: [], 8: [] };
		for (let r = 0; r < CONFIG.rounds; r++) {
			for (const level of r % 2 ? [8, 1] : [1, 8]) {
				await api(sandbox, 'POST', '/_sandbox/reset');
				await api(sandbox, 'POST', '/_sandbox/faults', { latencyMs: 20 });
				const result = await worker({ ...base, token: '', kind: 'create', contender: 'node', bodies: concurrencyBodies, concurrency: level });
				if (result.errors) throw new Error('concurrency run failed');
				concurrency[level].push(result.ms);
			}
		}
		await api(sandbox, 'POST', '/_sandbox/reset');
		const concurrencyRow = {
			items: concurrencyBodies.length,
			'latency ms': 20,
			'concurrency 1 (s)': round(median(concurrency[1]) / 1000),
			'concurrency 8 (s)': round(median(concurrency[8]) / 1000),
			speedup: round(median(concurrency[1]) / median(concurrency[8]), 1),
		};
		results.concurrency = concurrencyRow;
		print(`\n3. Concurrency (output order and pairing kept)\n${table([concurrencyRow])}`);
		}

		// 4. Cost growth: time and memory per item as the item count grows.
		if (ONLY.has('growth')) {
		const growthRows: Array<Record<string, number>> = [];
		for (const count of CONFIG.growth) {
			await api(sandbox, 'POST', '/_sandbox/reset');
			const result = await worker({ ...base, token: '', kind: 'create', contender: 'node', bodies: Array.from({ length: count }, (_, n) => shareBody(n)) });
			growthRows.push({ items: count, 'ms/item': round(result.ms / count, 3), 'peak RSS +KiB/item': round((result.peakRssDeltaMiB * 1024) / count, 1) });
		}
		const xs = growthRows.map((row) => row.items);
		const ys = growthRows.map((row) => row['ms/item']);
		const slope = (() => {
			const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
			const my = ys.reduce((a, b) => a + b, 0) / ys.length;
			const num = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
			const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
			return den ? num / den : 0;
		})();
		await api(sandbox, 'POST', '/_sandbox/reset');
		const smallFile = await makeFile(10 * 1024);
		const token = await fetchToken(sandbox);
		const perShare = 1000;
		const targets: string[] = [];
		const shareIds: string[] = [];
		for (let made = 0; made < CONFIG.manyUploads; made += perShare) {
			const count = Math.min(perShare, CONFIG.manyUploads - made);
			const { id } = await api<{ id: string }>(sandbox, 'POST', '/share', { ...shareBody(made, count) }, token);
			shareIds.push(id);
			for (let n = 0; n < count; n++) targets.push(`${id}/c${n}`);
		}
		const many = await worker({ ...base, token, kind: 'uploadMany', contender: 'node', filePath: smallFile, shareId: shareIds[0], contentIds: targets });
		if (many.errors) throw new Error('many uploads failed');
		const manyRow = { uploads: CONFIG.manyUploads, 'file KiB': 10, 'ms/upload': round(many.ms / CONFIG.manyUploads, 3), 'peak RSS +KiB/upload': round((many.peakRssDeltaMiB * 1024) / CONFIG.manyUploads, 2) };
		results.growth = { creates: growthRows, slopeMsPerItemPerItem: slope, uploads: manyRow };
		print(`\n4. Cost growth (Create Share, sequential); slope of ms/item over items: ${slope.toExponential(2)}\n${table(growthRows)}\n\n${table([manyRow])}`);
		}
	} finally {
		sandbox.process.kill();
	}

	if (ONLY.size < 4) return;
	mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
	const resultsFile = path.join(ROOT, 'bench', SCALE === 'full' ? 'results.json' : 'results.smoke.json');
	writeFileSync(resultsFile, `${JSON.stringify(results, null, '\t')}\n`);
	if (SCALE === 'full') writeFileSync(path.join(ROOT, 'bench', 'chart.svg'), renderChart(results.upload as Parameters<typeof renderChart>[0]));
	print(`\nWrote ${path.relative(ROOT, resultsFile)}${SCALE === 'full' ? ' and bench/chart.svg' : ''}.`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
