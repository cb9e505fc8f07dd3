// Date handling without a date library: n8n date-times become ISO 8601 with an offset,
// and `dateOfBirth` is checked as a real ddMMyy date.

const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

function pad(value: number, width = 2): string {
	return String(Math.trunc(Math.abs(value))).padStart(width, '0');
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
		} catch {
			formatter = null;
		}
		if (formatters.size < 1000) formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Minutes east of UTC that `timeZone` has at the instant `epochMs`. */
function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
	const parts = formatterFor(timeZone)!.formatToParts(new Date(epochMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

export function isValidTimeZone(timeZone: string): boolean {
	return formatterFor(timeZone) !== null;
}

function formatWithOffset(epochMs: number, offsetMinutes: number): string {
	const shifted = new Date(epochMs + offsetMinutes * 60000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	return (
		`${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
		`T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
		`.${pad(shifted.getUTCMilliseconds(), 3)}${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`
	);
}

export interface ParsedDateTime {
	epochMs: number;
	iso: string;
}

/**
 * Reads what n8n hands over for a date-time field (an ISO string with or without offset,
 * a JS Date, or a Luxon DateTime from an expression) and returns it as ISO 8601 with offset.
 * A value without an offset is read in `timeZone` (the workflow's time zone), as n8n does.
 * Returns undefined when the value is not a date-time.
 */
export function parseDateTime(value: unknown, timeZone: string): ParsedDateTime | undefined {
	const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
	if (value instanceof Date) {
		const epochMs = value.getTime();
		return Number.isFinite(epochMs) ? { epochMs, iso: formatWithOffset(epochMs, zoneOffsetMinutes(epochMs, zone)) } : undefined;
	}
	if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => unknown }).toISO();
		return typeof iso === 'string' ? parseDateTime(iso, zone) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text.length === 0 || text.length > 40) return undefined;

	const offsetMatch = OFFSET_PATTERN.exec(text);
	if (offsetMatch) {
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
		const epochMs = Date.parse(text);
		if (!Number.isFinite(epochMs) || !LOCAL_DATE_TIME.test(text.slice(0, offsetMatch.index))) return undefined;
		const zoneText = offsetMatch[1].toUpperCase();
		const offsetMinutes =
			zoneText === 'Z'
				? 0
				: (zoneText.startsWith('-') ? -1 : 1) *
					(Number(zoneText.slice(1, 3)) * 60 + Number(zoneText.slice(-2)));
		return { epochMs, iso: formatWithOffset(epochMs, offsetMinutes) };
	}

	const local = LOCAL_DATE_TIME.exec(text);
	if (!local) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = local;
	const wallClockAsUtc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		Number(fraction.padEnd(3, '0').slice(0, 3)),
	);
	const check = new Date(wallClockAsUtc);
	if (
		check.getUTCFullYear() !== Number(year) ||
		check.getUTCMonth() !== Number(month) - 1 ||
		check.getUTCDate() !== Number(day) ||
		Number(hour) > 23 ||
		Number(minute) > 59 ||
		Number(second) > 59
	) {
		return undefined;
	}
	// Two passes settle the offset across a daylight-saving change.
	let offset = zoneOffsetMinutes(wallClockAsUtc, zone);
	offset = zoneOffsetMinutes(wallClockAsUtc - offset * 60000, zone);
	const epochMs = wallClockAsUtc - offset * 60000;
	return { epochMs, iso: formatWithOffset(epochMs, offset) };
}

/** Whether `value` is ddMMyy naming a day that exists (29 February in years divisible by four). */
export function isDdMMyy(value: string): boolean {
	const match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return day <= daysInMonth;
}
