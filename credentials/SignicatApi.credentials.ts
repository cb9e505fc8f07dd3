import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { obtainToken } from '../nodes/SignicatSecureShare/transport/tokens';

export class SignicatApi implements ICredentialType {
	name = 'signicatApi';

	displayName = 'Signicat API';

	icon: Icon = { light: 'file:signicat.svg', dark: 'file:signicat.dark.svg' };

	documentationUrl = 'https://developer.signicat.com/docs/accessing-api-products/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.signicat.io',
			required: true,
			description:
				'Signicat API host. Accounts created before 2021 may use https://api.idfy.io. Must be https (plain http only to localhost).',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The API client ID from the Signicat dashboard (Settings → API clients)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret shown once when the API client was created',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'share_read share_write',
			description: 'Space-separated OAuth scopes. Secure Share needs share_read and share_write.',
		},
		{
			displayName: 'Client Authentication',
			name: 'clientAuthentication',
			type: 'options',
			options: [
				{ name: 'Send as Basic Auth Header', value: 'header' },
				{ name: 'Send Client Credentials in Body', value: 'body' },
			],
			default: 'header',
			description: 'How the client ID and secret are sent to the token endpoint',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires At',
			name: 'tokenExpiresAt',
			type: 'hidden',
			default: 0,
		},
	];

	/** Called by n8n when the stored token is empty or was refused (401); fetches or shares a fresh one. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { accessToken, tokenExpiresAt } = await obtainToken(this, credentials);
		return { accessToken, tokenExpiresAt };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/share/list',
			method: 'GET',
			disableFollowRedirect: true,
		},
	};
}
