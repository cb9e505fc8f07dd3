// Every call to the Secure Share API goes through here: credentials and base URL checks, the token
// (renewed before expiry and once after a 401), retries with backoff, and errors as NodeApiError.
import type { IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiErrorBody } from '../helpers/wire';
import { checkBaseUrl } from './endpoint';
import { decideRetry, requestWasSent, DEFAULT_RETRY_POLICY, type Failure, type RequestKind, type RetryPolicy } from './retry';
import { forgetToken, isTokenFresh } from './tokens';

export const CREDENTIAL_TYPE = 'signicatApi';

export interface TransportOptions {
	itemIndex: number;
	retry?: RetryPolicy;
	/** Milliseconds without progress after which a request is abandoned. */
	timeoutMs?: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, already URL-encoded. */
	path: string;
	kind: RequestKind;
	/** Builds the body anew for every attempt, so a streamed upload restarts from its first byte. */
	body?: () => Promise<{ body: unknown; headers?: Record<string, string> }>;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/** Thrown when a create failed in a way that leaves open whether Signicat made the share. */
export class AmbiguousCreateError extends Error {}

function header(response: FullResponse, name: string): string | undefined {
	const value = response.headers[name] ?? response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** The system error code (ECONNRESET, ECONNREFUSED, ECONNABORTED...) behind a failed request, if any. */
function rootCause(error: unknown): { code?: string; message?: string } {
	const isCode = (value: unknown): value is string => typeof value === 'string' && /^E[A-Z_]+$|^ERR_[A-Z_]+$|^UND_ERR_[A-Z_]+$/.test(value);
	// n8n wraps the request error in a NodeApiError; depending on the version the code sits on the
	// original error (cause) or is copied to httpCode.
	let current = error as { cause?: unknown; code?: unknown; httpCode?: unknown; errorResponse?: { code?: unknown }; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		for (const candidate of [current.code, current.httpCode, current.errorResponse?.code]) {
			if (isCode(candidate)) return { code: candidate, message: String(current.message ?? '') };
		}
		current = current.cause as typeof current;
	}
	return { message: error instanceof Error ? error.message : undefined };
}

function parseErrorBody(body: unknown): ApiErrorBody {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as ApiErrorBody;
		} catch {
			return { message: body.slice(0, 300) };
		}
	}
	if (Buffer.isBuffer(body)) return parseErrorBody(body.toString('utf8'));
	return body !== null && typeof body === 'object' ? (body as ApiErrorBody) : {};
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Signicat rejected the request as invalid.',
	401: 'Signicat refused the access token twice. Check that the credential\'s client is active.',
	402: 'The Signicat account has no active subscription for Secure Share.',
	403: 'The API client lacks permission. Give it the scopes share_read and share_write in the Signicat dashboard.',
	404: 'Signicat does not know this share or content id.',
	422: 'Signicat could not process the request.',
	429: 'Signicat rate-limited the requests and the retries ran out. Lower the concurrency or raise Max Attempts.',
	500: 'Signicat had an internal error.',
	502: 'Signicat was unreachable behind its gateway.',
	503: 'Signicat is temporarily unavailable.',
	504: 'Signicat did not answer in time.',
};

function apiError(context: IExecuteFunctions, response: FullResponse, itemIndex: number, attempts: number): NodeApiError {
	const body = parseErrorBody(response.body);
	const requestId = header(response, 'request-id');
	const fieldErrors = Array.isArray(body.errors)
		? body.errors.map((error) => `${String(error?.field ?? '')}: ${String(error?.message ?? '')}`).slice(0, 20)
		: [];
	const signicatMessage = body.message ?? body.error_description ?? body.error;
	const message = `Signicat answered ${response.statusCode}${signicatMessage ? `: ${String(signicatMessage).slice(0, 300)}` : ''}`;
	const description = [
		STATUS_HINTS[response.statusCode],
		body.code ? `Code: ${body.code}.` : '',
		fieldErrors.length ? `Fields: ${fieldErrors.join('; ')}.` : '',
		attempts > 1 ? `Tried ${attempts} times.` : '',
		requestId ? `Request-Id (give it to Signicat support): ${requestId}.` : '',
	]
		.filter(Boolean)
		.join(' ');
	const details: JsonObject = { httpCode: String(response.statusCode), message: signicatMessage ?? null, code: body.code ?? null, errors: fieldErrors, requestId: requestId ?? null };
	return new NodeApiError(context.getNode(), details, { message, description, httpCode: String(response.statusCode), itemIndex });
}

function networkError(context: IExecuteFunctions, code: string | undefined, message: string | undefined, itemIndex: number, attempts: number): NodeApiError {
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const what = timedOut
		? 'The request to Signicat stalled and timed out'
		: code
			? `The connection to Signicat failed (${code})`
			: (message ?? 'The request to Signicat failed');
	const fix = timedOut
		? 'Raise the Timeout option for very large files or slow networks.'
		: 'Check the Base URL and the network; the node retries such failures up to Max Attempts.';
	const error = new NodeApiError(context.getNode(), { errorCode: code ?? null, message: what } as JsonObject, {
		message: what,
		description: `${fix}${attempts > 1 ? ` Tried ${attempts} times.` : ''}`,
		itemIndex,
	});
	// NodeApiError swaps messages of known system codes for generic ones; ours names the cause and the fix.
	error.message = what;
	return error;
}

/**
 * Sends one API call. Returns the parsed body of a 2xx answer. Throws NodeApiError for an HTTP or
 * network failure after the retries the policy allows, and AmbiguousCreateError (with the failure as
 * its cause) when a create failed after its body may have reached Signicat.
 */
export async function signicatApiRequest(this: IExecuteFunctions, request: ApiRequest, options: TransportOptions): Promise<unknown> {
	const { itemIndex } = options;
	const policy = options.retry ?? DEFAULT_RETRY_POLICY;
	const nodeCredentials = this.getNode().credentials?.[CREDENTIAL_TYPE];
	let renewToken = false;
	let tokenRenewed = false;

	for (let attempt = 1; ; attempt++) {
		const credentials = { ...(await this.getCredentials(CREDENTIAL_TYPE, itemIndex)) };
		const baseUrl = checkBaseUrl(credentials.baseUrl);
		if (baseUrl instanceof Error) throw new NodeOperationError(this.getNode(), baseUrl.message, { itemIndex });
		// An empty token makes n8n run the credential's preAuthentication, which stores the new one.
		if (renewToken || !isTokenFresh(credentials as { accessToken?: unknown; tokenExpiresAt?: unknown })) credentials.accessToken = '';
		renewToken = false;

		const built = await request.body?.();
		const httpOptions: IHttpRequestOptions = {
			method: request.method,
			url: `${baseUrl}${request.path}`,
			headers: { Accept: 'application/json', ...(built?.headers ?? {}) },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: options.timeoutMs,
		};
		if (built) httpOptions.body = built.body as IHttpRequestOptions['body'];

		let failure: Failure;
		let response: FullResponse | undefined;
		let networkCause: { code?: string; message?: string } = {};
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, httpOptions, {
				credentialsDecrypted: { id: nodeCredentials?.id ?? '', name: nodeCredentials?.name ?? '', type: CREDENTIAL_TYPE, data: credentials },
			})) as FullResponse;
		} catch (error) {
			networkCause = rootCause(error);
			if (!networkCause.code) {
				// Not a connection failure: the token request failed or n8n refused the call. Its message is safe.
				throw new NodeApiError(this.getNode(), { message: networkCause.message ?? 'Request failed' } as JsonObject, {
					message: networkCause.message ?? 'The request to Signicat failed',
					itemIndex,
				});
			}
		}

		if (response) {
			if (response.statusCode >= 200 && response.statusCode < 300) return response.body;
			if (response.statusCode >= 300 && response.statusCode < 400) {
				throw new NodeOperationError(this.getNode(), `Signicat answered with a redirect (${response.statusCode}) to ${String(header(response, 'location') ?? 'elsewhere').slice(0, 200)}`, {
					itemIndex,
					description: 'The node does not follow redirects, so the access token cannot reach another host. Set the Base URL to the address the redirect names.',
				});
			}
			if (response.statusCode === 401 && !tokenRenewed) {
				// The token was revoked or expired early: renew it once and repeat (not counted as a retry).
				forgetToken(credentials.accessToken);
				renewToken = true;
				tokenRenewed = true;
				attempt--;
				continue;
			}
			failure = { type: 'status', status: response.statusCode, retryAfter: header(response, 'retry-after') };
		} else {
			const code = networkCause.code ?? 'UNKNOWN';
			failure = { type: 'network', code, requestSent: requestWasSent(code) };
		}

		const decision = decideRetry(request.kind, failure, attempt, policy);
		if (decision.retry) {
			await sleep(decision.waitMs);
			continue;
		}
		const error = response
			? apiError(this, response, itemIndex, attempt)
			: networkError(this, networkCause.code, networkCause.message, itemIndex, attempt);
		if (decision.reason === 'wait-too-long') {
			error.description = `${error.description ?? ''} Signicat asked to wait ${Math.ceil((decision.waitMs ?? 0) / 1000)} s, longer than the Max Wait option.`.trim();
		}
		if (decision.reason === 'ambiguous-create') {
			throw new AmbiguousCreateError(error.message, { cause: error });
		}
		throw error;
	}
}

export function sharePath(shareId: string, ...rest: string[]): string {
	return ['/share', shareId, ...rest].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/');
}

