// Where tokens may travel: https anywhere, plain http only to this machine.

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The base URL without trailing slashes, or an Error that says why it cannot carry a token. */
export function checkBaseUrl(baseUrl: unknown): string | Error {
	if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
		return new Error('The credential has no Base URL. Use https://api.signicat.io.');
	}
	let url: URL;
	try {
		url = new URL(baseUrl.trim());
	} catch {
		return new Error(`The credential's Base URL "${baseUrl.slice(0, 100)}" is not a URL. Use https://api.signicat.io.`);
	}
	if (url.username || url.password) {
		return new Error("The credential's Base URL must not contain a user name or password.");
	}
	if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
	}
	return new Error(
		`The credential's Base URL "${url.origin}" is not https: access tokens and client secrets would travel in clear text. Use https://api.signicat.io (plain http is allowed only to localhost).`,
	);
}
