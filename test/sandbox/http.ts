// Small helpers shared by the sandbox's routes: JSON replies, body reading, bearer checks.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SandboxStore, IssuedToken } from './store';

export function sendJson(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(status, { ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), 'Content-Length': Buffer.byteLength(text), ...headers });
	response.end(text);
}

export function sendError(response: ServerResponse, status: number, message: string, code: string, errors: Array<{ field: string; message: string }> = []): void {
	sendJson(response, status, { message, code, errors });
}

export async function readBody(request: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > limit) throw new Error('body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** The token of a valid bearer with `scope`, or a 401/403 already sent. */
export function requireBearer(store: SandboxStore, request: IncomingMessage, response: ServerResponse, scope: string): IssuedToken | undefined {
	const header = request.headers.authorization ?? '';
	const match = /^Bearer (\S+)$/.exec(header);
	const token = match ? store.tokens.get(match[1]) : undefined;
	if (!token || token.revoked || token.expiresAt <= Date.now()) {
		sendError(response, 401, token ? 'The access token has expired.' : 'A valid bearer token is required.', 'Unauthorized');
		return undefined;
	}
	if (!token.scopes.includes(scope)) {
		sendError(response, 403, `The token lacks the scope ${scope}.`, 'Forbidden');
		return undefined;
	}
	return token;
}
