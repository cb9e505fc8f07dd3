// Everything the sandbox holds: API clients, tokens, shares, uploaded files and the notifications
// Signicat would send. Tests read it to assert what arrived.
import { randomBytes, randomUUID } from 'node:crypto';

export interface SandboxClient {
	clientId: string;
	clientSecret: string;
	scopes: string[];
}

export interface IssuedToken {
	token: string;
	clientId: string;
	scopes: string[];
	expiresAt: number;
	revoked: boolean;
}

export interface StoredFile {
	partName: string;
	fileName: string;
	contentType: string;
	bytes: number;
	sha256: string;
	receivedAt: string;
}

export interface Notification {
	shareId: string;
	recipientId: string;
	channel: 'sms' | 'email';
	to: string;
	language: 'NO' | 'EN';
	kind: 'request';
	text: string;
}

export interface StoredRecipient {
	id: string;
	url: string;
	[field: string]: unknown;
}

export interface StoredShare {
	id: string;
	clientId: string;
	/** The JSON body exactly as it arrived. */
	received: Record<string, unknown>;
	information: Record<string, unknown>;
	content: Array<{ id: string; name: string; type: string }>;
	recipients: StoredRecipient[];
	contactDetails?: unknown;
	senders?: unknown;
	created: string;
	deleted: boolean;
	files: Map<string, StoredFile>;
	notified: boolean;
}

export class SandboxStore {
	clients = new Map<string, SandboxClient>();
	tokens = new Map<string, IssuedToken>();
	shares = new Map<string, StoredShare>();
	notifications: Notification[] = [];
	counters = { tokenRequests: 0, createRequests: 0, uploadRequests: 0, requests: 0 };
	/** Authorization headers that reached the server, to prove where tokens travel. */
	authorizationHeaders: string[] = [];

	addClient(client: Partial<SandboxClient> = {}): SandboxClient {
		const added: SandboxClient = {
			clientId: client.clientId ?? `sandbox-${randomBytes(4).toString('hex')}`,
			clientSecret: client.clientSecret ?? randomBytes(18).toString('base64url'),
			scopes: client.scopes ?? ['share_read', 'share_write'],
		};
		this.clients.set(added.clientId, added);
		return added;
	}

	issueToken(clientId: string, scopes: string[], lifetimeSeconds: number): IssuedToken {
		const token: IssuedToken = {
			token: `sbx_${randomBytes(24).toString('base64url')}`,
			clientId,
			scopes,
			expiresAt: Date.now() + lifetimeSeconds * 1000,
			revoked: false,
		};
		this.tokens.set(token.token, token);
		return token;
	}

	/** "A token that expires early": every token issued so far stops working now. */
	revokeAllTokens(): void {
		for (const token of this.tokens.values()) token.revoked = true;
	}

	newShareId(): string {
		return randomUUID();
	}

	/** Forgets shares, files, notifications and counters; tokens survive unless `tokens` is true. */
	reset(options: { tokens?: boolean } = { tokens: true }): void {
		if (options.tokens) this.tokens.clear();
		this.shares.clear();
		this.notifications = [];
		this.counters = { tokenRequests: 0, createRequests: 0, uploadRequests: 0, requests: 0 };
		this.authorizationHeaders = [];
	}

	/** The share as the API returns it. */
	view(share: StoredShare): Record<string, unknown> {
		return {
			id: share.id,
			information: share.information,
			content: share.content,
			recipients: share.recipients.map((recipient) => ({
				...recipient,
				content: share.content
					.filter((item) => (recipient.uploads as string[]).length === 0 || (recipient.uploads as string[]).includes(item.id))
					.map((item) => ({ name: item.name, opened: false, openedDate: null })),
			})),
			uploadedDocuments: share.files.size,
			created: share.created,
			done: false,
			deleted: share.deleted,
			contactDetails: share.contactDetails ?? null,
			senders: share.senders ?? [],
		};
	}

	/** A JSON-friendly snapshot (files as plain objects) for the admin route and tests. */
	snapshot(): Record<string, unknown> {
		return {
			counters: this.counters,
			shares: [...this.shares.values()].map((share) => ({
				...this.view(share),
				received: share.received,
				files: Object.fromEntries(share.files),
				notified: share.notified,
			})),
			notifications: this.notifications,
		};
	}
}
