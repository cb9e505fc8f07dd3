import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ShareInputError } from './validate';

const FIELD_LABELS: Record<string, string> = {
	'information.title': 'Title',
	'information.description': 'Description',
	'information.externalId': 'Additional Fields › External ID',
	'information.departmentId': 'Additional Fields › Department ID',
	'information.confidentialInfo': 'Additional Fields › Confidential Info',
	content: 'Content',
	'content.id': 'Content › Content ID',
	'content.name': 'Content › Name',
	recipients: 'Recipients',
	'recipients.firstName': 'Recipients › First Name',
	'recipients.lastName': 'Recipients › Last Name',
	'recipients.email': 'Recipients › Email',
	'recipients.expires': 'Recipients › Access Expires',
	'recipients.mobile': 'Recipients › Mobile Number',
	'recipients.mobile.countryCode': 'Recipients › Mobile Country Code',
	'recipients.mobile.number': 'Recipients › Mobile Number',
	'recipients.uploads': 'Recipients › Content IDs',
	'recipients.authentication': 'Recipients › Identity Provider',
	'recipients.authentication.identityProvider': 'Recipients › Identity Provider',
	'recipients.authentication.ssn': 'Recipients › National Identity Number',
	'recipients.authentication.dateOfBirth': 'Recipients › Date of Birth',
	'recipients.authentication.identityProviderUniqueId': 'Recipients › Identity Provider Unique ID',
	'recipients.notification.language': 'Recipients › Language',
	'contactDetails.email': 'Additional Fields › Contact Email',
	'contactDetails.url': 'Additional Fields › Contact URL',
	'senders.email': 'Senders to Notify › Email',
	'senders.mobile': 'Senders to Notify › Mobile Number',
	'senders.mobile.countryCode': 'Senders to Notify › Mobile Country Code',
	'senders.mobile.number': 'Senders to Notify › Mobile Number',
};

/** "recipients[1].mobile.number" → "Recipients › Mobile Number (entry 2)", for users of the fields. */
export function fieldLabel(path: string): string | undefined {
	const positions = [...path.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]) + 1);
	const label = FIELD_LABELS[path.replace(/\[\d+\]/g, '')];
	if (!label) return undefined;
	return positions.length ? `${label} (entry ${positions[0]})` : label;
}

/** The NodeOperationError for invalid input: the item, the field, what is wrong and how to fix it. */
export function inputError(node: INode, error: ShareInputError, itemIndex: number, mode: 'fields' | 'json' | 'upload'): NodeOperationError {
	const label = mode === 'fields' ? fieldLabel(error.path) : undefined;
	return new NodeOperationError(node, `Item ${itemIndex}: ${error.path} ${error.problem}`, {
		itemIndex,
		description: `${error.fix}${label ? ` In the node this is "${label}".` : ''}`,
	});
}
