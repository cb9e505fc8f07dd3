import { createHash, randomBytes } from 'node:crypto';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse, sleep } from 'n8n-workflow';

import { inputError } from '../../helpers/errors';
import { maskBodySsns } from '../../helpers/mask';
import { contentWithBinaries, shareBodyFromFields, type PlannedFile, type RecipientFields, type SenderFields } from '../../helpers/payload';
import { ShareInputError, validateCreateShareBody } from '../../helpers/validate';
import type { CreateShareBody, CreateShareResponse } from '../../helpers/wire';
import { AmbiguousCreateError, sharePath, signicatApiRequest, type TransportOptions } from '../../transport';
import { backoffMs, DEFAULT_RETRY_POLICY } from '../../transport/retry';
import { uploadContent } from '../../transport/upload';
import { createShareDescription } from './create.description';
import { transportOptions } from './options';

export const description: INodeProperties[] = createShareDescription;

interface AdditionalFields {
	externalId?: string;
	departmentId?: string;
	confidentialInfo?: string;
	contactName?: string;
	contactPhone?: string;
	contactEmail?: string;
	contactUrl?: string;
}

function bodyFromFields(context: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	return shareBodyFromFields({
		title: context.getNodeParameter('title', itemIndex, '') as string,
		description: context.getNodeParameter('description', itemIndex, '') as string,
		content: context.getNodeParameter('content.items', itemIndex, []) as Array<{ id?: string; name?: string }>,
		recipients: context.getNodeParameter('recipients.recipient', itemIndex, []) as RecipientFields[],
		externalId: extra.externalId,
		departmentId: extra.departmentId,
		confidentialInfo: extra.confidentialInfo,
		contactDetails: { name: extra.contactName, phone: extra.contactPhone, email: extra.contactEmail, url: extra.contactUrl },
		senders: context.getNodeParameter('senders.sender', itemIndex, []) as SenderFields[],
	});
}

function bodyFromJson(context: IExecuteFunctions, itemIndex: number): unknown {
	const value = context.getNodeParameter('jsonBody', itemIndex, '') as unknown;
	if (typeof value !== 'string') return value;
	try {
		return jsonParse(value);
	} catch (error) {
		throw new ShareInputError('JSON Body', `is not valid JSON (${(error as Error).message.slice(0, 120)})`, 'Check brackets, commas and quotes, or build the body with an expression such as {{ JSON.stringify($json.share) }}.');
	}
}

/** Which binaries of the item go to which content items, per the "Upload Item Files" setting. */
function planFiles(context: IExecuteFunctions, itemIndex: number, raw: unknown): { raw: unknown; files: PlannedFile[] } {
	const mode = context.getNodeParameter('filesToUpload', itemIndex, 'none') as string;
	if (mode === 'none') return { raw, files: [] };
	const binaries = context.getInputData()[itemIndex].binary ?? {};
	if (mode === 'all') {
		if (Object.keys(binaries).length === 0) {
			throw new ShareInputError('Upload Item Files', 'is "Every Binary Field" but the item has no binary data', 'Put a step that produces a file before this node, or set Upload Item Files to "No".');
		}
		if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { raw, files: [] };
		const planned = contentWithBinaries((raw as { content?: unknown }).content, binaries);
		return { raw: { ...raw, content: planned.content }, files: planned.files };
	}
	const mapping = context.getNodeParameter('fileMapping.files', itemIndex, []) as Array<{ binaryField?: string; contentId?: string }>;
	const files = mapping.map((entry, index) => {
		const binaryField = (entry.binaryField ?? '').trim();
		const binary = binaries[binaryField];
		if (!binary) {
			throw new ShareInputError(`Files[${index}].binaryField`, `"${binaryField.slice(0, 60)}" is not a binary field of the item (it has ${Object.keys(binaries).join(', ') || 'none'})`, 'Give the name of a binary field of the incoming item, e.g. "data".');
		}
		return { binaryField, contentId: (entry.contentId ?? '').trim(), fileName: binary.fileName ?? binaryField };
	});
	return { raw, files };
}

function checkPlannedFiles(files: PlannedFile[], body: CreateShareBody): void {
	const ids = new Set(body.content.map((item) => item.id));
	const seen = new Set<string>();
	files.forEach((file, index) => {
		if (!ids.has(file.contentId)) {
			throw new ShareInputError(`Files[${index}].contentId`, `"${file.contentId.slice(0, 60)}" is not the id of a content item of this share`, `Use one of ${[...ids].join(', ')}.`);
		}
		if (seen.has(file.contentId)) {
			throw new ShareInputError(`Files[${index}].contentId`, `"${file.contentId.slice(0, 60)}" is mapped to two files`, 'Map each content item to one binary field.');
		}
		seen.add(file.contentId);
	});
}

/** An external id unique to this execution, node and item, so a lost answer can be looked up instead of re-sent. */
function idempotencyExternalId(context: IExecuteFunctions, itemIndex: number): string {
	const node = createHash('sha256').update(context.getNode().id ?? context.getNode().name).digest('hex').slice(0, 8);
	return `n8n-${context.getExecutionId() ?? 'manual'}-${node}-${itemIndex}-${randomBytes(4).toString('hex')}`;
}

interface ListedShare {
	id?: string;
	information?: { externalId?: string };
}

/**
 * Creates the share. After an ambiguous failure (the body may have arrived), the share is looked up
 * by its external id before anything is sent again, so the same share is never created twice.
 */
async function createShare(context: IExecuteFunctions, body: CreateShareBody, options: TransportOptions): Promise<string> {
	const maxRounds = options.retry?.maxAttempts ?? 1;
	for (let round = 1; ; round++) {
		try {
			const reply = (await signicatApiRequest.call(
				context,
				{ method: 'POST', path: '/share', kind: 'create', body: async () => ({ body }) },
				options,
			)) as CreateShareResponse | undefined;
			if (typeof reply?.id !== 'string' || reply.id === '') {
				throw new NodeOperationError(context.getNode(), 'Signicat created the share but its answer has no share id', { itemIndex: options.itemIndex, description: `Look for the share with external id ${body.information.externalId} in the Signicat dashboard.` });
			}
			return reply.id;
		} catch (error) {
			if (!(error instanceof AmbiguousCreateError)) throw error;
			const listed = (await signicatApiRequest.call(context, { method: 'GET', path: '/share/list', kind: 'read' }, options)) as ListedShare[] | undefined;
			const existing = Array.isArray(listed) ? listed.find((share) => share?.information?.externalId === body.information.externalId) : undefined;
			if (existing?.id) return existing.id;
			if (round >= maxRounds) {
				const cause = error.cause as NodeOperationError;
				cause.description = `${cause.description ?? ''} No share with external id ${body.information.externalId} exists, so Signicat created nothing: running the item again is safe.`.trim();
				throw cause;
			}
			// Nothing was created: back off as for any retry before sending the create again.
			await sleep(backoffMs(round, options.retry ?? DEFAULT_RETRY_POLICY));
		}
	}
}

interface ShareDetails {
	recipients?: Array<{ id?: string; email?: string; firstName?: string; lastName?: string; url?: string }>;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('inputMode', itemIndex, 'fields') as 'fields' | 'json';
	const options = transportOptions(this, itemIndex);
	const includeLinks = this.getNodeParameter('options.includeRecipientLinks', itemIndex, true) as boolean;

	let body: CreateShareBody;
	let files: PlannedFile[];
	try {
		const planned = planFiles(this, itemIndex, mode === 'json' ? bodyFromJson(this, itemIndex) : bodyFromFields(this, itemIndex));
		body = validateCreateShareBody(planned.raw, { now: Date.now(), timeZone: this.getTimezone() });
		checkPlannedFiles(planned.files, body);
		files = planned.files;
	} catch (error) {
		if (error instanceof ShareInputError) throw inputError(this.getNode(), error, itemIndex, mode);
		throw error;
	}
	if (!body.information.externalId) body.information.externalId = idempotencyExternalId(this, itemIndex);

	const shareId = await createShare(this, body, options);

	const uploaded: IDataObject[] = [];
	for (const file of files) {
		const binary = this.helpers.assertBinaryData(itemIndex, file.binaryField) as IBinaryData;
		try {
			const result = await uploadContent.call(this, { shareId, contentId: file.contentId, fileName: file.fileName, binary }, options);
			uploaded.push({ contentId: file.contentId, binaryField: file.binaryField, fileName: file.fileName, ...result });
		} catch (error) {
			const failed = error as NodeOperationError;
			const done = uploaded.map((entry) => entry.contentId).join(', ');
			failed.message = `Share ${shareId} was created, but uploading "${file.fileName}" as content ${file.contentId} failed: ${failed.message}`;
			failed.description = `${failed.description ?? ''} Uploaded before the failure: ${done || 'none'}. Recipients are notified only when every content item has arrived: upload the rest with the Upload File operation (Share ID ${shareId}).`.trim();
			throw failed;
		}
	}

	const uploadedIds = new Set(uploaded.map((entry) => entry.contentId));
	const output: IDataObject = { shareId, ...(maskBodySsns(body) as unknown as IDataObject) };
	if (includeLinks) {
		const details = (await signicatApiRequest.call(this, { method: 'GET', path: sharePath(shareId), kind: 'read' }, options)) as ShareDetails | undefined;
		const returned = Array.isArray(details?.recipients) ? details.recipients : [];
		output.recipients = (output.recipients as IDataObject[]).map((recipient, index) => {
			const match = returned.find((candidate) => candidate?.email === recipient.email && candidate?.firstName === recipient.firstName) ?? returned[index];
			return { ...recipient, recipientId: match?.id ?? null, url: match?.url ?? null };
		});
	}
	output.files = uploaded;
	output.pendingContentIds = body.content.map((item) => item.id).filter((id) => !uploadedIds.has(id));
	// The item's files travel on, so an Upload File right after this node finds them.
	const binary = this.getInputData()[itemIndex].binary;
	return [{ json: output, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } }];
}
