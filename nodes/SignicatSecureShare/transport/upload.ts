// Uploads one content item as multipart/form-data (one part named "file"). Binaries that n8n keeps
// outside memory (filesystem, S3, database mode) are streamed with their known length, never buffered.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import FormData from 'form-data';
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING, NodeOperationError } from 'n8n-workflow';

import { sharePath, signicatApiRequest, type TransportOptions } from './index';

/** Read size for streamed binaries: large enough to keep per-chunk overhead low, small enough to keep memory flat. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

export interface UploadResult {
	bytes: number;
	sha256: string;
}

/** A filename that cannot break the part header: no quotes, backslashes or line breaks. */
export function headerSafeFileName(fileName: string): string {
	const cleaned = fileName.replace(/["\\\r\n\u0000-\u001f\u007f]/g, '_').trim();
	return cleaned === '' ? 'file' : cleaned.slice(0, 255);
}

/**
 * Sends `binary` as the bytes of content item `contentId` of share `shareId`. Every attempt builds
 * the body anew (a retry streams the file again from its first byte) and hashes what it sends.
 */
export async function uploadContent(
	this: IExecuteFunctions,
	target: { shareId: string; contentId: string; fileName: string; binary: IBinaryData },
	options: TransportOptions,
): Promise<UploadResult> {
	const { binary } = target;
	const fileName = headerSafeFileName(target.fileName);
	const contentType = binary.mimeType || 'application/octet-stream';
	let size: number;
	let openBytes: () => Promise<Readable | Buffer>;
	if (binary.id) {
		const binaryId = binary.id;
		const metadata = await this.helpers.getBinaryMetadata(binaryId);
		size = metadata.fileSize;
		openBytes = async () => await this.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
	} else {
		const buffer = Buffer.from(binary.data, BINARY_ENCODING);
		size = buffer.length;
		openBytes = async () => buffer;
	}

	let sent: { hash: ReturnType<typeof createHash>; bytes: number } | undefined;
	let previous: Readable | undefined;
	const body = async () => {
		previous?.destroy();
		const source = await openBytes();
		if (!Buffer.isBuffer(source)) previous = source;
		const form = new FormData();
		const attempt = { hash: createHash('sha256'), bytes: 0 };
		sent = attempt;
		if (Buffer.isBuffer(source)) {
			attempt.hash.update(source);
			attempt.bytes = source.length;
			form.append('file', source, { filename: fileName, contentType, knownLength: size });
		} else {
			// Hash each chunk as form-data reads it into the request body (a listener, not another stream hop).
			source.on('data', (chunk: Buffer) => {
				attempt.hash.update(chunk);
				attempt.bytes += chunk.length;
			});
			form.append('file', source, { filename: fileName, contentType, knownLength: size });
		}
		return { body: form, headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) } };
	};

	await signicatApiRequest.call(this, { method: 'POST', path: sharePath(target.shareId, 'upload', target.contentId), kind: 'upload', body }, options);
	if (!sent || sent.bytes !== size) {
		throw new NodeOperationError(this.getNode(), `The file "${fileName}" changed while it was uploaded: ${sent?.bytes ?? 0} of ${size} bytes were read`, {
			itemIndex: options.itemIndex,
			description: 'Run the item again.',
		});
	}
	return { bytes: sent.bytes, sha256: sent.hash.digest('hex') };
}
