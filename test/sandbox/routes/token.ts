// POST /oauth/connect/token: OAuth2 client credentials, client authenticated by Basic header or form fields.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Faults } from '../faults';
import { readBody, sendJson } from '../http';
import type { SandboxStore } from '../store';

function oauthError(response: ServerResponse, status: number, error: string, description: string): void {
	sendJson(response, status, { error, error_description: description });
}

export async function handleToken(store: SandboxStore, faults: Faults, request: IncomingMessage, response: ServerResponse): Promise<void> {
	store.counters.tokenRequests++;
	if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
		return oauthError(response, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
	}
	const form = new URLSearchParams((await readBody(request, 64 * 1024)).toString('utf8'));
	let clientId = form.get('client_id');
	let clientSecret = form.get('client_secret');
	const basic = /^Basic (\S+)$/.exec(request.headers.authorization ?? '');
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return oauthError(response, 401, 'invalid_client', 'Malformed Basic credentials.');
		if (clientId !== null || clientSecret !== null) return oauthError(response, 400, 'invalid_request', 'Send the client credentials one way only.');
		clientId = decodeURIComponent(decoded.slice(0, colon));
		clientSecret = decodeURIComponent(decoded.slice(colon + 1));
	}
	const client = clientId ? store.clients.get(clientId) : undefined;
	if (!client || client.clientSecret !== clientSecret) return oauthError(response, 401, 'invalid_client', 'Unknown client or wrong secret.');
	if (form.get('grant_type') !== 'client_credentials') return oauthError(response, 400, 'unsupported_grant_type', 'Only client_credentials is supported.');
	const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
	const refused = requested.filter((scope) => !client.scopes.includes(scope));
	if (refused.length > 0) return oauthError(response, 400, 'invalid_scope', `Scopes not allowed for this client: ${refused.join(' ')}`);
	const lifetime = faults.settings.tokenLifetimeSeconds;
	const token = store.issueToken(client.clientId, requested.length ? requested : client.scopes, lifetime);
	sendJson(response, 200, { access_token: token.token, expires_in: lifetime, token_type: 'Bearer', scope: token.scopes.join(' ') });
}
