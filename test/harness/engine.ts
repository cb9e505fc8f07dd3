// Runs workflow JSON through n8n-core's real execution engine (WorkflowExecute), with our node and
// credential loaded as n8n loads them, n8n's binary data service in the chosen mode, and credentials
// handled as n8n's CLI handles them.
import './env';
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createDeferredPromise, Workflow } from 'n8n-workflow';

import { SignicatApi } from '../../credentials/SignicatApi.credentials';
import { SignicatSecureShare } from '../../nodes/SignicatSecureShare/SignicatSecureShare.node';
import { MemoryCredentialsHelper } from './credentials';
import { HarnessSource } from './source.node';

export const NODE_TYPE = 'n8n-nodes-signicat-secure-share.signicatSecureShare';
export const SOURCE_TYPE = 'harness.harnessSource';

const nodeTypeMap: Record<string, INodeType> = {
	[NODE_TYPE]: new SignicatSecureShare(),
	[SOURCE_TYPE]: new HarnessSource(),
};

const versionedTypes: Record<string, IVersionedNodeType> = {};

/** Makes another node type (e.g. n8n's HTTP Request node, for benchmarks) available to workflows. */
export function registerNodeType(type: string, node: INodeType | IVersionedNodeType): void {
	if ('nodeVersions' in node) versionedTypes[type] = node;
	else nodeTypeMap[type] = node;
}

const nodeTypes: INodeTypes = {
	getByName: (type: string) => (versionedTypes[type] ?? nodeTypeMap[type]) as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string, version?: number) => versionedTypes[type]?.getNodeType(version) ?? nodeTypeMap[type],
	getKnownTypes: () => ({}),
};

export const credentialsHelper = new MemoryCredentialsHelper({ signicatApi: new SignicatApi() });

export type BinaryMode = 'default' | 'filesystem';
let binaryMode: BinaryMode | undefined;

/** Sets n8n's binary data mode for the runs that follow (as N8N_DEFAULT_BINARY_DATA_MODE does). */
export async function useBinaryMode(mode: BinaryMode): Promise<void> {
	if (binaryMode === mode) return;
	const storage = mkdtempSync(path.join(tmpdir(), 'n8n-binary-'));
	const config = { mode, availableModes: ['filesystem'], localStoragePath: storage, signingSecret: 'harness', dbMaxFileSize: 512 };
	const service = new BinaryDataService(config as never, { error: () => {} } as never, { debug: () => {}, error: () => {}, warn: () => {}, info: () => {} } as never);
	await service.init();
	Container.set(BinaryDataService, service);
	binaryMode = mode;
}

/** Stores a credential of type signicatApi under `id` (like creating it in n8n's editor). */
export function storeCredential(id: string, data: ICredentialDataDecryptedObject): void {
	credentialsHelper.set(id, { scopes: 'share_read share_write', clientAuthentication: 'header', accessToken: '', tokenExpiresAt: 0, ...data });
}

export interface RunResult {
	run: IRun;
	/** Output items of each node (first run, first output). */
	output: (nodeName: string) => INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: { message: string; description?: string | null; name?: string; context?: Record<string, unknown> };
}

let executionCounter = 0;

export async function runWorkflow(workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & { settings?: IWorkflowBase['settings'] }): Promise<RunResult> {
	if (!binaryMode) await useBinaryMode('default');
	const executionId = String(++executionCounter);
	const workflow = new Workflow({
		id: 'harness',
		name: 'harness',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: { timezone: 'Europe/Oslo', executionOrder: 'v1', ...(workflowData.settings ?? {}) },
	});
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'harness', name: 'harness', nodes: workflowData.nodes, connections: workflowData.connections } as IWorkflowBase);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished.resolve(fullRunData));

	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not supported in the harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported in the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const start = workflow.getNode(workflowData.nodes[0].name);
	if (!start) throw new Error('The workflow has no start node');
	const runExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished.promise;
	const error = run.data.resultData.error as RunResult['error'];
	return {
		run,
		error,
		output: (nodeName: string) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}
