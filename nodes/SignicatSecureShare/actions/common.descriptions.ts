import type { INodeProperties } from 'n8n-workflow';

// The defaults match DEFAULT_RETRY_POLICY in transport/retry.ts (the linter wants literals here).

/** Options every operation offers: concurrency, retries and the request timeout. */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 32 },
		default: 1,
		description: 'How many items are sent to Signicat at the same time. Output keeps the input order.',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 4,
		description:
			'How often a request is tried when Signicat rate-limits (429), is briefly unavailable (502, 503, 504) or the connection fails. A Create Share is repeated only when Signicat provably created nothing.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'The longest pause before a retry. When Signicat asks for a longer pause (Retry-After), the item fails instead.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 120,
		description: 'How long a request may go without progress before it is abandoned (and retried)',
	},
];
