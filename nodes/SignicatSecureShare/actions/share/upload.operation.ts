import type { IBinaryData, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/errors';
import { ShareInputError } from '../../helpers/validate';
import { uploadContent } from '../../transport/upload';
import { requestOptions } from '../common.descriptions';
import { transportOptions } from './options';

const show = { resource: ['share'], operation: ['upload'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Share ID',
		name: 'shareId',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '={{ $json.shareId }}',
		description: 'The ID Create Share returned. The default reads it from the incoming item.',
	},
	{
		displayName: 'Content ID',
		name: 'contentId',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '',
		placeholder: 'contract',
		description: 'The ID of the content item (as declared in Create Share) whose file this is',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: "The file name Signicat stores and recipients see. Empty uses the binary's own file name.",
			},
			...requestOptions,
		],
	},
];

function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number, fix: string): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '') {
		throw inputError(context.getNode(), new ShareInputError(label, 'is required but empty', fix), itemIndex, 'upload');
	}
	return text.trim();
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const shareId = requiredText(this, 'shareId', 'Share ID', itemIndex, 'Give the share id from Create Share, e.g. {{ $json.shareId }} when Create Share comes right before.');
	const contentId = requiredText(this, 'contentId', 'Content ID', itemIndex, 'Give the id of a content item declared in Create Share.');
	const binaryField = requiredText(this, 'binaryPropertyName', 'Input Binary Field', itemIndex, 'Give the name of the binary field holding the file, usually "data".');
	const binary = this.helpers.assertBinaryData(itemIndex, binaryField) as IBinaryData;
	const override = (this.getNodeParameter('options.fileName', itemIndex, '') as string).trim();
	const fileName = override || binary.fileName || contentId;

	const result = await uploadContent.call(this, { shareId, contentId, fileName, binary }, transportOptions(this, itemIndex));
	// The item's files travel on, so the next Upload File can take another of them.
	const files = this.getInputData()[itemIndex].binary;
	return [
		{
			json: { shareId, contentId, fileName, mimeType: binary.mimeType, bytes: result.bytes, sha256: result.sha256 },
			...(files ? { binary: files } : {}),
			pairedItem: { item: itemIndex },
		},
	];
}
