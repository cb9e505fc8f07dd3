// One measurement in a fresh process, so memory figures belong to that run alone: a workflow with
// our node or n8n's HTTP Request node, run by n8n-core against the sandbox (in its own process).
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INode, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { registerNodeType, runWorkflow, storeCredential, useBinaryMode } from '../test/harness/engine';
import { chain, shareNode, sourceNode } from '../test/harness/workflow';
import type { SourceItem } from '../test/harness/source.node';

export interface WorkerTask {
	kind: 'upload' | 'create' | 'uploadMany';
	contender: 'node' | 'httpRequest';
	sandboxUrl: string;
	clientId: string;
	clientSecret: string;
	/** A token fetched once by the orchestrator, for the HTTP Request node. */
	token: string;
	nodesBasePath?: string;
	filePath?: string;
	shareId?: string;
	contentIds?: string[];
	bodies?: IDataObject[];
	concurrency?: number;
}

export interface WorkerResult {
	ms: number;
	baselineRssMiB: number;
	peakRssDeltaMiB: number;
	items: number;
	errors: number;
}

const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

function httpRequestNode(parameters: IDataObject, token: string): INode {
	return {
		id: 'http',
		name: 'HTTP Request',
		type: HTTP_REQUEST_TYPE,
		typeVersion: 4.2,
		position: [300, 0],
		parameters: {
			authentication: 'none',
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${token}` }] },
			options: {},
			...parameters,
		},
	};
}

async function storeFile(filePath: string): Promise<IBinaryData> {
	const service = Container.get(BinaryDataService);
	const fileSize = statSync(filePath).size;
	const stored = await service.store({ type: 'execution', workflowId: 'bench', executionId: 'bench' }, createReadStream(filePath), {
		data: 'filesystem-v2',
		mimeType: 'application/octet-stream',
		fileName: path.basename(filePath),
		fileSize: String(fileSize),
	} as IBinaryData);
	return stored;
}

/**
 * In n8n, n8n-nodes-base and n8n-core share one dependency tree. Loaded from bench/deps, the HTTP
 * Request node would get its own copies and n8n-core's `instanceof FormData` would fail; point its
 * n8n-workflow, n8n-core and form-data at the ones the engine uses.
 */
function shareCoreModules(nodesBasePath: string): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Module = require('node:module') as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string };
	const corePath = path.dirname(require.resolve('n8n-core/package.json'));
	const shared: Record<string, string> = {
		'n8n-workflow': require.resolve('n8n-workflow'),
		'n8n-core': require.resolve('n8n-core'),
		'form-data': require.resolve('form-data', { paths: [corePath] }),
	};
	const depsRoot = path.resolve(nodesBasePath, '..', '..');
	const original = Module._resolveFilename;
	Module._resolveFilename = function (request, parent, ...rest) {
		if (shared[request] && parent?.filename?.startsWith(depsRoot)) return shared[request];
		return original.call(this, request, parent, ...rest);
	};
}

async function main(): Promise<void> {
	const task = JSON.parse(readFileSync(process.argv[2], 'utf8')) as WorkerTask;
	// Our node fetches its own token (counted by the sandbox); the HTTP Request node gets one fetched once.
	storeCredential('signicat-sandbox', { baseUrl: task.sandboxUrl, clientId: task.clientId, clientSecret: task.clientSecret, accessToken: '', tokenExpiresAt: 0 });
	if (task.contender === 'httpRequest') {
		shareCoreModules(task.nodesBasePath!);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { HttpRequest } = require(path.join(task.nodesBasePath!, 'dist/nodes/HttpRequest/HttpRequest.node.js')) as { HttpRequest: new () => INodeType | IVersionedNodeType };
		registerNodeType(HTTP_REQUEST_TYPE, new HttpRequest());
	}

	let items: SourceItem[];
	let measured: INode;
	if (task.kind === 'create') {
		items = task.bodies!.map((body) => ({ json: { body } }));
		measured =
			task.contender === 'node'
				? shareNode('Measured', { operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}', options: { includeRecipientLinks: false, concurrency: task.concurrency ?? 1 } })
				: { ...httpRequestNode({ method: 'POST', url: `${task.sandboxUrl}/share`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' }, task.token), name: 'Measured' };
	} else {
		await useBinaryMode('filesystem');
		const binary = await storeFile(task.filePath!);
		// Flush the copy n8n just wrote, so the measured upload does not compete with write-back.
		execFileSync('sync');
		const ids = task.contentIds!;
		// A target is a content id of task.shareId, or "shareId/contentId".
		items = ids.map((target) => {
			const [shareId, contentId] = target.includes('/') ? target.split('/') : [task.shareId!, target];
			return { json: { shareId, contentId }, binary: { data: binary } };
		});
		measured =
			task.contender === 'node'
				? shareNode('Measured', { operation: 'upload', shareId: '={{ $json.shareId }}', contentId: '={{ $json.contentId }}', options: { concurrency: task.concurrency ?? 1 } })
				: {
						...httpRequestNode(
							{
								method: 'POST',
								url: `=${task.sandboxUrl}/share/{{ $json.shareId }}/upload/{{ $json.contentId }}`,
								sendBody: true,
								contentType: 'multipart-form-data',
								bodyParameters: { parameters: [{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' }] },
							},
							task.token,
						),
						name: 'Measured',
					};
	}

	global.gc?.();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 20);
	const result = await runWorkflow(chain(sourceNode(items), measured));
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	if (result.error) throw new Error(`${task.contender} ${task.kind}: ${result.error.message}\n${(result.error as { stack?: string }).stack ?? ''}`);
	const run = result.run.data.resultData.runData.Measured[0];
	const output = run.data?.main?.[0] ?? [];
	const report: WorkerResult = {
		ms: run.executionTime,
		baselineRssMiB: baseline / 2 ** 20,
		peakRssDeltaMiB: (peak - baseline) / 2 ** 20,
		items: output.length,
		errors: output.filter((item) => item.json.error !== undefined).length,
	};
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
