// `npm run demo`: the example workflow "create a share, then upload its files" run through n8n-core's
// engine against the local Secure Share sandbox, and what the sandbox received.
import { createHash } from 'node:crypto';

import { runWorkflow, storeCredential } from '../test/harness/engine';
import { generatedContract, loadExample } from '../test/harness/examples';
import { CREDENTIAL } from '../test/harness/workflow';
import { startSandbox } from '../test/sandbox/server';

const EXAMPLE = 'create-share-then-upload.json';

function line(text = ''): void {
	process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
	const sandbox = await startSandbox();
	try {
		line(`Secure Share sandbox on ${sandbox.url} (client ${sandbox.client.clientId})`);
		storeCredential(CREDENTIAL.id, { baseUrl: sandbox.url, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });

		const items = generatedContract();
		const workflow = loadExample(EXAMPLE, items);
		line(`Running examples/${EXAMPLE}: ${workflow.nodes.map((node) => node.name).join(' → ')}`);
		const result = await runWorkflow(workflow);
		if (result.error) throw new Error(`The workflow failed: ${result.error.message} ${result.error.description ?? ''}`);

		const created = result.output('Create Share')[0].json as Record<string, any>;
		const share = sandbox.store.shares.get(created.shareId)!;
		line();
		line(`Share ${share.id}: "${share.information.title}"`);
		for (const recipient of created.recipients as Array<Record<string, any>>) {
			const access = recipient.uploads.length ? recipient.uploads.join(', ') : 'all content';
			line(`  ${recipient.firstName} ${recipient.lastName} <${recipient.email}>: logs in with ${recipient.authentication[0].identityProvider}, sees ${access}, access until ${recipient.expires}${recipient.oneTimeLogin ? ', one-time login' : ''}`);
			line(`    link: ${recipient.url}`);
		}

		line();
		line('Uploads (sha256 computed by the node while sending, and by the sandbox while receiving):');
		for (const nodeName of ['Upload Contract', 'Upload Handbook']) {
			const upload = result.output(nodeName)[0].json as Record<string, any>;
			const stored = share.files.get(upload.contentId)!;
			const original = items[0].files![upload.contentId === 'contract' ? 'contract' : 'handbook'].text!;
			const expected = createHash('sha256').update(original).digest('hex');
			const verdict = upload.sha256 === stored.sha256 && stored.sha256 === expected ? 'match' : 'MISMATCH';
			line(`  ${upload.contentId}: part "${stored.partName}", filename "${stored.fileName}", ${stored.bytes} bytes, sha256 ${stored.sha256.slice(0, 16)}… (${verdict})`);
		}

		line();
		line(`Notifications the sandbox recorded (${sandbox.store.notifications.length}), sent once the last content item arrived:`);
		for (const notification of sandbox.store.notifications) {
			line(`  ${notification.channel.padEnd(5)} to ${notification.to} [${notification.language}]: ${notification.text}`);
		}
		line();
		line(`Token requests: ${sandbox.store.counters.tokenRequests}; API requests: ${sandbox.store.counters.requests - sandbox.store.counters.tokenRequests}`);
		if (sandbox.store.notifications.length === 0 || !share.notified) throw new Error('No notifications were recorded');
	} finally {
		await sandbox.close();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exit(1);
	},
);
