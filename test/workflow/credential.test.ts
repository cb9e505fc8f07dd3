// The credential: one token per client shared by items, executions and concurrent requests; renewed
// after Signicat refuses it; never sent in clear text to another host; the secret never shown.
import { credentialsHelper, storeCredential } from '../harness/engine';
import { createParameters, recipientFields, useSandbox } from '../support/fixture';
import { CREDENTIAL, chain, shareNode, sourceNode } from '../harness/workflow';

const fixture = useSandbox('body');
const items = (count: number) => Array.from({ length: count }, (_, n) => ({ json: { n } }));
const createMany = (count: number, options = {}) =>
	chain(sourceNode(items(count)), shareNode('Create Share', createParameters(['doc'], [recipientFields()], { options: { includeRecipientLinks: false, ...options } })));

test('one token serves every item of every execution (client id and secret sent in the form body)', async () => {
	const { run, sandbox } = fixture;
	const before = sandbox.store.counters.tokenRequests;
	await run(createMany(5));
	await run(createMany(5));
	expect(sandbox.store.shares.size).toBe(10);
	expect(sandbox.store.counters.tokenRequests - before).toBeLessThanOrEqual(1);
	expect(credentialsHelper.get(CREDENTIAL.id)?.accessToken).toMatch(/^sbx_/);
});

test('twenty concurrent items that find no token wait on a single token request', async () => {
	const { run, sandbox } = fixture;
	sandbox.store.tokens.clear();
	storeCredential(CREDENTIAL.id, { ...credentialsHelper.get(CREDENTIAL.id), accessToken: '', tokenExpiresAt: 0 });
	sandbox.faults.settings.latencyMs = 30;
	const before = sandbox.store.counters.tokenRequests;
	const result = await run(createMany(20, { concurrency: 8 }));
	expect(result.error).toBeUndefined();
	expect(sandbox.store.counters.tokenRequests - before).toBe(1);
	expect(sandbox.store.shares.size).toBe(20);
});

test('a token Signicat revokes mid-run is renewed once and the run completes', async () => {
	const { run, sandbox } = fixture;
	await run(createMany(1));
	sandbox.store.revokeAllTokens();
	const before = sandbox.store.counters.tokenRequests;
	const result = await run(createMany(4, { concurrency: 4 }));
	expect(result.error).toBeUndefined();
	expect(sandbox.store.counters.tokenRequests - before).toBe(1);
	expect(sandbox.store.shares.size).toBe(5);
});

test('a token close to its expiry is renewed before it is used', async () => {
	const { run, sandbox } = fixture;
	const good = credentialsHelper.get(CREDENTIAL.id)!;
	const shortLived = sandbox.store.addClient();
	storeCredential(CREDENTIAL.id, { ...good, clientId: shortLived.clientId, clientSecret: shortLived.clientSecret, accessToken: '', tokenExpiresAt: 0 });
	sandbox.faults.settings.tokenLifetimeSeconds = 30; // shorter than the 60 s renewal margin
	try {
		const result = await run(createMany(3), [shortLived.clientSecret]);
		expect(result.error).toBeUndefined();
		// Each request renews: a token that dies within the margin is never sent, so nothing gets a 401.
		expect(sandbox.store.counters.tokenRequests).toBe(3);
		expect(sandbox.store.counters.requests - sandbox.store.counters.tokenRequests).toBe(3);
	} finally {
		storeCredential(CREDENTIAL.id, good);
	}
});

test('a wrong secret fails with a clear error that does not contain it', async () => {
	const { sandbox } = fixture;
	const good = credentialsHelper.get(CREDENTIAL.id)!;
	storeCredential(CREDENTIAL.id, { ...good, clientSecret: 'wrong-secret-value', accessToken: '', tokenExpiresAt: 0 });
	try {
		const result = await fixture.run(createMany(1), ['wrong-secret-value']);
		expect(result.error?.message).toMatch(/Signicat refused the token request \(HTTP 401, invalid_client/);
		expect(result.error?.message).toMatch(/Check the Client ID, the Client Secret/);
		expect(sandbox.store.shares.size).toBe(0);
	} finally {
		storeCredential(CREDENTIAL.id, good);
	}
});

test('a plain-http base URL that is not loopback is refused before anything is sent', async () => {
	const good = credentialsHelper.get(CREDENTIAL.id)!;
	storeCredential(CREDENTIAL.id, { ...good, baseUrl: 'http://api.signicat.io', accessToken: '', tokenExpiresAt: 0 });
	try {
		const result = await fixture.run(createMany(1));
		expect(result.error?.message).toMatch(/is not https: access tokens and client secrets would travel in clear text/);
		expect(fixture.sandbox.store.counters.requests).toBe(0);
	} finally {
		storeCredential(CREDENTIAL.id, good);
	}
});

test('a redirect is not followed, so the token never reaches another host', async () => {
	const { run, sandbox } = fixture;
	sandbox.faults.add({ route: 'create', action: { type: 'status', status: 307, body: {} } });
	const result = await run(createMany(1));
	expect(result.error?.message).toMatch(/Signicat answered with a redirect \(307\)/);
	expect(sandbox.store.shares.size).toBe(0);
});
