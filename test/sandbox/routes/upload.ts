// POST /share/{id}/upload/{contentId}: multipart/form-data with one part named "file". The bytes are
// hashed as they stream in (never held in memory); after the last content item the notifications go out.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';

import { requireBearer, sendError, sendJson } from '../http';
import type { Notification, SandboxStore, StoredFile, StoredShare } from '../store';
import { findShare } from './shares';

const TEXTS = {
	NO: (title: string, sender: string) => `Du har mottatt en sikker deling: "${title}"${sender}. Logg inn for å åpne den.`,
	EN: (title: string, sender: string) => `You have received a secure share: "${title}"${sender}. Log in to open it.`,
};

/** What Signicat sends once every content item has arrived: per recipient, per its notification settings. */
export function notifyRecipients(store: SandboxStore, share: StoredShare): void {
	if (share.notified) return;
	share.notified = true;
	for (const recipient of share.recipients) {
		const notification = recipient.notification as { setup?: { request?: string }; language?: 'NO' | 'EN' } | undefined;
		const request = notification?.setup?.request ?? 'Off';
		const language = notification?.language ?? 'EN';
		const contact = share.contactDetails as { name?: string } | undefined;
		const text = TEXTS[language](String(share.information.title), contact?.name ? ` (${contact.name})` : '');
		const base = { shareId: share.id, recipientId: recipient.id, language, kind: 'request' as const, text: `${text} ${recipient.url}` };
		const mobile = recipient.mobile as { countryCode: number; number: string };
		const sent: Notification[] = [];
		if (request === 'SendSms' || request === 'SendBoth') sent.push({ ...base, channel: 'sms', to: `+${mobile.countryCode}${mobile.number}` });
		if (request === 'SendEmail' || request === 'SendBoth') sent.push({ ...base, channel: 'email', to: String(recipient.email) });
		store.notifications.push(...sent);
	}
}

export async function handleUpload(
	store: SandboxStore,
	request: IncomingMessage,
	response: ServerResponse,
	shareId: string,
	contentId: string,
	resetAfterBytes?: number,
): Promise<void> {
	const token = requireBearer(store, request, response, 'share_write');
	if (!token) return void request.resume();
	store.counters.uploadRequests++;
	const share = findShare(store, response, shareId, token.clientId);
	if (!share) return void request.resume();
	const item = share.content.find((candidate) => candidate.id === contentId);
	if (!item) {
		request.resume();
		return sendError(response, 404, `The share has no content item ${contentId}.`, 'NotFound');
	}
	if (!(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
		request.resume();
		return sendError(response, 415, 'The body must be multipart/form-data.', 'UnsupportedMediaType');
	}

	const received = await new Promise<StoredFile | string>((resolve) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({ headers: request.headers, defParamCharset: 'utf8' });
		} catch (error) {
			return resolve(`Malformed multipart body: ${(error as Error).message}`);
		}
		let file: StoredFile | undefined;
		let failure: string | undefined;
		let seen = 0;
		parser.on('file', (partName, stream, info) => {
			if (partName !== 'file' || file) {
				failure ??= partName !== 'file' ? `Unexpected part "${partName}": the file must be in a part named "file".` : 'Only one file per upload.';
				stream.resume();
				return;
			}
			const hash = createHash('sha256');
			const stored: StoredFile = { partName, fileName: info.filename ?? '', contentType: info.mimeType, bytes: 0, sha256: '', receivedAt: '' };
			stream.on('data', (chunk: Buffer) => {
				hash.update(chunk);
				stored.bytes += chunk.length;
				seen += chunk.length;
				if (resetAfterBytes !== undefined && seen >= resetAfterBytes) request.socket.destroy();
			});
			stream.on('end', () => {
				stored.sha256 = hash.digest('hex');
				stored.receivedAt = new Date().toISOString();
				file = stored;
			});
		});
		parser.on('field', (name) => {
			failure ??= `Unexpected field "${name}": send only the part "file".`;
		});
		parser.on('error', (error: Error) => resolve(`Malformed multipart body: ${error.message}`));
		parser.on('close', () => resolve(failure ?? file ?? 'The multipart body has no part named "file".'));
		request.on('aborted', () => resolve('aborted'));
		request.pipe(parser);
	});

	if (received === 'aborted' || request.socket.destroyed) return;
	if (typeof received === 'string') return sendError(response, 400, received, 'InvalidUpload', [{ field: 'file', message: received }]);
	if (!received.fileName) return sendError(response, 400, 'The part "file" has no filename.', 'InvalidUpload', [{ field: 'file', message: 'filename is required' }]);
	share.files.set(contentId, received);
	if (share.content.every((content) => share.files.has(content.id))) notifyRecipients(store, share);
	sendJson(response, 201, {});
}
