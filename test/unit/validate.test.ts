// The pure payload builder and validator, called directly.
import { parseDateTime, isDdMMyy } from '../../nodes/SignicatSecureShare/helpers/dates';
import { maskSsn } from '../../nodes/SignicatSecureShare/helpers/mask';
import { contentWithBinaries, shareBodyFromFields } from '../../nodes/SignicatSecureShare/helpers/payload';
import { ShareInputError, validateCreateShareBody } from '../../nodes/SignicatSecureShare/helpers/validate';
import { decideRetry, parseRetryAfter, DEFAULT_RETRY_POLICY } from '../../nodes/SignicatSecureShare/transport/retry';
import { checkBaseUrl } from '../../nodes/SignicatSecureShare/transport/endpoint';
import { validateCreateBody } from '../sandbox/validate';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const context = { now: NOW, timeZone: 'Europe/Oslo' };

function validBody(): Record<string, any> {
	return {
		information: { title: 'Contract', description: 'Please read' },
		content: [
			{ id: 'contract', name: 'Contract.pdf', type: 'file' },
			{ id: 'handbook', name: 'Handbook.pdf', type: 'file' },
		],
		recipients: [
			{
				firstName: 'Tony',
				lastName: 'Stark',
				email: 'tony@example.com',
				expires: '2026-07-01T12:00:00+02:00',
				mobile: { countryCode: 47, number: '41234567' },
				uploads: [],
				authentication: [{ identityProvider: 'NO_BANKID_WEB', ssn: '290519700007', dateOfBirth: '290570' }],
			},
			{
				firstName: 'Pepper',
				lastName: 'Potts',
				email: 'pepper@example.com',
				expires: '2026-07-01T12:00:00+02:00',
				mobile: { countryCode: 46, number: '701234567' },
				uploads: ['handbook'],
				authentication: [{ identityProvider: 'SWE_BANKID' }],
			},
		],
	};
}

function problemOf(mutate: (body: Record<string, any>) => void): ShareInputError {
	const body = validBody();
	mutate(body);
	try {
		validateCreateShareBody(body, context);
	} catch (error) {
		expect(error).toBeInstanceOf(ShareInputError);
		return error as ShareInputError;
	}
	throw new Error('expected a validation error');
}

describe('validateCreateShareBody', () => {
	test('accepts a valid body, and the sandbox accepts what it returns', () => {
		const body = validateCreateShareBody(validBody(), context);
		expect(body.recipients[1].uploads).toEqual(['handbook']);
		expect(validateCreateBody(body, NOW)).toEqual([]);
	});

	test.each([
		['a missing title', (b: any) => delete b.information.title, 'information.title', /required/],
		['a blank description', (b: any) => (b.information.description = '   '), 'information.description', /only spaces/],
		['no content', (b: any) => (b.content = []), 'content', /at least one content item/],
		['duplicate content ids', (b: any) => (b.content[1].id = 'contract'), 'content[1].id', /already the id of content\[0\]/],
		['a content type other than file', (b: any) => (b.content[0].type = 'folder'), 'content[0].type', /"folder" is not one of the allowed values/],
		['no recipients', (b: any) => (b.recipients = []), 'recipients', /at least one recipient/],
		['a bad email', (b: any) => (b.recipients[0].email = 'tony.example.com'), 'recipients[0].email', /not an email address/],
		['an unparseable expiry', (b: any) => (b.recipients[1].expires = 'next friday'), 'recipients[1].expires', /not a date and time/],
		['an expiry in the past', (b: any) => (b.recipients[0].expires = '2026-05-31T12:00:00Z'), 'recipients[0].expires', /not in the future/],
		['a country code of 0', (b: any) => (b.recipients[0].mobile.countryCode = 0), 'recipients[0].mobile.countryCode', /1 to 999/],
		['a country code of 1000', (b: any) => (b.recipients[0].mobile.countryCode = 1000), 'recipients[0].mobile.countryCode', /1 to 999/],
		['a number with letters', (b: any) => (b.recipients[1].mobile.number = '70 12a'), 'recipients[1].mobile.number', /1 to 15 digits/],
		['a restriction to unknown content', (b: any) => (b.recipients[1].uploads = ['payslip']), 'recipients[1].uploads[0]', /not the id of a content item/],
		['an unknown identity provider', (b: any) => (b.recipients[0].authentication[0].identityProvider = 'NO_BANKID_MOBIL'), 'recipients[0].authentication[0].identityProvider', /did you mean NO_BANKID_MOBILE/],
		['no authentication', (b: any) => (b.recipients[0].authentication = []), 'recipients[0].authentication', /is empty/],
		['30 February', (b: any) => (b.recipients[0].authentication[0].dateOfBirth = '300270'), 'recipients[0].authentication[0].dateOfBirth', /not a real date/],
		['an unknown notification type', (b: any) => (b.recipients[0].notification = { setup: { request: 'SendFax' }, language: 'NO' }), 'recipients[0].notification.setup.request', /not one of/],
		['an unknown language', (b: any) => (b.recipients[0].notification = { setup: {}, language: 'SV' }), 'recipients[0].notification.language', /not one of/],
		['a lower-case field name from the guide', (b: any) => (b.recipients[0].firstname = 'x'), 'recipients[0].firstname', /did you mean "firstName"/],
		['a prototype-pollution key', (b: any) => (b.information = JSON.parse('{"title":"t","description":"d","__proto__":{"x":1}}')), 'information.__proto__', /not a field/],
		['a sender without email for email notifications', (b: any) => (b.senders = [{ notificationType: 'SendEmail', notificationEvent: 'All' }]), 'senders[0].email', /required/],
		['an unknown sender event', (b: any) => (b.senders = [{ email: 'a@b.no', notificationType: 'SendEmail', notificationEvent: 'Sometimes' }]), 'senders[0].notificationEvent', /not one of/],
	])('rejects %s', (_name, mutate, path, problem) => {
		const error = problemOf(mutate);
		expect(error.path).toBe(path);
		expect(`${error.problem} ${error.fix}`).toMatch(problem);
		expect(error.fix.length).toBeGreaterThan(10);
	});

	test('masks an invalid SSN in the error', () => {
		const error = problemOf((b) => (b.recipients[0].authentication[0].ssn = '2905 1970 0007'));
		expect(error.path).toBe('recipients[0].authentication[0].ssn');
		expect(`${error.message} ${error.fix}`).not.toContain('2905 1970 0007');
		expect(error.problem).toContain('0007');
	});

	test('sends expires as ISO 8601 with the offset of the workflow time zone', () => {
		const body = validBody();
		body.recipients[0].expires = '2026-12-24T18:00:00';
		body.recipients[1].expires = '2026-07-24T18:00:00';
		const result = validateCreateShareBody(body, context);
		expect(result.recipients[0].expires).toBe('2026-12-24T18:00:00.000+01:00');
		expect(result.recipients[1].expires).toBe('2026-07-24T18:00:00.000+02:00');
	});

	test('keeps leading zeros of a phone number and takes a numeric one from the guide', () => {
		const body = validBody();
		body.recipients[0].mobile.number = '0041234567';
		body.recipients[1].mobile.number = 701234567;
		const result = validateCreateShareBody(body, context);
		expect(result.recipients.map((r) => r.mobile.number)).toEqual(['0041234567', '701234567']);
	});
});

describe('shareBodyFromFields', () => {
	test('maps the fields to the wire names and leaves out what is empty', () => {
		const body = shareBodyFromFields({
			title: 'T',
			description: 'D',
			content: [{ id: 'a', name: 'A' }],
			recipients: [
				{ firstName: 'F', lastName: 'L', email: 'f@l.no', expires: '2027-01-01T00:00:00Z', mobileCountryCode: 47, mobileNumber: ' 4123 ', contentIds: ' a , ', identityProvider: 'DA_NEMID', ssn: '', language: 'EN', notificationRequest: 'SendSms', oneTimeLogin: true },
			],
			contactDetails: { name: '', email: 'x@y.no' },
			senders: [],
		});
		expect(body).toEqual({
			information: { title: 'T', description: 'D' },
			content: [{ id: 'a', name: 'A', type: 'file' }],
			recipients: [
				{
					firstName: 'F',
					lastName: 'L',
					email: 'f@l.no',
					expires: '2027-01-01T00:00:00Z',
					mobile: { countryCode: 47, number: '4123' },
					uploads: ['a'],
					authentication: [{ identityProvider: 'DA_NEMID' }],
					notification: { setup: { request: 'SendSms' }, language: 'EN' },
					oneTimeLogin: true,
				},
			],
			contactDetails: { email: 'x@y.no' },
		});
	});

	test('turns every binary into a content item unless its id is declared', () => {
		const planned = contentWithBinaries([{ id: 'data', name: 'Declared', type: 'file' }], { data: { fileName: 'a.pdf' }, attachment: { fileName: 'b.pdf' } });
		expect(planned.content).toEqual([
			{ id: 'data', name: 'Declared', type: 'file' },
			{ id: 'attachment', name: 'b.pdf', type: 'file' },
		]);
		expect(planned.files.map((file) => file.contentId)).toEqual(['data', 'attachment']);
	});
});

describe('small pure helpers', () => {
	test('dates', () => {
		expect(isDdMMyy('290200')).toBe(true);
		expect(isDdMMyy('290201')).toBe(false);
		expect(isDdMMyy('311170')).toBe(false);
		expect(parseDateTime('2026-03-29T02:30:00', 'Europe/Oslo')).toBeDefined();
		expect(parseDateTime('2026-13-01T00:00:00Z', 'UTC')).toBeUndefined();
		expect(parseDateTime(new Date('2027-01-01T00:00:00Z'), 'UTC')?.iso).toBe('2027-01-01T00:00:00.000+00:00');
	});

	test('SSN mask keeps the last four', () => {
		expect(maskSsn('29051970007')).toBe('*******0007');
	});

	test('base URL must be https except loopback', () => {
		expect(checkBaseUrl('https://api.signicat.io/')).toBe('https://api.signicat.io');
		expect(checkBaseUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
		expect(checkBaseUrl('http://localhost:1')).toBe('http://localhost:1');
		expect(checkBaseUrl('http://api.signicat.io')).toBeInstanceOf(Error);
		expect(checkBaseUrl('http://127.example.com')).toBeInstanceOf(Error);
	});

	test('retry decisions', () => {
		const policy = DEFAULT_RETRY_POLICY;
		expect(decideRetry('create', { type: 'status', status: 429, retryAfter: '2' }, 1, policy)).toEqual({ retry: true, waitMs: 2000 });
		expect(decideRetry('create', { type: 'status', status: 502 }, 1, policy)).toEqual({ retry: false, reason: 'ambiguous-create' });
		expect(decideRetry('upload', { type: 'status', status: 502 }, 1, policy).retry).toBe(true);
		expect(decideRetry('create', { type: 'network', code: 'ECONNREFUSED', requestSent: false }, 1, policy).retry).toBe(true);
		expect(decideRetry('create', { type: 'network', code: 'ECONNRESET', requestSent: true }, 1, policy)).toEqual({ retry: false, reason: 'ambiguous-create' });
		expect(decideRetry('read', { type: 'status', status: 503 }, policy.maxAttempts, policy)).toEqual({ retry: false, reason: 'attempts-exhausted' });
		expect(decideRetry('read', { type: 'status', status: 429, retryAfter: '3600' }, 1, policy)).toMatchObject({ retry: false, reason: 'wait-too-long' });
		expect(decideRetry('read', { type: 'status', status: 400 }, 1, policy)).toEqual({ retry: false, reason: 'not-retryable' });
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(2000);
	});
});
