// Bad input fails before anything is sent, with the item, the field, the problem and the fix;
// Signicat's errors arrive as NodeApiError with their details; continue-on-fail keeps going.
import type { IDataObject } from 'n8n-workflow';

import { createParameters, recipientFields, useSandbox } from '../support/fixture';
import { chain, shareNode, sourceNode } from '../harness/workflow';

const fixture = useSandbox();

async function createFails(recipient: IDataObject, extra: IDataObject = {}, contentIds = ['doc']) {
	const { sandbox, run } = fixture;
	const result = await run(chain(sourceNode([{ json: {} }]), shareNode('Create Share', createParameters(contentIds, [recipient], extra))), [String(recipient.ssn ?? 'no-ssn-given')]);
	expect(sandbox.store.counters.requests).toBe(0);
	expect(result.error?.name).toBe('NodeOperationError');
	return result.error!;
}

test.each([
	['an unknown content restriction', { contentIds: 'doc, payslip' }, 'recipients[0].uploads[1]', /"payslip" is not the id of a content item/, /Recipients › Content IDs/],
	['an expiry in the past', { expires: '2001-01-01T00:00:00Z' }, 'recipients[0].expires', /not in the future/, /Access Expires/],
	['an impossible date of birth', { dateOfBirth: '310270' }, 'recipients[0].authentication[0].dateOfBirth', /not a real date in the form ddMMyy/, /290570/],
	['letters in the mobile number', { mobileNumber: '4123 45x' }, 'recipients[0].mobile.number', /not a phone number/, /digits only/],
	['a missing first name', { firstName: '' }, 'recipients[0].firstName', /required but empty/, /First Name/],
	['an invalid email', { email: 'tony@' }, 'recipients[0].email', /not an email address/, /name@example.com/],
])('%s is refused before any request', async (_name, overrides, path, problem, fix) => {
	const error = await createFails(recipientFields(overrides));
	expect(error.message).toContain('Item 0');
	expect(error.message).toContain(path);
	expect(error.message).toMatch(problem);
	expect(error.description).toMatch(fix);
	expect(error.context?.itemIndex).toBe(0);
});

test('an SSN with spaces is refused and shown masked', async () => {
	const error = await createFails(recipientFields({ ssn: '2905 1970 007' }));
	expect(error.message).toContain('recipients[0].authentication[0].ssn');
	expect(error.message).toContain('********* 007');
	expect(`${error.message}${error.description}`).not.toContain('2905 1970 007');
});

test('no content and no recipients are refused', async () => {
	expect((await createFails(recipientFields(), {}, [])).message).toContain('content is empty');
	const { run, sandbox } = fixture;
	const result = await run(chain(sourceNode([{ json: {} }]), shareNode('Create Share', createParameters(['doc'], []))));
	expect(result.error?.message).toContain('recipients is empty');
	expect(sandbox.store.counters.requests).toBe(0);
});

test('duplicate content ids and an unknown JSON field are refused', async () => {
	const { run } = fixture;
	const duplicate = await run(chain(sourceNode([{ json: {} }]), shareNode('Create Share', createParameters(['doc', 'doc'], [recipientFields()]))));
	expect(duplicate.error?.message).toContain('content[1].id "doc" is already the id of content[0]');
	const json = await run(
		chain(sourceNode([{ json: {} }]), shareNode('Create Share', { operation: 'create', inputMode: 'json', jsonBody: '{"information":{"name":"x","description":"y"}}' })),
	);
	expect(json.error?.message).toContain('information.name is not a field');
});

test('continue on fail: the invalid item reports its error, the valid ones are created, pairing stays exact', async () => {
	const { run, sandbox } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: { email: 'a@example.com' } }, { json: { email: 'not-an-email' } }, { json: { email: 'c@example.com' } }]),
			shareNode('Create Share', createParameters(['doc'], [recipientFields({ email: '={{ $json.email }}' })]), { onError: 'continueRegularOutput' }),
		),
	);
	expect(result.error).toBeUndefined();
	const output = result.output('Create Share');
	expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(output[0].json.shareId).toEqual(expect.any(String));
	expect(output[1].json.error).toBe('Item 1: recipients[0].email "not-an-email" is not an email address');
	expect(output[1].json.description).toMatch(/name@example.com/);
	expect(output[2].json.shareId).toEqual(expect.any(String));
	expect(sandbox.store.shares.size).toBe(2);
});

test("Signicat's error answer becomes a NodeApiError with its message, code, field errors and Request-Id", async () => {
	const { run, sandbox } = fixture;
	sandbox.faults.add({
		route: 'create',
		action: { type: 'status', status: 422, body: { message: 'Department does not exist', code: 'DepartmentNotFound', errors: [{ field: 'information.departmentId', message: 'Unknown department' }] } },
	});
	const result = await run(chain(sourceNode([{ json: {} }]), shareNode('Create Share', createParameters(['doc'], [recipientFields()], { additionalFields: { departmentId: 'nope' } }))));
	const error = result.error!;
	expect(error.name).toBe('NodeApiError');
	expect(error.message).toBe('Signicat answered 422: Department does not exist');
	expect(error.description).toMatch(/Code: DepartmentNotFound\./);
	expect(error.description).toMatch(/Fields: information.departmentId: Unknown department\./);
	expect(error.description).toMatch(/Request-Id \(give it to Signicat support\): [0-9a-f-]{36}\./);
});

test('an upload to an unknown content id is refused by Signicat and reported', async () => {
	const { run } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: {}, files: { data: { fileName: 'a.txt', text: 'a' } } }]),
			shareNode('Create Share', createParameters(['doc'], [recipientFields()])),
			shareNode('Upload', { operation: 'upload', contentId: 'other' }),
		),
	);
	expect(result.error?.message).toBe('Signicat answered 404: The share has no content item other.');
});

test('Upload File without the binary field says which field is missing', async () => {
	const { run, sandbox } = fixture;
	const result = await run(chain(sourceNode([{ json: { shareId: 'x' } }]), shareNode('Upload', { operation: 'upload', contentId: 'doc', binaryPropertyName: 'report' })));
	expect(result.error?.message).toContain("binary file 'report'");
	expect(sandbox.store.counters.requests).toBe(0);
});
