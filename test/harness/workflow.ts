// Builds workflow JSON the way n8n's editor saves it: a source node chained to Secure Share nodes.
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { NODE_TYPE, SOURCE_TYPE } from './engine';
import type { SourceItem } from './source.node';

export const CREDENTIAL = { id: 'signicat-sandbox', name: 'Signicat sandbox' };

export function sourceNode(items: SourceItem[]): INode {
	return { id: 'source', name: 'Source', type: SOURCE_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } };
}

export function shareNode(name: string, parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [300, 0],
		parameters: { resource: 'share', ...parameters },
		credentials: { signicatApi: CREDENTIAL },
		...extra,
	};
}

/** Connects the nodes one after the other. */
export function chain(...nodes: INode[]): { nodes: INode[]; connections: IConnections } {
	const connections: IConnections = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { nodes, connections };
}
