// Fault injection: for each failure Signicat or the network can produce, every item either succeeds
// exactly once (no duplicate share, no missing or corrupt file) or reports a clear error, and retries
// stop at the configured bound. Prints the table the README's "Reliability" section quotes.
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import type { FaultRule } from '../sandbox/faults';
import type { Sandbox } from '../sandbox/server';
import { createParameters, recipientFields, useSandbox } from '../support/fixture';
import { chain, shareNode, sourceNode } from '../harness/workflow';

const fixture = useSandbox();
const ITEMS = 5;
const rows: Array<Record<string, string | number>> = [];

interface Scenario {
	name: string;
	rules?: FaultRule[];
	latencyMs?: number;
	before?: (sandbox: Sandbox) => void | Promise<void>;
	during?: (sandbox: Sandbox) => Promise<void>;
	options?: IDataObject;
	expectFailures?: boolean;
}

const fileText = (n: number) => `payslip ${n} `.repeat(2000 + n);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function runScenario(scenario: Scenario) {
	const { sandbox, run } = fixture;
	for (const rule of scenario.rules ?? []) sandbox.faults.add(rule);
	sandbox.faults.settings.latencyMs = scenario.latencyMs ?? 0;
	await scenario.before?.(sandbox);
	const workflow = chain(
		sourceNode(Array.from({ length: ITEMS }, (_, n) => ({ json: { n }, files: { data: { fileName: `payslip-${n}.txt`, text: fileText(n) } } }))),
		shareNode(
			'Create Share',
			{
				...createParameters([], [recipientFields({ email: '={{ "emp" + $json.n + "@example.com" }}' })]),
				filesToUpload: 'all',
				options: { includeRecipientLinks: false, maxWaitSeconds: 5, ...(scenario.options ?? {}) },
			},
			{ onError: 'continueRegularOutput' },
		),
	);
	const started = Date.now();
	const [result] = await Promise.all([run(workflow), scenario.during?.(sandbox)]);
	const output = result.output('Create Share');
	expect(output.map((item) => item.pairedItem)).toEqual(Array.from({ length: ITEMS }, (_, item) => ({ item })));

	if (process.env.DEBUG_FAULTS) console.log(scenario.name, JSON.stringify(output.map((item) => item.json.error ? [item.json.error, item.json.description] : 'ok')));
	const shares = [...sandbox.store.shares.values()];
	const externalIds = new Set(shares.map((share) => share.information.externalId));
	const duplicates = shares.length - externalIds.size;
	let succeeded = 0;
	let failedClearly = 0;
	let lostFiles = 0;
	output.forEach((item, n) => {
		if (item.json.error) {
			failedClearly += /Signicat|connection|timed out|Tried/.test(String(item.json.error) + String(item.json.description)) ? 1 : 0;
			return;
		}
		succeeded++;
		const share = sandbox.store.shares.get(String(item.json.shareId));
		const file = share?.files.get('data');
		if (!file || file.sha256 !== sha256(fileText(n)) || !share?.notified) lostFiles++;
	});
	const row = { fault: scenario.name, items: ITEMS, succeeded, failedWithClearError: failedClearly, duplicates, lostFiles, seconds: ((Date.now() - started) / 1000).toFixed(1) };
	rows.push(row);
	expect(duplicates).toBe(0);
	expect(lostFiles).toBe(0);
	expect(succeeded + failedClearly).toBe(ITEMS);
	if (!scenario.expectFailures) expect(succeeded).toBe(ITEMS);
	return { output, sandbox };
}

const scenarios: Scenario[] = [
	{ name: '429 with Retry-After: 1 (create, 3×)', rules: [{ route: 'create', action: { type: 'status', status: 429, retryAfter: '1' }, times: 3 }] },
	{ name: '429 without Retry-After (upload, 3×)', rules: [{ route: 'upload', action: { type: 'status', status: 429 }, times: 3 }] },
	{ name: '503 burst (any call, 3×)', rules: [{ route: 'any', action: { type: 'status', status: 503 }, times: 3 }] },
	{ name: '502 then 504 on create, nothing created', rules: [{ route: 'create', action: { type: 'status', status: 502 } }, { route: 'create', action: { type: 'status', status: 504 } }] },
	{ name: 'create succeeds but the answer is lost (3×)', rules: [{ route: 'create', action: { type: 'dropAfterHandling' }, times: 3 }] },
	{ name: 'connection dropped before a create is read (2×)', rules: [{ route: 'create', action: { type: 'drop' }, times: 2 }] },
	{ name: 'reset mid-upload (3×)', rules: [{ route: 'upload', action: { type: 'resetMidUpload', afterBytes: 8000 }, times: 3 }] },
	{ name: 'stalled upload, timeout 1 s (2×)', rules: [{ route: 'upload', action: { type: 'stall', ms: 3000 }, times: 2 }], options: { timeoutSeconds: 1 } },
	{ name: 'latency 50 ms on every call', latencyMs: 50 },
	{ name: 'token revoked mid-run', before: (sandbox) => sandbox.store.revokeAllTokens() },
	{ name: 'sandbox refuses connections for 1.5 s', during: async (sandbox) => sandbox.refuseConnections(1500) },
];

test.each(scenarios.map((scenario) => [scenario.name, scenario]))('%s', async (_name, scenario) => {
	await runScenario(scenario as Scenario);
});

test('retries stop at Max Attempts and say so', async () => {
	const { output, sandbox } = await runScenario({
		name: '503 on every create, Max Attempts 3',
		rules: [{ route: 'create', action: { type: 'status', status: 503 }, times: 1000 }],
		options: { maxAttempts: 3 },
		expectFailures: true,
	});
	expect(sandbox.store.counters.requests - sandbox.store.counters.tokenRequests).toBe(ITEMS * 3);
	for (const item of output) {
		expect(item.json.error).toBe('Signicat answered 503: Sandbox fault: 503');
		expect(item.json.description).toMatch(/Tried 3 times/);
	}
});

test('a Retry-After longer than Max Wait fails the item at once instead of waiting', async () => {
	const { output } = await runScenario({
		name: '429 asking for 120 s, Max Wait 5 s',
		rules: [{ route: 'create', action: { type: 'status', status: 429, retryAfter: '120' }, times: 1000 }],
		expectFailures: true,
	});
	for (const item of output) expect(item.json.description).toMatch(/asked to wait 120 s, longer than the Max Wait option/);
});

test('an upload that stalls on every attempt fails with a clear timeout error instead of hanging', async () => {
	const { output } = await runScenario({
		name: 'upload stalls every time, timeout 1 s, Max Attempts 2',
		rules: [{ route: 'upload', action: { type: 'stall', ms: 2500 }, times: 1000 }],
		options: { timeoutSeconds: 1, maxAttempts: 2 },
		expectFailures: true,
	});
	for (const item of output) {
		expect(item.json.error).toMatch(/was created, but uploading "payslip-\d.txt" as content data failed: The request to Signicat stalled and timed out/);
		expect(item.json.description).toMatch(/Raise the Timeout option/);
	}
});

afterAll(() => {
	const header = ['fault', 'items', 'succeeded', 'failedWithClearError', 'duplicates', 'lostFiles', 'seconds'];
	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${header.map((key) => row[key]).join(' | ')} |`)];
	const directory = path.join(__dirname, '..', '..', 'dist', 'reports');
	mkdirSync(directory, { recursive: true });
	writeFileSync(path.join(directory, 'faults.md'), `${lines.join('\n')}\n`);
	process.stdout.write(`\nFault injection (${ITEMS} items each):\n${lines.join('\n')}\n`);
});
