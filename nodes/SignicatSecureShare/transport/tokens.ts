// OAuth2 client-credentials tokens for the Signicat API: fetched once per client and process,
// shared by concurrent items, renewed before they expire and after Signicat refuses them.
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { checkBaseUrl } from './endpoint';

/** A token is renewed this long before Signicat says it expires, so no request carries a dying one. */
export const TOKEN_RENEWAL_MARGIN_MS = 60_000;

export interface IssuedToken {
	accessToken: string;
	tokenExpiresAt: number;
}

const issuedTokens = new Map<string, IssuedToken>();
const pendingTokens = new Map<string, Promise<IssuedToken>>();
let tokenRequestCount = 0;

/** How many token requests this process has sent (for tests and benchmarks). */
export function tokenRequestsSent(): number {
	return tokenRequestCount;
}

function clientKey(credentials: ICredentialDataDecryptedObject, baseUrl: string): string {
	return createHash('sha256')
		.update(JSON.stringify([baseUrl, credentials.clientId, credentials.clientSecret, credentials.scopes, credentials.clientAuthentication]))
		.digest('hex');
}

export function isTokenFresh(token: { accessToken?: unknown; tokenExpiresAt?: unknown } | undefined, now = Date.now()): boolean {
	return (
		typeof token?.accessToken === 'string' &&
		token.accessToken !== '' &&
		typeof token.tokenExpiresAt === 'number' &&
		token.tokenExpiresAt - TOKEN_RENEWAL_MARGIN_MS > now
	);
}

/** Signicat refused `accessToken` (401): no item may be handed it again. */
export function forgetToken(accessToken: unknown): void {
	for (const [key, token] of issuedTokens) if (token.accessToken === accessToken) issuedTokens.delete(key);
}

function describeTokenFailure(error: unknown): string {
	const response = (error as { response?: { status?: number; data?: unknown } }).response;
	if (response?.status !== undefined) {
		const body = (response.data ?? {}) as Record<string, unknown>;
		const reason = [body.error, body.error_description ?? body.message].filter((part) => typeof part === 'string').join(': ');
		const hint =
			response.status === 400 || response.status === 401
				? ' Check the Client ID, the Client Secret, the Scopes and the Client Authentication setting.'
				: '';
		return `Signicat refused the token request (HTTP ${response.status}${reason ? `, ${reason.slice(0, 300)}` : ''}).${hint}`;
	}
	const code = (error as { code?: unknown }).code;
	return `Could not reach Signicat's token endpoint${typeof code === 'string' ? ` (${code})` : ''}. Check the Base URL and the network.`;
}

async function requestToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, baseUrl: string): Promise<IssuedToken> {
	const clientId = String(credentials.clientId ?? '');
	const clientSecret = String(credentials.clientSecret ?? '');
	const form = new URLSearchParams({ grant_type: 'client_credentials', scope: String(credentials.scopes ?? '').trim() });
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
	if (credentials.clientAuthentication === 'body') {
		form.set('client_id', clientId);
		form.set('client_secret', clientSecret);
	} else {
		headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
	}
	tokenRequestCount++;
	let reply: { access_token?: unknown; expires_in?: unknown };
	try {
		reply = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth/connect/token`,
			headers,
			body: form.toString(),
			json: true,
			disableFollowRedirect: true,
			timeout: 30_000,
		})) as typeof reply;
	} catch (error) {
		// A new Error on purpose: the caught one holds the request, and with it the secret.
		throw new Error(describeTokenFailure(error));
	}
	if (typeof reply?.access_token !== 'string' || reply.access_token === '') {
		throw new Error('Signicat answered the token request without an access token. Check the Base URL.');
	}
	const lifetimeSeconds = typeof reply.expires_in === 'number' && reply.expires_in > 0 ? reply.expires_in : 3600;
	return { accessToken: reply.access_token, tokenExpiresAt: Date.now() + lifetimeSeconds * 1000 };
}

/**
 * A usable token for these credentials. Returns the one another item already fetched when it is
 * still fresh; otherwise fetches one, with every concurrent caller waiting on the same request.
 */
export async function obtainToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IssuedToken> {
	const baseUrl = checkBaseUrl(credentials.baseUrl);
	if (baseUrl instanceof Error) throw baseUrl;
	const key = clientKey(credentials, baseUrl);
	const issued = issuedTokens.get(key);
	if (issued && isTokenFresh(issued)) return { ...issued };

	let pending = pendingTokens.get(key);
	if (!pending) {
		pending = requestToken(helper, credentials, baseUrl)
			.then((token) => {
				issuedTokens.set(key, token);
				return token;
			})
			.finally(() => pendingTokens.delete(key));
		pendingTokens.set(key, pending);
	}
	return { ...(await pending) };
}
