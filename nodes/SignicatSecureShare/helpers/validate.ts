// Validates a create-share body (built from fields or given as JSON) before anything is sent,
// and returns a clean copy that holds only the contract's fields, with `expires` as ISO 8601.
import { isDdMMyy, parseDateTime } from './dates';
import { maskSsn, quoteValue } from './mask';
import {
	CONTENT_TYPES,
	IDENTITY_PROVIDERS,
	LANGUAGES,
	NOTIFICATION_EVENTS,
	NOTIFICATION_TYPES,
	type Authentication,
	type ContactDetails,
	type ContentItem,
	type CreateShareBody,
	type Information,
	type Mobile,
	type Recipient,
	type RecipientNotification,
	type Sender,
} from './wire';

/** A problem with one field of the input: where it is, what is wrong, how to fix it. */
export class ShareInputError extends Error {
	constructor(
		readonly path: string,
		readonly problem: string,
		readonly fix: string,
	) {
		super(`${path}: ${problem}`);
		this.name = 'ShareInputError';
	}
}

export interface ValidationContext {
	/** Milliseconds since the epoch; `expires` must be later. */
	now: number;
	/** IANA zone used for date-times without an offset (the workflow's zone). */
	timeZone: string;
}

// The contract sets no lengths; these are generous bounds the sandbox applies too.
export const MAX_SHORT_TEXT = 1000;
export const MAX_LONG_TEXT = 10000;
export const MAX_ITEMS = 1000;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Input = Record<string, unknown>;

function fail(path: string, problem: string, fix: string): never {
	throw new ShareInputError(path, problem, fix);
}

function join(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${quoteValue(value)}`;
}

function objectAt(value: unknown, path: string, allowed: readonly string[]): Input {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		fail(path || 'body', `must be an object, got ${describe(value)}`, `Give ${path || 'the body'} as a JSON object with the fields ${allowed.join(', ')}.`);
	}
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) {
			const near = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
			fail(
				join(path, key),
				`is not a field of the Secure Share API${near ? ` (field names are case-sensitive: did you mean "${near}"?)` : ''}`,
				near ? `Rename it to "${near}".` : `Remove it; the fields allowed here are ${allowed.join(', ')}.`,
			);
		}
	}
	return value as Input;
}

function listAt(value: unknown, path: string, what: string, required: boolean): unknown[] {
	if (value === undefined && !required) return [];
	if (!Array.isArray(value)) {
		fail(path, value === undefined ? `is missing` : `must be a list, got ${describe(value)}`, `Give ${path} as a list of ${what}.`);
	}
	if (value.length > MAX_ITEMS) fail(path, `has ${value.length} entries, more than ${MAX_ITEMS}`, `Split the share into smaller ones.`);
	return value;
}

function textAt(input: Input, key: string, path: string, options: { required: boolean; max?: number; multiline?: boolean; secret?: boolean }): string | undefined {
	const value = input[key];
	const at = join(path, key);
	if (value === undefined || value === null || value === '') {
		if (options.required) fail(at, 'is required but empty', `Fill in ${at}.`);
		return undefined;
	}
	if (typeof value !== 'string') {
		fail(at, `must be text, got ${options.secret ? typeof value : describe(value)}`, `Give ${at} as a string.`);
	}
	const shown = options.secret ? maskSsn(value) : quoteValue(value);
	if (value.trim() === '') {
		if (options.required) fail(at, 'is required but holds only spaces', `Fill in ${at}.`);
		return undefined;
	}
	const max = options.max ?? MAX_SHORT_TEXT;
	if (value.length > max) fail(at, `is ${value.length} characters long, more than ${max}`, `Shorten ${at}.`);
	const control = options.multiline ? CONTROL_CHARACTERS : /[\u0000-\u001f\u007f]/;
	if (control.test(value)) {
		fail(at, `${shown} contains control characters${options.multiline ? '' : ' or line breaks'}`, `Remove them from ${at}.`);
	}
	return value;
}

function enumAt<T extends string>(input: Input, key: string, path: string, allowed: readonly T[], fallback?: T): T {
	const value = input[key];
	const at = join(path, key);
	if ((value === undefined || value === '' || value === null) && fallback !== undefined) return fallback;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	const near = typeof value === 'string' ? allowed.find((name) => name.toLowerCase() === value.toLowerCase() || name.startsWith(value) && value.length > 3) : undefined;
	fail(
		at,
		value === undefined || value === '' ? 'is required but empty' : `${quoteValue(value)} is not one of the allowed values`,
		`Use one of ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}.`,
	);
}

function emailAt(input: Input, key: string, path: string, required: boolean): string | undefined {
	const value = textAt(input, key, path, { required, max: 254 });
	if (value !== undefined && !EMAIL.test(value)) {
		fail(join(path, key), `${quoteValue(value)} is not an email address`, 'Give an address like name@example.com.');
	}
	return value;
}

function mobileAt(value: unknown, path: string): Mobile {
	const input = objectAt(value, path, ['countryCode', 'number']);
	let countryCode = input.countryCode;
	if (typeof countryCode === 'string' && /^\+?\d{1,3}$/.test(countryCode.trim())) countryCode = Number(countryCode.trim().replace('+', ''));
	if (typeof countryCode !== 'number' || !Number.isInteger(countryCode) || countryCode < 1 || countryCode > 999) {
		fail(join(path, 'countryCode'), countryCode === undefined ? 'is required but empty' : `${quoteValue(countryCode)} is not a country calling code from 1 to 999`, 'Give the code without "+" or leading zeros, e.g. 47 for Norway, 46 for Sweden.');
	}
	let number = input.number;
	if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) number = String(number);
	if (typeof number !== 'string' || !/^\d{1,15}$/.test(number)) {
		fail(join(path, 'number'), number === undefined || number === '' ? 'is required but empty' : `${quoteValue(number)} is not a phone number of 1 to 15 digits`, 'Give the digits only, without the country code, spaces or "+", e.g. "41234567".');
	}
	return { countryCode, number };
}

function validateInformation(value: unknown): Information {
	const path = 'information';
	const input = objectAt(value, path, ['title', 'description', 'externalId', 'departmentId', 'confidentialInfo']);
	const information: Information = {
		title: textAt(input, 'title', path, { required: true })!,
		description: textAt(input, 'description', path, { required: true, max: MAX_LONG_TEXT, multiline: true })!,
	};
	const externalId = textAt(input, 'externalId', path, { required: false });
	if (externalId !== undefined) information.externalId = externalId;
	const departmentId = textAt(input, 'departmentId', path, { required: false });
	if (departmentId !== undefined) information.departmentId = departmentId;
	const confidentialInfo = textAt(input, 'confidentialInfo', path, { required: false, max: MAX_LONG_TEXT, multiline: true });
	if (confidentialInfo !== undefined) information.confidentialInfo = confidentialInfo;
	return information;
}

function validateContent(value: unknown): ContentItem[] {
	const items = listAt(value, 'content', 'content items ({ id, name, type })', true);
	if (items.length === 0) fail('content', 'is empty: a share needs at least one content item', 'Add a content item (an id of your choice, a name and type "file") for each file you will upload.');
	const seen = new Map<string, number>();
	return items.map((item, index) => {
		const path = join('content', index);
		const input = objectAt(item, path, ['id', 'name', 'type']);
		const id = textAt(input, 'id', path, { required: true, max: 255 })!;
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			fail(join(path, 'id'), `${quoteValue(id)} is already the id of content[${earlier}]`, 'Give every content item its own id.');
		}
		seen.set(id, index);
		return {
			id,
			name: textAt(input, 'name', path, { required: true })!,
			type: enumAt(input, 'type', path, CONTENT_TYPES),
		};
	});
}

function validateAuthentication(value: unknown, path: string): Authentication[] {
	const methods = listAt(value, path, 'authentication methods ({ identityProvider, ... })', true);
	if (methods.length === 0) fail(path, 'is empty: the recipient needs an identity provider to log in with', 'Add one authentication method, e.g. { "identityProvider": "NO_BANKID_WEB" }.');
	return methods.map((method, index) => {
		const at = join(path, index);
		const input = objectAt(method, at, ['identityProvider', 'identityProviderUniqueId', 'ssn', 'dateOfBirth']);
		const authentication: Authentication = { identityProvider: enumAt(input, 'identityProvider', at, IDENTITY_PROVIDERS) };
		const uniqueId = textAt(input, 'identityProviderUniqueId', at, { required: false, max: 255 });
		if (uniqueId !== undefined) authentication.identityProviderUniqueId = uniqueId;
		const ssn = textAt(input, 'ssn', at, { required: false, max: 64, secret: true });
		if (ssn !== undefined) {
			if (!/^[0-9A-Za-z+-]{6,20}$/.test(ssn)) {
				fail(join(at, 'ssn'), `${maskSsn(ssn)} is not a national identity number`, 'Give 6 to 20 digits (letters, "+" and "-" allowed, as in Finnish numbers), without spaces.');
			}
			authentication.ssn = ssn;
		}
		const dateOfBirth = textAt(input, 'dateOfBirth', at, { required: false, max: 64 });
		if (dateOfBirth !== undefined) {
			if (!isDdMMyy(dateOfBirth)) fail(join(at, 'dateOfBirth'), `${quoteValue(dateOfBirth)} is not a real date in the form ddMMyy`, 'Give day, month and the year\'s last two digits, e.g. "290570" for 29 May 1970.');
			authentication.dateOfBirth = dateOfBirth;
		}
		return authentication;
	});
}

function validateNotification(value: unknown, path: string): RecipientNotification {
	const input = objectAt(value, path, ['setup', 'language']);
	const setupPath = join(path, 'setup');
	const setup = objectAt(input.setup ?? {}, setupPath, ['request', 'reminder']);
	return {
		setup: {
			request: enumAt(setup, 'request', setupPath, NOTIFICATION_TYPES, 'Off'),
			reminder: enumAt(setup, 'reminder', setupPath, NOTIFICATION_TYPES, 'Off'),
		},
		language: enumAt(input, 'language', path, LANGUAGES),
	};
}

function validateRecipient(value: unknown, path: string, contentIds: Set<string>, context: ValidationContext): Recipient {
	const input = objectAt(value, path, ['firstName', 'lastName', 'email', 'expires', 'mobile', 'uploads', 'authentication', 'notification', 'externalId', 'oneTimeLogin']);
	const firstName = textAt(input, 'firstName', path, { required: true })!;
	const lastName = textAt(input, 'lastName', path, { required: true })!;
	const email = emailAt(input, 'email', path, true)!;

	const expiresPath = join(path, 'expires');
	if (input.expires === undefined || input.expires === null || input.expires === '') fail(expiresPath, 'is required but empty', 'Give the date and time the recipient\'s access ends, e.g. {{ $now.plus(14, "days") }}.');
	const expires = parseDateTime(input.expires, context.timeZone);
	if (!expires) fail(expiresPath, `${quoteValue(input.expires)} is not a date and time`, 'Give an ISO 8601 date-time such as "2027-01-31T17:00:00+01:00", or pick one in the date field.');
	if (expires.epochMs <= context.now) fail(expiresPath, `${expires.iso} is not in the future`, 'Give a moment after now; access ends at that time.');

	if (input.mobile === undefined) fail(join(path, 'mobile'), 'is required but empty', 'Give { "countryCode": 47, "number": "41234567" }.');
	const mobile = mobileAt(input.mobile, join(path, 'mobile'));

	const uploadsPath = join(path, 'uploads');
	const uploads: string[] = [];
	listAt(input.uploads, uploadsPath, 'content ids', false).forEach((contentId, index) => {
		if (typeof contentId !== 'string' || !contentIds.has(contentId)) {
			fail(join(uploadsPath, index), `${quoteValue(contentId)} is not the id of a content item of this share`, `Use ids from content (${[...contentIds].map((id) => quoteValue(id)).join(', ')}), or leave the list empty to give access to all content.`);
		}
		if (!uploads.includes(contentId)) uploads.push(contentId);
	});

	const recipient: Recipient = {
		firstName,
		lastName,
		email,
		expires: expires.iso,
		mobile,
		uploads,
		authentication: validateAuthentication(input.authentication, join(path, 'authentication')),
	};
	if (input.notification !== undefined) recipient.notification = validateNotification(input.notification, join(path, 'notification'));
	const externalId = textAt(input, 'externalId', path, { required: false });
	if (externalId !== undefined) recipient.externalId = externalId;
	if (input.oneTimeLogin !== undefined) {
		if (typeof input.oneTimeLogin !== 'boolean') fail(join(path, 'oneTimeLogin'), `must be true or false, got ${describe(input.oneTimeLogin)}`, 'Give a boolean.');
		recipient.oneTimeLogin = input.oneTimeLogin;
	}
	return recipient;
}

function validateContactDetails(value: unknown): ContactDetails {
	const path = 'contactDetails';
	const input = objectAt(value, path, ['name', 'phone', 'email', 'url']);
	const details: ContactDetails = {};
	const name = textAt(input, 'name', path, { required: false });
	if (name !== undefined) details.name = name;
	const phone = textAt(input, 'phone', path, { required: false, max: 64 });
	if (phone !== undefined) details.phone = phone;
	const email = emailAt(input, 'email', path, false);
	if (email !== undefined) details.email = email;
	const url = textAt(input, 'url', path, { required: false });
	if (url !== undefined) {
		if (!/^https?:\/\/[^\s/]+/i.test(url)) fail(join(path, 'url'), `${quoteValue(url)} is not a web address`, 'Give an address starting with https://.');
		details.url = url;
	}
	return details;
}

function validateSender(value: unknown, path: string): Sender {
	const input = objectAt(value, path, ['email', 'mobile', 'notificationType', 'notificationEvent']);
	const notificationType = enumAt(input, 'notificationType', path, NOTIFICATION_TYPES, 'Off');
	const notificationEvent = enumAt(input, 'notificationEvent', path, NOTIFICATION_EVENTS, 'None');
	const email = emailAt(input, 'email', path, notificationType === 'SendEmail' || notificationType === 'SendBoth');
	if (input.mobile === undefined && (notificationType === 'SendSms' || notificationType === 'SendBoth')) {
		fail(join(path, 'mobile'), `is required when notificationType is ${notificationType}`, "Give the sender's mobile number, or choose SendEmail.");
	}
	const mobile = input.mobile === undefined ? undefined : mobileAt(input.mobile, join(path, 'mobile'));
	// In the contract's order: email, mobile, notificationType, notificationEvent.
	return { ...(email !== undefined ? { email } : {}), ...(mobile ? { mobile } : {}), notificationType, notificationEvent };
}

/** Checks `body` against the contract and returns the body to send. Throws ShareInputError. */
export function validateCreateShareBody(body: unknown, context: ValidationContext): CreateShareBody {
	const input = objectAt(body, '', ['information', 'content', 'recipients', 'contactDetails', 'senders']);
	if (input.information === undefined) fail('information', 'is required but empty', 'Give { "title": "...", "description": "..." }.');
	const information = validateInformation(input.information);
	const content = validateContent(input.content);
	const contentIds = new Set(content.map((item) => item.id));
	const recipientList = listAt(input.recipients, 'recipients', 'recipients', true);
	if (recipientList.length === 0) fail('recipients', 'is empty: a share needs at least one recipient', 'Add a recipient with name, email, mobile, expiry and identity provider.');
	const recipients = recipientList.map((recipient, index) => validateRecipient(recipient, join('recipients', index), contentIds, context));

	const result: CreateShareBody = { information, content, recipients };
	if (input.contactDetails !== undefined) {
		const contactDetails = validateContactDetails(input.contactDetails);
		if (Object.keys(contactDetails).length > 0) result.contactDetails = contactDetails;
	}
	if (input.senders !== undefined) {
		const senders = listAt(input.senders, 'senders', 'senders', false).map((sender, index) => validateSender(sender, join('senders', index)));
		if (senders.length > 0) result.senders = senders;
	}
	return result;
}
