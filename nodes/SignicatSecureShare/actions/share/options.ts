import type { IExecuteFunctions } from 'n8n-workflow';

import type { TransportOptions } from '../../transport';
import { DEFAULT_RETRY_POLICY } from '../../transport/retry';

/** The request options (retries, timeout) an item's "Options" collection sets. */
export function transportOptions(context: IExecuteFunctions, itemIndex: number): TransportOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as {
		maxAttempts?: number;
		maxWaitSeconds?: number;
		timeoutSeconds?: number;
	};
	return {
		itemIndex,
		timeoutMs: Math.max(1, options.timeoutSeconds ?? 120) * 1000,
		retry: {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts)),
			maxWaitMs: Math.max(0, options.maxWaitSeconds ?? DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
		},
	};
}
