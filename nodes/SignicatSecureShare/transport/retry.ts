// When a failed call may be sent again, and how long to wait first. Pure: no n8n, no I/O.

/** How a request may be repeated: reads and uploads are idempotent; a create is not. */
export type RequestKind = 'read' | 'create' | 'upload';

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** The longest single wait, in milliseconds; a longer Retry-After fails the item instead. */
	maxWaitMs: number;
	/** The first backoff step, in milliseconds; it doubles with every attempt. */
	baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, maxWaitMs: 30_000, baseDelayMs: 500 };

/** What went wrong with one attempt, as far as retrying is concerned. */
export type Failure =
	| { type: 'status'; status: number; retryAfter?: string }
	| { type: 'network'; code: string; requestSent: boolean };

/** Connection failures after which the server cannot have seen the request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const RETRYABLE_NETWORK_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);

export function requestWasSent(code: string): boolean {
	return !NOT_SENT_CODES.has(code);
}

/** Seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export type RetryDecision =
	| { retry: true; waitMs: number }
	| { retry: false; reason: 'not-retryable' | 'attempts-exhausted' | 'wait-too-long' | 'ambiguous-create'; waitMs?: number };

/**
 * Whether attempt number `attempt` (1-based) that failed with `failure` may be repeated.
 * A create is repeated only where the server provably created nothing: the connection was
 * refused, or it answered 429 or 503. Other failures of a create are "ambiguous".
 */
export function decideRetry(kind: RequestKind, failure: Failure, attempt: number, policy: RetryPolicy, random = Math.random): RetryDecision {
	let retryable: boolean;
	let serverAskedMs: number | undefined;
	if (failure.type === 'status') {
		retryable = failure.status === 429 || failure.status === 502 || failure.status === 503 || failure.status === 504;
		if (kind === 'create' && (failure.status === 500 || failure.status === 502 || failure.status === 504)) {
			return { retry: false, reason: 'ambiguous-create' };
		}
		serverAskedMs = parseRetryAfter(failure.retryAfter);
	} else {
		retryable = RETRYABLE_NETWORK_CODES.has(failure.code);
		if (retryable && kind === 'create' && failure.requestSent) return { retry: false, reason: 'ambiguous-create' };
	}
	if (!retryable) return { retry: false, reason: 'not-retryable' };
	if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
	if (serverAskedMs !== undefined) {
		if (serverAskedMs > policy.maxWaitMs) return { retry: false, reason: 'wait-too-long', waitMs: serverAskedMs };
		return { retry: true, waitMs: serverAskedMs };
	}
	return { retry: true, waitMs: backoffMs(attempt, policy, random) };
}

/** Exponential backoff with jitter, so items that failed together do not return together. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
