// A start node for tests and the demo: emits the items in its parameters, with binaries made by n8n's
// own prepareBinaryData (so in filesystem mode they live on disk and carry an id, as in a real instance).
import { createReadStream } from 'node:fs';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** A file for an item: its text, or a path to stream from. */
export interface SourceFile {
	fileName: string;
	mimeType?: string;
	text?: string;
	base64?: string;
	path?: string;
}

export interface SourceItem {
	json: IDataObject;
	files?: Record<string, SourceFile>;
	/** Binaries already stored by n8n's binary data service, passed on as they are. */
	binary?: IBinaryKeyData;
}

export class HarnessSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Source',
		name: 'harnessSource',
		group: ['input'],
		version: 1,
		description: 'Emits the given items',
		defaults: { name: 'Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | SourceItem[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as SourceItem[];
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const binary: IBinaryKeyData = { ...(item.binary ?? {}) };
			for (const [field, file] of Object.entries(item.files ?? {})) {
				const data = file.path
					? createReadStream(file.path)
					: Buffer.from(file.base64 ?? file.text ?? '', file.base64 !== undefined ? 'base64' : 'utf8');
				binary[field] = await this.helpers.prepareBinaryData(data, file.fileName, file.mimeType ?? 'application/octet-stream');
			}
			output.push({ json: item.json, ...(Object.keys(binary).length ? { binary } : {}), pairedItem: { item: index } });
		}
		return [output];
	}
}
