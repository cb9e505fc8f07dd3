// The same property through n8n's engine: for generated JSON-mode bodies, either Signicat (the
// sandbox) creates the share or the node fails with a NodeOperationError and sends nothing at all.
import fc from 'fast-check';

import { useSandbox } from '../support/fixture';
import { chain, shareNode, sourceNode } from '../harness/workflow';
import { createBody } from './arbitraries';

const fixture = useSandbox();
const RUNS = Number(process.env.FUZZ_WORKFLOW_RUNS ?? 1000);

test(`JSON-mode Create Share in the engine (${RUNS} cases)`, async () => {
	const outcomes = { created: 0, refused: 0 };
	await fc.assert(
		fc.asyncProperty(createBody, async (body) => {
			const { sandbox, run } = fixture;
			sandbox.store.reset({ tokens: false });
			const ssns: string[] = [];
			JSON.stringify(body, (key, value: unknown) => {
				if (key === 'ssn' && typeof value === 'string') ssns.push(value);
				return value;
			});
			const result = await run(
				chain(sourceNode([{ json: { body } as never }]), shareNode('Create Share', { operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}', options: { includeRecipientLinks: false } })),
				ssns,
			);
			if (result.error) {
				expect(result.error.name).toBe('NodeOperationError');
				expect(result.error.message).toMatch(/^Item 0: /);
				expect(sandbox.store.counters.requests).toBe(0);
				outcomes.refused++;
			} else {
				expect(sandbox.store.shares.size).toBe(1);
				outcomes.created++;
			}
		}),
		{ numRuns: RUNS },
	);
	expect(outcomes.created).toBeGreaterThan(0);
	expect(outcomes.refused).toBeGreaterThan(0);
	process.stdout.write(`Engine: ${outcomes.created} created, ${outcomes.refused} refused before sending\n`);
});
