// The editor, as a user meets it: `n8n start` on loopback, headless Chromium driven by playwright-core,
// our node found by typing "Signicat", Create Share, Upload File and the credential dialog opened,
// the credential tested against the sandbox. Screenshots go to docs/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs');
const OWNER = { email: 'owner@example.com', firstName: 'Ola', lastName: 'Nordmann', password: 'E2e-only-Passw0rd' };

export interface EditorOptions {
	node: string;
	n8nBin: string;
	env: NodeJS.ProcessEnv;
	sandbox: { url: string; clientId: string; clientSecret: string };
	check: (condition: unknown, message: string) => void;
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}`);
		try {
			// While n8n starts, a placeholder answers every path; the editor page replaces it when ready.
			const page = await fetch(`${url}/`);
			if (page.ok && !(await page.text()).includes('n8n is starting up')) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('n8n did not start in time');
}

async function shot(page: Page, name: string): Promise<void> {
	mkdirSync(DOCS, { recursive: true });
	await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
}

/** Opens the nodes panel: the "+" button (its shortcut moved from Tab to N in n8n 2). */
async function openNodesPanel(page: Page): Promise<void> {
	const plus = page.locator('[data-test-id="node-creator-plus-button"]').first();
	if (await plus.isVisible().catch(() => false)) await plus.click();
	else await page.keyboard.press('n');
}

async function openNodeFromPanel(page: Page, action: RegExp, openPanel = true): Promise<void> {
	if (openPanel) {
		await openNodesPanel(page);
		const search = page.getByPlaceholder(/search nodes/i);
		await search.waitFor({ timeout: 15_000 });
		await search.fill('Signicat');
	}
	await page.getByText('Signicat Secure Share', { exact: true }).first().click();
	await page.getByText(action).first().click();
	await page.getByText('Parameters').first().waitFor({ timeout: 15_000 });
}

export async function editorChecks(options: EditorOptions): Promise<string[]> {
	const port = 5691;
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(options.node, [options.n8nBin, 'start'], {
		env: { ...options.env, N8N_PORT: String(port), N8N_HOST: '127.0.0.1', N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_SECURE_COOKIE: 'false', N8N_RUNNERS_BROKER_PORT: '5692' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += String(chunk)));
	child.stderr?.on('data', (chunk) => (log += String(chunk)));
	const notes: string[] = [];
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		// Playwright gives the browser a new, empty profile of its own (the --user-data-dir the machine notes ask for).
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		await waitForServer(url, child);
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		const setup = await page.request.post(`${url}/rest/owner/setup`, { data: OWNER });
		options.check(setup.ok(), `owner setup answered ${setup.status()}`);
		const login = await page.request.post(`${url}/rest/login`, { data: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password } });
		options.check(login.ok(), `login answered ${login.status()}`);

		await page.goto(`${url}/workflow/new`);
		await page.waitForLoadState('networkidle');
		for (const dismiss of [/got it/i, /skip/i]) {
			const button = page.getByRole('button', { name: dismiss }).first();
			if (await button.isVisible().catch(() => false)) await button.click().catch(() => undefined);
		}

		// The nodes panel finds our node by name.
		await openNodesPanel(page);
		const search = page.getByPlaceholder(/search nodes/i);
		await search.waitFor({ timeout: 20_000 });
		await search.fill('Signicat');
		const entry = page.getByText('Signicat Secure Share', { exact: true }).first();
		await entry.waitFor({ timeout: 15_000 });
		await shot(page, 'nodes-panel');

		await openNodeFromPanel(page, /create a share/i, false);
		for (const label of ['Title', 'Description', 'Content', 'Recipients', 'Upload Item Files', 'Senders to Notify']) {
			options.check(await page.getByText(label, { exact: true }).first().isVisible(), `Create Share shows "${label}"`);
		}
		options.check(!(await page.getByText(/install this node to use it|problem loading|could not be loaded/i).first().isVisible().catch(() => false)), 'no error banner on Create Share');
		options.check(await page.locator('img[src*="signicat"], img[src*="icons/"]').first().isVisible().catch(() => false), 'the node icon is shown');
		await shot(page, 'create-share');

		// The credential dialog (the imported sandbox credential, opened with its edit button), saved and tested.
		const edit = page.locator('[data-test-id="credential-edit-button"]').first();
		await edit.click();
		const dialog = page.getByRole('dialog').last();
		for (const label of ['Base URL', 'Client ID', 'Client Secret', 'Scopes', 'Client Authentication']) {
			await dialog.getByText(label).first().waitFor({ timeout: 15_000 });
		}
		const save = dialog.getByRole('button', { name: /^save$/i }).first();
		if (await save.isEnabled().catch(() => false)) await save.click();
		else await dialog.getByRole('button', { name: /retry|test/i }).first().click();
		const tested = dialog.getByText(/connection tested successfully/i).first();
		await tested.waitFor({ timeout: 30_000 });
		await shot(page, 'credential');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');

		await openNodeFromPanel(page, /upload a file/i);
		for (const label of ['Share ID', 'Content ID', 'Input Binary Field']) {
			options.check(await page.getByText(label, { exact: true }).first().isVisible(), `Upload File shows "${label}"`);
		}
		await shot(page, 'upload-file');
		notes.push('editor: node found by "Signicat", Create Share and Upload File render, credential test succeeded');
		return notes;
	} catch (error) {
		const pages = browser.contexts().flatMap((context) => context.pages());
		if (pages[0]) await shot(pages[0], 'failure').catch(() => undefined);
		throw new Error(`${(error as Error).message}\nn8n log tail:\n${log.split('\n').slice(-15).join('\n')}`);
	} finally {
		await browser.close();
		child.kill('SIGTERM');
		const exited = await Promise.race([new Promise((resolve) => child.once('exit', () => resolve(true))), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
		if (!exited) child.kill('SIGKILL');
	}
}
