// One sandbox per test file, a credential pointing at it, and the checks every workflow test shares.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../sandbox/server';
import { runWorkflow, storeCredential, type RunResult } from '../harness/engine';
import { CREDENTIAL } from '../harness/workflow';

export interface Fixture {
	sandbox: Sandbox;
	/** Runs the workflow and checks that no secret, token or SSN is anywhere in what n8n keeps of the run. */
	run: (workflow: Parameters<typeof runWorkflow>[0], personalData?: string[]) => Promise<RunResult>;
}

/** Strings that must never appear in execution data, errors or output. */
export function findLeaks(haystack: string, sandbox: Sandbox, personalData: string[] = []): string[] {
	const secrets = [sandbox.client.clientSecret, ...sandbox.store.tokens.keys(), ...personalData];
	return secrets.filter((secret) => secret.length >= 6 && haystack.includes(secret)).map((secret) => `${secret.slice(0, 3)}…`);
}

/**
 * What our node adds to an execution: the output of its nodes and the error it raised (all of it
 * but the node definition n8n attaches, which holds the user's own parameters).
 */
export function serializeRun(result: RunResult): string {
	const parts: string[] = [];
	for (const [name, runs] of Object.entries(result.run.data.resultData.runData)) {
		if (name === 'Source') continue;
		for (const run of runs) {
			parts.push(JSON.stringify(run.data ?? null));
			if (run.error) parts.push(JSON.stringify({ ...run.error, node: undefined }), run.error.message, String(run.error.description ?? ''), run.error.stack ?? '');
		}
	}
	const error = result.error as (IDataObject & { message?: string; description?: string; stack?: string }) | undefined;
	if (error) parts.push(JSON.stringify({ ...error, node: undefined }), error.message ?? '', error.description ?? '', error.stack ?? '');
	return parts.join('\n');
}

export function useSandbox(clientAuthentication: 'header' | 'body' = 'header'): Fixture {
	const fixture = {} as Fixture;
	beforeAll(async () => {
		fixture.sandbox = await startSandbox();
		storeCredential(CREDENTIAL.id, {
			baseUrl: fixture.sandbox.url,
			clientId: fixture.sandbox.client.clientId,
			clientSecret: fixture.sandbox.client.clientSecret,
			clientAuthentication,
		});
	});
	beforeEach(() => {
		fixture.sandbox.store.reset({ tokens: false });
		fixture.sandbox.faults.reset();
	});
	afterAll(async () => fixture.sandbox.close());
	fixture.run = async (workflow, personalData = []) => {
		const result = await runWorkflow(workflow);
		expect(findLeaks(serializeRun(result), fixture.sandbox, personalData)).toEqual([]);
		return result;
	};
	return fixture;
}

export const inOneYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

/** A recipient as the node's fields hold it, with everything required filled in. */
export function recipientFields(overrides: IDataObject = {}): IDataObject {
	return {
		firstName: 'Tony',
		lastName: 'Stark',
		email: 'tony@example.com',
		mobileCountryCode: 47,
		mobileNumber: '41234567',
		expires: inOneYear(),
		identityProvider: 'NO_BANKID_WEB',
		notificationRequest: 'SendBoth',
		notificationReminder: 'Off',
		language: 'NO',
		...overrides,
	};
}

/** Create Share parameters (fields mode) for the given content ids and recipients. */
export function createParameters(contentIds: string[], recipients: IDataObject[], extra: IDataObject = {}): INodeParameters {
	return {
		operation: 'create',
		inputMode: 'fields',
		title: 'Employment contract',
		description: 'Your contract, to sign by Friday.',
		content: { items: contentIds.map((id) => ({ id, name: `${id}.pdf` })) },
		recipients: { recipient: recipients },
		...extra,
	} as INodeParameters;
}
