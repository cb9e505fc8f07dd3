// `npm run sandbox`: the local Secure Share API on its own, with a client to paste into n8n.
import { startSandbox } from './server';

async function main() {
	const port = Number(process.env.SANDBOX_PORT ?? 8787); // 0 picks a free port
	const sandbox = await startSandbox({
		port,
		client: { clientId: process.env.SANDBOX_CLIENT_ID ?? 'sandbox-client', clientSecret: process.env.SANDBOX_CLIENT_SECRET ?? 'sandbox-secret' },
	});
	process.stdout.write(
		[
			`Secure Share sandbox listening on ${sandbox.url}`,
			'Paste into the n8n credential "Signicat API":',
			`  Base URL:      ${sandbox.url}`,
			`  Client ID:     ${sandbox.client.clientId}`,
			`  Client Secret: ${sandbox.client.clientSecret}`,
			`Inspect what arrived: ${sandbox.url}/_sandbox/state`,
			'',
		].join('\n'),
	);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
