import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as upload from './upload.operation';

export { create, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['share'] } },
		options: [
			{
				name: 'Create Share',
				value: 'create',
				action: 'Create a share',
				description: 'Create a share for recipients who log in with an electronic ID',
			},
			{
				name: 'Upload File',
				value: 'upload',
				action: 'Upload a file to a share',
				description: 'Upload the file of one content item of a share',
			},
		],
		default: 'create',
	},
	...create.description,
	...upload.description,
];
