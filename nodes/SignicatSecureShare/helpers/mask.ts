// Keeps personal data and hostile input out of messages: SSNs masked, values quoted and shortened.

export function maskSsn(ssn: string): string {
	const visible = ssn.length > 4 ? ssn.slice(-4) : '';
	return '*'.repeat(Math.max(ssn.length - visible.length, 4)) + visible;
}

/** A value as it may appear inside an error message: JSON-quoted, control characters escaped, at most 60 characters. */
export function quoteValue(value: unknown): string {
	let text: string;
	if (value === undefined) return 'nothing';
	try {
		text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
	} catch {
		text = Object.prototype.toString.call(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A copy of a create body with every SSN masked, for node output. */
export function maskBodySsns<T>(body: T): T {
	return JSON.parse(
		JSON.stringify(body, (key, value: unknown) =>
			key === 'ssn' && typeof value === 'string' ? maskSsn(value) : value,
		),
	) as T;
}
