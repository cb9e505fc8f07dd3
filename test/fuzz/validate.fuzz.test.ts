// Property: every input either becomes a body that the sandbox's independent validator accepts, or
// is refused with a ShareInputError naming the field. Never another exception. 10,000+ cases a run.
import fc from 'fast-check';

import { shareBodyFromFields, type RecipientFields } from '../../nodes/SignicatSecureShare/helpers/payload';
import { ShareInputError, validateCreateShareBody } from '../../nodes/SignicatSecureShare/helpers/validate';
import { validateCreateBody } from '../sandbox/validate';
import { createBody, recipientFields } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6000);

function checkOutcome(input: unknown): 'accepted' | 'refused' {
	const now = Date.now();
	let body;
	try {
		body = validateCreateShareBody(input, { now, timeZone: 'Europe/Oslo' });
	} catch (error) {
		if (!(error instanceof ShareInputError)) throw error;
		expect(error.path.length).toBeGreaterThan(0);
		expect(error.problem.length).toBeGreaterThan(0);
		expect(error.fix.length).toBeGreaterThan(0);
		expect(error.message.length).toBeLessThan(1000);
		return 'refused';
	}
	const text = JSON.stringify(body);
	expect(validateCreateBody(JSON.parse(text), now)).toEqual([]);
	expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	return 'accepted';
}

test(`JSON bodies (${RUNS} cases)`, () => {
	const outcomes = { accepted: 0, refused: 0 };
	fc.assert(
		fc.property(createBody, (body) => {
			outcomes[checkOutcome(body)]++;
		}),
		{ numRuns: RUNS },
	);
	// The generator must reach both sides, or the property proves little.
	expect(outcomes.accepted).toBeGreaterThan(RUNS / 50);
	expect(outcomes.refused).toBeGreaterThan(RUNS / 50);
	process.stdout.write(`JSON bodies: ${outcomes.accepted} accepted, ${outcomes.refused} refused\n`);
});

test(`node fields (${RUNS} cases)`, () => {
	const outcomes = { accepted: 0, refused: 0 };
	fc.assert(
		fc.property(fc.array(recipientFields, { minLength: 1, maxLength: 3 }), fc.constantFrom(['a'], ['a', 'b'], ['a', 'c']), (recipients, ids) => {
			const raw = shareBodyFromFields({
				title: 'Title',
				description: 'Description',
				content: ids.map((id) => ({ id, name: `${id}.pdf` })),
				recipients: recipients as RecipientFields[],
			});
			outcomes[checkOutcome(raw)]++;
		}),
		{ numRuns: RUNS },
	);
	expect(outcomes.accepted).toBeGreaterThan(RUNS / 50);
	expect(outcomes.refused).toBeGreaterThan(RUNS / 50);
	process.stdout.write(`Node fields: ${outcomes.accepted} accepted, ${outcomes.refused} refused\n`);
});
