// Loads an example workflow from examples/ for the harness: our nodes run exactly as saved there;
// the trigger is dropped and the document-generating Code node is replaced by a source node of the
// same name that emits the same document (n8n's own nodes are not part of this package).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IConnections, INode, IWorkflowBase } from 'n8n-workflow';

import { NODE_TYPE } from './engine';
import { sourceNode, CREDENTIAL } from './workflow';
import type { SourceItem } from './source.node';

/** The repository's examples/ folder, found from here whether this runs from source or from dist/. */
function examplesDir(): string {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'examples'))) return path.join(dir, 'examples');
	}
	throw new Error('examples/ not found');
}

export const EXAMPLES_DIR = examplesDir();

/** The items the examples' "Generate Contract" Code node produces. */
export function generatedContract(): SourceItem[] {
	const employee = { firstName: 'Kari', lastName: 'Nordmann', email: 'kari.nordmann@example.no', mobile: '41234567' };
	const contract = `%PDF-1.4\n% Employment contract for ${employee.firstName} ${employee.lastName}\n% Start date: 2027-01-04\n%%EOF\n`;
	const handbook = `%PDF-1.4\n% Staff handbook, 2027 edition\n%%EOF\n`;
	return [
		{
			json: { employee },
			files: {
				contract: { fileName: 'Employment contract.pdf', mimeType: 'application/pdf', text: contract },
				handbook: { fileName: 'Staff handbook.pdf', mimeType: 'application/pdf', text: handbook },
			},
		},
	];
}

export function loadExample(fileName: string, items: SourceItem[] = generatedContract()): { name: string; nodes: INode[]; connections: IConnections } {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, fileName), 'utf8')) as IWorkflowBase;
	const generator = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.code');
	if (!generator) throw new Error(`${fileName} has no Code node that generates the document`);
	const ours = workflow.nodes.filter((node) => node.type === NODE_TYPE).map((node) => ({ ...node, credentials: { signicatApi: CREDENTIAL } }));
	const keep = new Set([generator.name, ...ours.map((node) => node.name)]);
	const connections: IConnections = {};
	for (const [from, value] of Object.entries(workflow.connections)) if (keep.has(from)) connections[from] = value;
	return { name: workflow.name, nodes: [{ ...sourceNode(items), name: generator.name }, ...ours], connections };
}
