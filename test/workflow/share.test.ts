// Create Share and Upload File run in n8n-core's engine against the sandbox over HTTP: what arrives
// on the wire, what the next node sees, and when recipients are notified.
import { createHash } from 'node:crypto';

import { IDENTITY_PROVIDERS, NOTIFICATION_EVENTS, NOTIFICATION_TYPES } from '../../nodes/SignicatSecureShare/helpers/wire';
import { createParameters, inOneYear, recipientFields, useSandbox } from '../support/fixture';
import { chain, shareNode, sourceNode } from '../harness/workflow';

const fixture = useSandbox();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const CONTRACT = 'Employment contract for Tony Stark.\n';
const HANDBOOK = 'Staff handbook, 2027 edition.\n';

test('Create Share then Upload File, chained by expressions, sends the contract body and the bytes', async () => {
	const { sandbox, run } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: { employee: 'Tony' }, files: { contract: { fileName: 'Contract.pdf', mimeType: 'application/pdf', text: CONTRACT }, handbook: { fileName: 'Håndbok.pdf', text: HANDBOOK } } }]),
			shareNode(
				'Create Share',
				createParameters(
					['contract', 'handbook'],
					[
						recipientFields({ ssn: '29051970007', dateOfBirth: '290570', identityProviderUniqueId: '9578-6000-4-257409', externalId: 'emp-1', oneTimeLogin: true }),
						recipientFields({ firstName: 'Pepper', lastName: 'Potts', email: 'pepper@example.com', mobileCountryCode: 46, mobileNumber: '0701234567', contentIds: 'handbook', identityProvider: 'SWE_BANKID', language: 'EN', notificationRequest: 'SendEmail' }),
					],
					{ additionalFields: { externalId: 'case-42', departmentId: 'hr', confidentialInfo: 'Salary: see page 2', contactName: 'HR', contactEmail: 'hr@example.com', contactPhone: '+4722000000', contactUrl: 'https://example.com/hr' } },
				),
			),
			shareNode('Upload Contract', { operation: 'upload', contentId: 'contract', binaryPropertyName: 'contract' }),
			shareNode('Upload Handbook', { operation: 'upload', shareId: "={{ $('Create Share').item.json.shareId }}", contentId: 'handbook', binaryPropertyName: 'handbook' }),
		),
		['29051970007'],
	);
	expect(result.error).toBeUndefined();

	const [share] = [...sandbox.store.shares.values()];
	// The body as it arrived: wire names, enum spellings, types.
	expect(share.received).toEqual({
		information: { title: 'Employment contract', description: 'Your contract, to sign by Friday.', externalId: 'case-42', departmentId: 'hr', confidentialInfo: 'Salary: see page 2' },
		content: [
			{ id: 'contract', name: 'contract.pdf', type: 'file' },
			{ id: 'handbook', name: 'handbook.pdf', type: 'file' },
		],
		recipients: [
			{
				firstName: 'Tony',
				lastName: 'Stark',
				email: 'tony@example.com',
				expires: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/),
				mobile: { countryCode: 47, number: '41234567' },
				uploads: [],
				authentication: [{ identityProvider: 'NO_BANKID_WEB', identityProviderUniqueId: '9578-6000-4-257409', ssn: '29051970007', dateOfBirth: '290570' }],
				notification: { setup: { request: 'SendBoth', reminder: 'Off' }, language: 'NO' },
				externalId: 'emp-1',
				oneTimeLogin: true,
			},
			{
				firstName: 'Pepper',
				lastName: 'Potts',
				email: 'pepper@example.com',
				expires: expect.any(String),
				mobile: { countryCode: 46, number: '0701234567' },
				uploads: ['handbook'],
				authentication: [{ identityProvider: 'SWE_BANKID' }],
				notification: { setup: { request: 'SendEmail', reminder: 'Off' }, language: 'EN' },
			},
		],
		contactDetails: { name: 'HR', phone: '+4722000000', email: 'hr@example.com', url: 'https://example.com/hr' },
	});

	// The bytes, the part name and the (UTF-8) filename.
	expect(share.files.get('contract')).toMatchObject({ partName: 'file', fileName: 'Contract.pdf', contentType: 'application/pdf', bytes: CONTRACT.length, sha256: sha256(CONTRACT) });
	expect(share.files.get('handbook')).toMatchObject({ partName: 'file', fileName: 'Håndbok.pdf', sha256: sha256(HANDBOOK) });

	// What the next steps see.
	const created = result.output('Create Share')[0];
	expect(created.json.shareId).toBe(share.id);
	expect(created.pairedItem).toEqual({ item: 0 });
	const recipients = created.json.recipients as Array<Record<string, any>>;
	expect(recipients[0].authentication[0].ssn).toBe('*******0007');
	expect(recipients.map((r) => r.url)).toEqual(share.recipients.map((r) => r.url));
	expect(created.json.pendingContentIds).toEqual(['contract', 'handbook']);
	expect(result.output('Upload Handbook')[0].json).toMatchObject({ shareId: share.id, contentId: 'handbook', bytes: Buffer.byteLength(HANDBOOK), sha256: sha256(HANDBOOK) });

	// Notifications follow each recipient's settings and language, once the last file is in.
	expect(sandbox.store.notifications.map(({ channel, to, language }) => ({ channel, to, language }))).toEqual([
		{ channel: 'sms', to: '+4741234567', language: 'NO' },
		{ channel: 'email', to: 'tony@example.com', language: 'NO' },
		{ channel: 'email', to: 'pepper@example.com', language: 'EN' },
	]);
});

test('no notification goes out before the last content item has arrived', async () => {
	const { sandbox, run } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: {}, files: { data: { fileName: 'a.txt', text: 'first' } } }]),
			shareNode('Create Share', createParameters(['a', 'b'], [recipientFields()])),
			shareNode('Upload A', { operation: 'upload', contentId: 'a' }),
		),
	);
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	expect(share.files.size).toBe(1);
	expect(sandbox.store.notifications).toEqual([]);
});

test('Create Share with files uploads every binary of each item as its own content item', async () => {
	const { sandbox, run } = fixture;
	const result = await run(
		chain(
			sourceNode([
				{ json: { n: 0 }, files: { data: { fileName: 'Payslip-0.pdf', text: 'payslip 0' }, attachment: { fileName: 'Terms.pdf', text: 'terms' } } },
				{ json: { n: 1 }, files: { data: { fileName: 'Payslip-1.pdf', text: 'payslip 1' } } },
			]),
			shareNode('Create Share', { ...createParameters([], [recipientFields({ email: '={{ "emp" + $json.n + "@example.com" }}' })]), filesToUpload: 'all' }),
		),
	);
	expect(result.error).toBeUndefined();
	const shares = [...sandbox.store.shares.values()];
	expect(shares.map((share) => share.content)).toEqual([
		[
			{ id: 'data', name: 'Payslip-0.pdf', type: 'file' },
			{ id: 'attachment', name: 'Terms.pdf', type: 'file' },
		],
		[{ id: 'data', name: 'Payslip-1.pdf', type: 'file' }],
	]);
	expect(shares[0].files.get('attachment')?.sha256).toBe(sha256('terms'));
	expect(shares[1].files.get('data')?.sha256).toBe(sha256('payslip 1'));
	expect(sandbox.store.notifications.filter((n) => n.channel === 'email').map((n) => n.to)).toEqual(['emp0@example.com', 'emp1@example.com']);
	const output = result.output('Create Share');
	expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(output[0].json.files).toEqual([
		expect.objectContaining({ contentId: 'data', fileName: 'Payslip-0.pdf', bytes: 9, sha256: sha256('payslip 0') }),
		expect.objectContaining({ contentId: 'attachment', fileName: 'Terms.pdf', bytes: 5, sha256: sha256('terms') }),
	]);
	expect(output[0].json.pendingContentIds).toEqual([]);
});

test('Create Share with chosen files maps binary fields to declared content ids', async () => {
	const { sandbox, run } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: {}, files: { report: { fileName: 'Q3.pdf', text: 'q3' }, ignored: { fileName: 'x.bin', text: 'x' } } }]),
			shareNode('Create Share', {
				...createParameters(['quarterly'], [recipientFields()]),
				filesToUpload: 'mapping',
				fileMapping: { files: [{ binaryField: 'report', contentId: 'quarterly' }] },
			}),
		),
	);
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	expect([...share.files.keys()]).toEqual(['quarterly']);
	expect(share.files.get('quarterly')).toMatchObject({ fileName: 'Q3.pdf', sha256: sha256('q3') });
	expect(share.notified).toBe(true);
});

test('every enum value reaches the wire spelled as the contract spells it', async () => {
	const { sandbox, run } = fixture;
	const recipients = IDENTITY_PROVIDERS.map((identityProvider, index) =>
		recipientFields({
			email: `r${index}@example.com`,
			identityProvider,
			notificationRequest: NOTIFICATION_TYPES[index % 4],
			notificationReminder: NOTIFICATION_TYPES[(index + 1) % 4],
			language: index % 2 ? 'EN' : 'NO',
		}),
	);
	const senders = NOTIFICATION_EVENTS.map((notificationEvent, index) => ({
		email: `s${index}@example.com`,
		mobileCountryCode: 358,
		mobileNumber: '401234567',
		notificationType: NOTIFICATION_TYPES[index],
		notificationEvent,
	}));
	const result = await run(chain(sourceNode([{ json: {} }]), shareNode('Create Share', createParameters(['doc'], recipients, { senders: { sender: senders } }))));
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	const sent = share.received as any;
	expect(sent.recipients.map((r: any) => r.authentication[0].identityProvider)).toEqual([...IDENTITY_PROVIDERS]);
	expect(sent.recipients.slice(0, 4).map((r: any) => r.notification.setup.request)).toEqual([...NOTIFICATION_TYPES]);
	expect(sent.recipients.slice(0, 4).map((r: any) => r.notification.setup.reminder)).toEqual(['SendSms', 'SendEmail', 'SendBoth', 'Off']);
	expect(sent.recipients.slice(0, 2).map((r: any) => r.notification.language)).toEqual(['NO', 'EN']);
	expect(sent.senders).toEqual(
		NOTIFICATION_EVENTS.map((notificationEvent, index) => ({
			email: `s${index}@example.com`,
			mobile: { countryCode: 358, number: '401234567' },
			notificationType: NOTIFICATION_TYPES[index],
			notificationEvent,
		})),
	);
});

test('JSON input mode takes the body from an expression and validates it the same way', async () => {
	const { sandbox, run } = fixture;
	const body = {
		information: { title: 'From JSON', description: 'Built upstream' },
		content: [{ id: 'doc', name: 'Doc', type: 'file' }],
		recipients: [
			{
				firstName: 'Ola',
				lastName: 'Nordmann',
				email: 'ola@example.no',
				expires: inOneYear(),
				mobile: { countryCode: 47, number: '41234567' },
				uploads: ['doc'],
				authentication: [{ identityProvider: 'NO_BUYPASS' }],
			},
		],
	};
	const result = await run(
		chain(sourceNode([{ json: { share: body } }]), shareNode('Create Share', { operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.share) }}' })),
	);
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	expect((share.received as any).recipients[0].authentication).toEqual([{ identityProvider: 'NO_BUYPASS' }]);
	expect((share.received as any).recipients[0].uploads).toEqual(['doc']);
});
