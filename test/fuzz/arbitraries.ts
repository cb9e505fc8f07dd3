// fast-check generators for create bodies and node fields: mostly well-formed, with every field open
// to hostile values (wrong types, huge or control-character strings, unicode, prototype keys).
import fc from 'fast-check';

const FUTURE = Date.now() + 30 * 24 * 3600 * 1000;

export const hostileString = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('', ' ', '\u0000', 'a\nb', '\t', '__proto__', 'constructor', 'prototype', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Ærøskøbing Åse', '"quoted"', '<script>', '{{ $json }}'),
	fc.constant('x'.repeat(20000)),
);

const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A value that is usually `good` and sometimes anything. */
const usually = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostileValue });
/** Mostly `valid`, sometimes `wild`. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<U>) => fc.oneof({ weight: 25, arbitrary: valid as fc.Arbitrary<T | U> }, { weight: 1, arbitrary: wild as fc.Arbitrary<T | U> });

const name = mostly(fc.oneof(fc.constantFrom('Tony', 'Åse', 'Jean-Luc', 'Ola Nordmann', '李', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'), fc.stringMatching(/^[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå '-]{0,30}$/)), fc.string({ maxLength: 30 }));
const email = mostly(fc.oneof(fc.emailAddress(), fc.constantFrom('x@y.no', 'ola.nordmann@example.no')), fc.constantFrom('a@b', 'no-at-sign', 'two@@at.no', ' x@y.no'));
const expires = mostly(
	fc.integer({ min: 60_000, max: 400 * 24 * 3600 * 1000 }).map((offset) => new Date(Date.now() + offset).toISOString()),
	fc.oneof(
	fc.integer({ min: -5 * 24 * 3600 * 1000, max: 400 * 24 * 3600 * 1000 }).map((offset) => new Date(FUTURE + offset - 30 * 24 * 3600 * 1000).toISOString()),
	fc.constantFrom('2030-01-01T10:00:00', '2030-01-01T10:00:00+01:00', '2030-02-30T10:00:00Z', '2030-01-01', 'tomorrow', '2019-02-25T11:42:13.0568771+00:00', '2030-01-01T25:00:00Z'),
	),
);
const idp = mostly(fc.constantFrom('UNKNOWN', 'NO_BANKID_MOBILE', 'NO_BANKID_WEB', 'SWE_BANKID', 'SWE_BANKID_MOBILE', 'NO_BUYPASS', 'DA_NEMID', 'FI_TUPAS'), fc.oneof(fc.constantFrom('NO_BANKID_MOBIL', 'no_bankid_web'), fc.string()));
const notify = mostly(fc.constantFrom('Off', 'SendSms', 'SendEmail', 'SendBoth', undefined), fc.constantFrom('sendsms', 'Email'));
const contentId = mostly(fc.constantFrom('a', 'b', 'c'), fc.string({ maxLength: 8 }));
const digits = mostly(fc.stringMatching(/^\d{1,15}$/), fc.constantFrom('', '+4741234567', '4123 4567', '1234567890123456'));
const dateOfBirth = mostly(fc.constantFrom('290570', '290200', '010101', '311299'), fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constantFrom('290201', '311170', '1970-05-29')));

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

function compact(record: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
	return out;
}

const authentication = fc
	.record({ identityProvider: usually(idp), identityProviderUniqueId: maybe(usually(fc.string({ maxLength: 20 }))), ssn: maybe(usually(fc.stringMatching(/^\d{11}$/))), dateOfBirth: maybe(usually(dateOfBirth)) })
	.map(compact);

const recipient = fc
	.record({
		firstName: usually(name),
		lastName: usually(name),
		email: usually(email),
		expires: usually(expires),
		mobile: usually(fc.record({ countryCode: usually(mostly(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -5, max: 1200 }))), number: usually(digits) })),
		uploads: usually(mostly(fc.constant([]), fc.array(contentId, { maxLength: 3 }))),
		authentication: usually(mostly(fc.array(authentication, { minLength: 1, maxLength: 2 }), fc.constant([]))),
		notification: maybe(usually(fc.record({ setup: usually(fc.record({ request: notify, reminder: notify }).map(compact)), language: usually(mostly(fc.constantFrom('NO', 'EN'), fc.constant('SV'))) }))),
		externalId: maybe(usually(fc.string({ maxLength: 20 }))),
		oneTimeLogin: maybe(usually(fc.boolean())),
	})
	.map(compact);

const sender = fc
	.record({
		email: maybe(usually(email)),
		mobile: maybe(usually(fc.record({ countryCode: fc.integer({ min: 0, max: 1000 }), number: digits }))),
		notificationType: maybe(usually(notify)),
		notificationEvent: maybe(usually(fc.constantFrom('None', 'Single', 'Both', 'All', 'Never'))),
	})
	.map(compact);

/** A create body as a user might write it in JSON mode, warts and all. */
export const createBody = fc
	.record({
		information: usually(
			fc
				.record({
					title: usually(name),
					description: usually(mostly(fc.constantFrom('Please read', 'Les dette\nnøye'), fc.string({ maxLength: 50 }))),
					externalId: maybe(usually(fc.string({ maxLength: 20 }))),
					departmentId: maybe(fc.string({ maxLength: 10 })),
					confidentialInfo: maybe(usually(fc.string())),
				})
				.map(compact),
		),
		content: usually(mostly(fc.uniqueArray(fc.record({ id: contentId, name, type: mostly(fc.constant('file'), fc.constantFrom('File', 'folder')) }), { minLength: 1, maxLength: 3, selector: (item) => item.id }), fc.array(fc.record({ id: usually(contentId), name: usually(name), type: usually(fc.constant('file')) }), { maxLength: 3 }))),
		recipients: usually(mostly(fc.array(recipient, { minLength: 1, maxLength: 3 }), fc.constant([]))),
		contactDetails: maybe(usually(fc.record({ name: maybe(name), email: maybe(email), url: maybe(fc.constantFrom('https://example.com', 'ftp://x', 'example.com')) }).map(compact))),
		senders: maybe(usually(fc.array(sender, { maxLength: 2 }))),
	})
	.chain((body) =>
		// Sometimes add a key that must not be there: a typo of a real one, or a prototype key.
		fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'firstname', 'Recipients', 'extra') }).map((extraKey) => {
			const result = compact(body);
			if (extraKey) Object.defineProperty(result, extraKey, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
			return result;
		}),
	);

/** Recipient fields as the node's form holds them, with hostile values anywhere. */
export const recipientFields = fc
	.record({
		firstName: usually(name),
		lastName: usually(name),
		email: usually(email),
		expires: usually(expires),
		mobileCountryCode: usually(mostly(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 1000 }))),
		mobileNumber: usually(digits),
		contentIds: usually(mostly(fc.constantFrom('', 'a', ' a , '), fc.constantFrom('a, b', 'z', ' a , c '))),
		identityProvider: usually(idp),
		ssn: maybe(usually(fc.stringMatching(/^\d{11}$/))),
		dateOfBirth: maybe(usually(dateOfBirth)),
		notificationRequest: notify,
		notificationReminder: notify,
		language: usually(fc.constantFrom('NO', 'EN')),
		oneTimeLogin: fc.boolean(),
	})
	.map(compact);
