// Turns the Create Share node's fields into the API's create body (before validation),
// and plans which binaries of an item become which content items.

/** One recipient as the node's "Recipients" fields hold it. */
export interface RecipientFields {
	firstName?: string;
	lastName?: string;
	email?: string;
	expires?: unknown;
	mobileCountryCode?: number | string;
	mobileNumber?: string | number;
	contentIds?: string | string[];
	identityProvider?: string;
	identityProviderUniqueId?: string;
	ssn?: string;
	dateOfBirth?: string;
	notificationRequest?: string;
	notificationReminder?: string;
	language?: string;
	externalId?: string;
	oneTimeLogin?: boolean;
}

export interface SenderFields {
	email?: string;
	mobileCountryCode?: number | string;
	mobileNumber?: string | number;
	notificationType?: string;
	notificationEvent?: string;
}

export interface ShareFields {
	title?: string;
	description?: string;
	content?: Array<{ id?: string; name?: string }>;
	recipients?: RecipientFields[];
	externalId?: string;
	departmentId?: string;
	confidentialInfo?: string;
	contactDetails?: { name?: string; phone?: string; email?: string; url?: string };
	senders?: SenderFields[];
}

type Body = Record<string, unknown>;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Copies the non-blank entries of `fields`, in the given order, so optional fields the user left empty are not sent. */
function present(fields: Array<[string, unknown]>): Body {
	const out: Body = {};
	for (const [key, value] of fields) if (!isBlank(value)) out[key] = value;
	return out;
}

/** "a, b ,c" or ["a","b"] to ["a","b","c"]; blank means all content. */
export function contentIdList(value: string | string[] | undefined): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
}

function mobileFromFields(countryCode: unknown, number: unknown): Body | undefined {
	if (isBlank(countryCode) && isBlank(number)) return undefined;
	return { countryCode, number: typeof number === 'string' ? number.trim() : number };
}

export function recipientFromFields(fields: RecipientFields): Body {
	const authentication = present([
		['identityProvider', fields.identityProvider],
		['identityProviderUniqueId', fields.identityProviderUniqueId],
		['ssn', typeof fields.ssn === 'string' ? fields.ssn.trim() : fields.ssn],
		['dateOfBirth', typeof fields.dateOfBirth === 'string' ? fields.dateOfBirth.trim() : fields.dateOfBirth],
	]);
	const notify = !isBlank(fields.language) || !isBlank(fields.notificationRequest) || !isBlank(fields.notificationReminder);
	return present([
		['firstName', fields.firstName],
		['lastName', fields.lastName],
		['email', typeof fields.email === 'string' ? fields.email.trim() : fields.email],
		['expires', fields.expires],
		['mobile', mobileFromFields(fields.mobileCountryCode, fields.mobileNumber)],
		['uploads', contentIdList(fields.contentIds)],
		['authentication', Object.keys(authentication).length > 0 ? [authentication] : []],
		[
			'notification',
			notify
				? {
						setup: present([
							['request', fields.notificationRequest],
							['reminder', fields.notificationReminder],
						]),
						language: fields.language,
					}
				: undefined,
		],
		['externalId', fields.externalId],
		['oneTimeLogin', fields.oneTimeLogin === true ? true : undefined],
	]);
}

export function senderFromFields(fields: SenderFields): Body {
	return present([
		['email', typeof fields.email === 'string' ? fields.email.trim() : fields.email],
		['mobile', mobileFromFields(fields.mobileCountryCode, fields.mobileNumber)],
		['notificationType', fields.notificationType],
		['notificationEvent', fields.notificationEvent],
	]);
}

/** The create body the node's fields describe; `validateCreateShareBody` checks it. */
export function shareBodyFromFields(fields: ShareFields): Body {
	const contactDetails = present([
		['name', fields.contactDetails?.name],
		['phone', fields.contactDetails?.phone],
		['email', fields.contactDetails?.email],
		['url', fields.contactDetails?.url],
	]);
	const senders = (fields.senders ?? []).map(senderFromFields);
	return present([
		[
			'information',
			present([
				['title', fields.title],
				['description', fields.description],
				['externalId', fields.externalId],
				['departmentId', fields.departmentId],
				['confidentialInfo', fields.confidentialInfo],
			]),
		],
		['content', (fields.content ?? []).map((item) => present([['id', item.id], ['name', item.name], ['type', 'file']]))],
		['recipients', (fields.recipients ?? []).map(recipientFromFields)],
		['contactDetails', Object.keys(contactDetails).length > 0 ? contactDetails : undefined],
		['senders', senders.length > 0 ? senders : undefined],
	]);
}

/** A binary of the incoming item that becomes the bytes of one content item. */
export interface PlannedFile {
	binaryField: string;
	contentId: string;
	fileName: string;
}

export interface BinarySummary {
	fileName?: string;
}

/**
 * "Upload Item Files" with every binary: each binary field becomes a content item whose id is the field
 * name (unless the body already declares that id) named after its file. Returns the content list to send.
 */
export function contentWithBinaries(declared: unknown, binaries: Record<string, BinarySummary>): { content: unknown; files: PlannedFile[] } {
	const list: unknown[] = Array.isArray(declared) ? [...declared] : [];
	const declaredIds = new Set(
		list.map((item) => (item !== null && typeof item === 'object' ? (item as Body).id : undefined)).filter((id) => typeof id === 'string'),
	);
	const files: PlannedFile[] = [];
	for (const [binaryField, binary] of Object.entries(binaries)) {
		const fileName = binary.fileName && binary.fileName.trim() !== '' ? binary.fileName : binaryField;
		if (!declaredIds.has(binaryField)) list.push({ id: binaryField, name: fileName, type: 'file' });
		files.push({ binaryField, contentId: binaryField, fileName });
	}
	return { content: list, files };
}
