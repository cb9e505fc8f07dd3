// POST /share, GET /share/{id}, GET /share/list: create with strict validation, read back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

import { readBody, requireBearer, sendError, sendJson } from '../http';
import type { SandboxStore, StoredShare } from '../store';
import { validateCreateBody } from '../validate';

export async function handleCreate(store: SandboxStore, request: IncomingMessage, response: ServerResponse, publicUrl: string): Promise<StoredShare | undefined> {
	const token = requireBearer(store, request, response, 'share_write');
	if (!token) return undefined;
	store.counters.createRequests++;
	if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
		sendError(response, 415, 'The body must be application/json.', 'UnsupportedMediaType');
		return undefined;
	}
	let body: unknown;
	try {
		body = JSON.parse((await readBody(request)).toString('utf8'));
	} catch {
		sendError(response, 400, 'The body is not valid JSON.', 'InvalidJson');
		return undefined;
	}
	const errors = validateCreateBody(body);
	if (errors.length > 0) {
		sendError(response, 400, 'The share is invalid.', 'ValidationError', errors);
		return undefined;
	}
	const input = body as Record<string, unknown>;
	const id = store.newShareId();
	const share: StoredShare = {
		id,
		clientId: token.clientId,
		received: input,
		information: input.information as Record<string, unknown>,
		content: input.content as StoredShare['content'],
		recipients: (input.recipients as Array<Record<string, unknown>>).map((recipient) => ({
			...recipient,
			id: randomBytes(8).toString('hex'),
			url: `${publicUrl}/open/${randomBytes(12).toString('base64url')}`,
		})),
		contactDetails: input.contactDetails,
		senders: input.senders,
		created: new Date().toISOString(),
		deleted: false,
		files: new Map(),
		notified: false,
	};
	store.shares.set(id, share);
	sendJson(response, 201, { id });
	return share;
}

export function findShare(store: SandboxStore, response: ServerResponse, id: string, clientId: string): StoredShare | undefined {
	const share = store.shares.get(id);
	if (!share || share.deleted || share.clientId !== clientId) {
		sendError(response, 404, `No share with id ${id}.`, 'NotFound');
		return undefined;
	}
	return share;
}

export function handleGet(store: SandboxStore, request: IncomingMessage, response: ServerResponse, id: string): void {
	const token = requireBearer(store, request, response, 'share_read');
	if (!token) return;
	const share = findShare(store, response, id, token.clientId);
	if (share) sendJson(response, 200, store.view(share));
}

export function handleList(store: SandboxStore, request: IncomingMessage, response: ServerResponse): void {
	const token = requireBearer(store, request, response, 'share_read');
	if (!token) return;
	const shares = [...store.shares.values()].filter((share) => share.clientId === token.clientId && !share.deleted);
	sendJson(response, 200, shares.map((share) => store.view(share)));
}
