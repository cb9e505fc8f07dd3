// The local Secure Share API: the contract's routes on loopback, plus /_sandbox/* to inspect and steer it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { Faults, type FaultAction, type FaultRoute, type FaultRule } from './faults';
import { readBody, sendError, sendJson } from './http';
import { handleCreate, handleGet, handleList } from './routes/shares';
import { handleToken } from './routes/token';
import { handleUpload } from './routes/upload';
import { SandboxStore, type SandboxClient } from './store';

export interface Sandbox {
	url: string;
	port: number;
	store: SandboxStore;
	faults: Faults;
	client: SandboxClient;
	/** Stop accepting connections for `ms` milliseconds (connections are refused), then listen again. */
	refuseConnections(ms: number): Promise<void>;
	close(): Promise<void>;
}

function routeOf(method: string, path: string): { route: Exclude<FaultRoute, 'any'> | 'admin' | 'unknown'; params: string[] } {
	if (path.startsWith('/_sandbox/')) return { route: 'admin', params: [] };
	if (method === 'POST' && path === '/oauth/connect/token') return { route: 'token', params: [] };
	if (method === 'POST' && path === '/share') return { route: 'create', params: [] };
	if (method === 'GET' && path === '/share/list') return { route: 'list', params: [] };
	const upload = /^\/share\/([^/]+)\/upload\/([^/]+)$/.exec(path);
	if (method === 'POST' && upload) return { route: 'upload', params: [decodeURIComponent(upload[1]), decodeURIComponent(upload[2])] };
	const get = /^\/share\/([^/]+)$/.exec(path);
	if (method === 'GET' && get) return { route: 'get', params: [decodeURIComponent(get[1])] };
	return { route: 'unknown', params: [] };
}

async function handleAdmin(sandbox: Sandbox, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
	const { store, faults } = sandbox;
	if (path === '/_sandbox/state') return sendJson(response, 200, store.snapshot());
	if (path === '/_sandbox/counters') return sendJson(response, 200, { ...store.counters, shares: store.shares.size, notifications: store.notifications.length });
	if (path === '/_sandbox/reset' && request.method === 'POST') {
		store.reset({ tokens: new URL(request.url ?? '/', 'http://sandbox').searchParams.get('keepTokens') !== '1' });
		faults.reset();
		return sendJson(response, 200, { ok: true });
	}
	if (path === '/_sandbox/faults' && request.method === 'POST') {
		const settings = JSON.parse((await readBody(request)).toString('utf8') || '{}') as { latencyMs?: number; tokenLifetimeSeconds?: number; rules?: FaultRule[] };
		if (settings.latencyMs !== undefined) faults.settings.latencyMs = settings.latencyMs;
		if (settings.tokenLifetimeSeconds !== undefined) faults.settings.tokenLifetimeSeconds = settings.tokenLifetimeSeconds;
		for (const rule of settings.rules ?? []) faults.add(rule);
		return sendJson(response, 200, faults.settings);
	}
	if (path === '/_sandbox/revoke-tokens' && request.method === 'POST') {
		store.revokeAllTokens();
		return sendJson(response, 200, { ok: true });
	}
	if (path === '/_sandbox/refuse' && request.method === 'POST') {
		const { ms } = JSON.parse((await readBody(request)).toString('utf8') || '{}') as { ms?: number };
		sendJson(response, 200, { ok: true });
		setImmediate(() => void sandbox.refuseConnections(ms ?? 2000));
		return;
	}
	sendError(response, 404, 'Unknown sandbox route.', 'NotFound');
}

/** Applies a scripted fault; returns true when the request was consumed by it. */
async function applyFault(action: FaultAction | undefined, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
	if (!action) return false;
	switch (action.type) {
		case 'status': {
			request.resume();
			const headers: Record<string, string> = action.retryAfter !== undefined ? { 'Retry-After': action.retryAfter } : {};
			sendJson(response, action.status, action.body ?? { message: `Sandbox fault: ${action.status}`, code: 'SandboxFault', errors: [] }, headers);
			return true;
		}
		case 'drop':
			request.socket.destroy();
			return true;
		case 'stall':
			await new Promise((resolve) => setTimeout(resolve, action.ms));
			if (!request.socket.destroyed) request.socket.destroy();
			return true;
		default:
			return false;
	}
}

export async function startSandbox(options: { port?: number; host?: string; client?: Partial<SandboxClient> } = {}): Promise<Sandbox> {
	const store = new SandboxStore();
	const faults = new Faults();
	const client = store.addClient(options.client);
	const host = options.host ?? '127.0.0.1';
	const sockets = new Set<Socket>();
	let sandbox!: Sandbox;

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		response.setHeader('Request-Id', randomUUID());
		const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
		const { route, params } = routeOf(request.method ?? 'GET', path);
		if (route === 'admin') return handleAdmin(sandbox, request, response, path);
		store.counters.requests++;
		if (request.headers.authorization) store.authorizationHeaders.push(request.headers.authorization);
		if (faults.settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.settings.latencyMs));
		if (route === 'unknown') {
			request.resume();
			return sendError(response, 404, `No route ${request.method} ${path}.`, 'NotFound');
		}
		const fault = faults.take(route);
		if (await applyFault(fault, request, response)) return;
		switch (route) {
			case 'token':
				return handleToken(store, faults, request, response);
			case 'create': {
				if (fault?.type === 'dropAfterHandling') {
					// Create the share, then lose the answer: the client cannot know it succeeded.
					const muted = Object.assign(Object.create(response) as ServerResponse, { writeHead: () => muted, end: () => request.socket.destroy() });
					await handleCreate(store, request, muted, sandbox.url);
					return;
				}
				await handleCreate(store, request, response, sandbox.url);
				return;
			}
			case 'upload':
				return handleUpload(store, request, response, params[0], params[1], fault?.type === 'resetMidUpload' ? fault.afterBytes : undefined);
			case 'get':
				return handleGet(store, request, response, params[0]);
			case 'list':
				return handleList(store, request, response);
		}
	};

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			if (!response.headersSent) sendError(response, 500, `Sandbox error: ${(error as Error).message}`, 'InternalError');
			else response.destroy();
		});
	});
	server.keepAliveTimeout = 5000;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
	const port = (server.address() as AddressInfo).port;

	sandbox = {
		url: `http://${host}:${port}`,
		port,
		store,
		faults,
		client,
		async refuseConnections(ms: number) {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			await new Promise((resolve) => setTimeout(resolve, ms));
			await new Promise<void>((resolve) => server.listen(port, host, resolve));
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return sandbox;
}
