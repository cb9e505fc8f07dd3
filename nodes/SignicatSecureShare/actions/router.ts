import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as share from './share';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, Operation>> = {
	share: { create: share.create.execute, upload: share.upload.execute },
};

/**
 * Runs `task` for 0..count-1 with at most `limit` at once. Stops starting new ones after the first
 * error (which it rethrows once the running ones have settled).
 */
async function runPool(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < count) {
			const index = next++;
			try {
				await task(index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	if (failure) throw failure.error;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);

	const concurrency = Math.max(1, Math.min(32, Math.floor(Number(this.getNodeParameter('options.concurrency', 0, 1)) || 1)));
	const results: INodeExecutionData[][] = new Array(items.length);

	await runPool(items.length, concurrency, async (itemIndex) => {
		try {
			results[itemIndex] = await execute.call(this, itemIndex);
		} catch (error) {
			if (this.continueOnFail()) {
				const failed = error as { message?: string; description?: string | null };
				results[itemIndex] = [
					{
						json: { error: failed.message ?? String(error), ...(failed.description ? { description: failed.description } : {}) },
						pairedItem: { item: itemIndex },
					},
				];
				return;
			}
			if (error instanceof NodeOperationError || (error as { context?: unknown }).context !== undefined) {
				const withContext = error as { context: Record<string, unknown> };
				withContext.context.itemIndex ??= itemIndex;
				throw error;
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	});

	return [results.flat()];
}
