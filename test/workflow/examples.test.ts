// The example workflows in examples/ (the ones users import) run as saved, against the sandbox.
import { createHash } from 'node:crypto';

import { generatedContract, loadExample } from '../harness/examples';
import { useSandbox } from '../support/fixture';

const fixture = useSandbox();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const files = generatedContract()[0].files!;

test('examples/create-share-then-upload.json: two recipients, different restrictions and identity providers', async () => {
	const { run, sandbox } = fixture;
	const result = await run(loadExample('create-share-then-upload.json'));
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	const sent = share.received as any;
	expect(sent.recipients.map((r: any) => [r.authentication[0].identityProvider, r.uploads, r.notification.language])).toEqual([
		['NO_BANKID_WEB', [], 'NO'],
		['SWE_BANKID', ['handbook'], 'EN'],
	]);
	expect(sent.senders).toEqual([{ email: 'hr@example.no', mobile: { countryCode: 47, number: '22000000' }, notificationType: 'SendEmail', notificationEvent: 'All' }]);
	expect(share.files.get('contract')?.sha256).toBe(sha256(files.contract.text!));
	expect(share.files.get('handbook')?.sha256).toBe(sha256(files.handbook.text!));
	expect(sandbox.store.notifications.map((n) => `${n.channel}:${n.to}`)).toEqual(['sms:+4741234567', 'email:kari.nordmann@example.no', 'email:lars.andersson@example.se']);
});

test('examples/create-share-with-files.json: one node creates the share and uploads both files', async () => {
	const { run, sandbox } = fixture;
	const result = await run(loadExample('create-share-with-files.json'));
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	expect(share.content.map((item) => item.id)).toEqual(['contract', 'handbook']);
	expect(share.files.get('handbook')).toMatchObject({ fileName: 'Staff handbook.pdf', sha256: sha256(files.handbook.text!) });
	expect(share.notified).toBe(true);
	expect(result.output('Create Share')[0].json.pendingContentIds).toEqual([]);
});
