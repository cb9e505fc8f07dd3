// Binaries that n8n keeps on disk (filesystem mode) are streamed, never read whole: a 50 MB file
// arrives byte for byte, and the node's memory grows far less than the file's size.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';

import { useBinaryMode } from '../harness/engine';
import { createParameters, recipientFields, useSandbox } from '../support/fixture';
import { chain, shareNode, sourceNode } from '../harness/workflow';

const fixture = useSandbox();
const SIZE = 50 * 1024 * 1024;
let directory: string;
let filePath: string;
let expectedSha256: string;

beforeAll(async () => {
	await useBinaryMode('filesystem');
	directory = mkdtempSync(path.join(tmpdir(), 'signicat-binary-'));
	filePath = path.join(directory, 'archive.bin');
	const hash = createHash('sha256');
	const out = createWriteStream(filePath);
	for (let written = 0; written < SIZE; written += 1024 * 1024) {
		const chunk = randomBytes(1024 * 1024);
		hash.update(chunk);
		if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	out.end();
	await finished(out);
	expectedSha256 = hash.digest('hex');
});

afterAll(async () => {
	rmSync(directory, { recursive: true, force: true });
	await useBinaryMode('default');
});

test('a 50 MB binary in filesystem mode is streamed to the sandbox with its sha256 intact', async () => {
	const { run, sandbox } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: {}, files: { data: { fileName: 'Scanned archive.bin', mimeType: 'application/octet-stream', path: filePath } } }]),
			shareNode('Create Share', createParameters(['archive'], [recipientFields()])),
			shareNode('Upload', { operation: 'upload', contentId: 'archive' }),
		),
	);
	expect(result.error).toBeUndefined();
	const created = result.output('Create Share')[0];
	expect(created.binary?.data.id).toMatch(/^filesystem/);
	const [share] = [...sandbox.store.shares.values()];
	expect(share.files.get('archive')).toMatchObject({ partName: 'file', fileName: 'Scanned archive.bin', bytes: SIZE, sha256: expectedSha256 });
	expect(result.output('Upload')[0].json).toMatchObject({ bytes: SIZE, sha256: expectedSha256 });
	expect(share.notified).toBe(true);
});

test('Create Share with files streams the same file in filesystem mode', async () => {
	const { run, sandbox } = fixture;
	const result = await run(
		chain(
			sourceNode([{ json: {}, files: { data: { fileName: 'archive.bin', path: filePath } } }]),
			shareNode('Create Share', { ...createParameters([], [recipientFields()]), filesToUpload: 'all' }),
		),
	);
	expect(result.error).toBeUndefined();
	const [share] = [...sandbox.store.shares.values()];
	expect(share.files.get('data')).toMatchObject({ bytes: SIZE, sha256: expectedSha256 });
});
