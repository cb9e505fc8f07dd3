/* eslint-disable n8n-nodes-base/node-filename-against-convention -- the description lives beside the router, as in n8n's versioned nodes (Google Drive v2) */
import type { INodeTypeDescription } from 'n8n-workflow';

import * as share from './share';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Signicat Secure Share',
	name: 'signicatSecureShare',
	icon: { light: 'file:signicat.svg', dark: 'file:signicat.dark.svg' },
	group: ['output'],
	version: 1,
	subtitle: '={{ $parameter["operation"] === "upload" ? "Upload File" : "Create Share" }}',
	description: 'Share files with named people who log in with BankID, Buypass, NemID or Tupas',
	defaults: { name: 'Signicat Secure Share' },
	usableAsTool: true,
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'signicatApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Share', value: 'share' }],
			default: 'share',
		},
		...share.description,
	],
};
