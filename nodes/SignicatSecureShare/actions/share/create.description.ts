import type { INodeProperties } from 'n8n-workflow';

import { IDENTITY_PROVIDERS, LANGUAGES, NOTIFICATION_EVENTS, NOTIFICATION_TYPES } from '../../helpers/wire';
import { requestOptions } from '../common.descriptions';

const IDENTITY_PROVIDER_NAMES: Record<(typeof IDENTITY_PROVIDERS)[number], string> = {
	UNKNOWN: 'Any (Unknown)',
	NO_BANKID_MOBILE: 'Norwegian BankID on Mobile',
	NO_BANKID_WEB: 'Norwegian BankID',
	SWE_BANKID: 'Swedish BankID',
	SWE_BANKID_MOBILE: 'Swedish Mobile BankID',
	NO_BUYPASS: 'Buypass',
	DA_NEMID: 'Danish NemID',
	FI_TUPAS: 'Finnish Tupas',
};

const NOTIFICATION_NAMES: Record<(typeof NOTIFICATION_TYPES)[number], string> = {
	Off: 'Off',
	SendSms: 'SMS',
	SendEmail: 'Email',
	SendBoth: 'SMS and Email',
};

const EVENT_NAMES: Record<(typeof NOTIFICATION_EVENTS)[number], string> = {
	None: 'None',
	Single: 'Single',
	Both: 'Both',
	All: 'All',
};

const notificationOptions = NOTIFICATION_TYPES.map((value) => ({ name: NOTIFICATION_NAMES[value], value }));

const show = { resource: ['share'], operation: ['create'] };
const showFields = { ...show, inputMode: ['fields'] };

const mobileFields = (what: string): INodeProperties[] => [
	{
		displayName: 'Mobile Country Code',
		name: 'mobileCountryCode',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 999 },
		default: 47,
		description: `Country calling code of the ${what}'s mobile, without "+" (47 Norway, 46 Sweden, 45 Denmark, 358 Finland)`,
	},
	{
		displayName: 'Mobile Number',
		name: 'mobileNumber',
		type: 'string',
		default: '',
		placeholder: '41234567',
		description: `The ${what}'s mobile number, digits only, without the country code`,
	},
];

export const createShareDescription: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'Fill in the share field by field' },
			{ name: 'Using JSON', value: 'json', description: 'Give the whole create body as JSON, e.g. from an expression' },
		],
		default: 'fields',
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		displayOptions: { show: { ...show, inputMode: ['json'] } },
		default:
			'{\n  "information": { "title": "", "description": "" },\n  "content": [{ "id": "document", "name": "Document", "type": "file" }],\n  "recipients": []\n}',
		description:
			'The create body as in Signicat\'s API: information, content, recipients, contactDetails, senders. It is checked the same way as the fields.',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		displayOptions: { show: showFields },
		default: '',
		placeholder: 'Your employment contract',
		description: 'The name of the share, shown to the recipients',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		displayOptions: { show: showFields },
		default: '',
		description: 'Tells the recipients what is shared with them and why',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show: showFields },
		placeholder: 'Add Content Item',
		default: {},
		description:
			'The files of the share. Each gets an ID you choose; upload its bytes with Upload File (or Upload Item Files below). Recipients are notified when every item has arrived.',
		options: [
			{
				name: 'items',
				displayName: 'Content Item',
				values: [
					{
						displayName: 'Content ID',
						name: 'id',
						type: 'string',
						default: '',
						placeholder: 'contract',
						description: 'An ID of your choice, unique in this share; Upload File and recipient restrictions refer to it',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Employment contract.pdf',
						description: 'The name recipients see',
					},
				],
			},
		],
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show: showFields },
		placeholder: 'Add Recipient',
		default: {},
		options: [
			{
				name: 'recipient',
				displayName: 'Recipient',
				values: [
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					...mobileFields('recipient'),
					{
						displayName: 'Access Expires',
						name: 'expires',
						type: 'dateTime',
						default: '',
						description: "When the recipient's access ends. A time without offset is read in the workflow's time zone.",
					},
					{
						displayName: 'Content IDs',
						name: 'contentIds',
						type: 'string',
						default: '',
						placeholder: 'contract, handbook',
						description: 'Comma-separated IDs of the content items this recipient may see. Empty means all.',
					},
					{
						displayName: 'Identity Provider',
						name: 'identityProvider',
						type: 'options',
						options: IDENTITY_PROVIDERS.map((value) => ({ name: IDENTITY_PROVIDER_NAMES[value], value })),
						default: 'NO_BANKID_WEB',
						description: 'The electronic ID the recipient must log in with',
					},
					{
						displayName: 'National Identity Number',
						name: 'ssn',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							"Optional. Only the person with this number can open the share. It is masked in the node's output and errors.",
					},
					{
						displayName: 'Date of Birth',
						name: 'dateOfBirth',
						type: 'string',
						default: '',
						placeholder: '290570',
						description: 'Optional, as ddMMyy (day, month, last two digits of the year)',
					},
					{
						displayName: 'Identity Provider Unique ID',
						name: 'identityProviderUniqueId',
						type: 'string',
						default: '',
						description: "Optional. The recipient's ID at the identity provider, e.g. a BankID PID.",
					},
					{
						displayName: 'Notify By',
						name: 'notificationRequest',
						type: 'options',
						options: notificationOptions,
						default: 'SendBoth',
						description: 'How the recipient is told about the share once every file has been uploaded',
					},
					{
						displayName: 'Reminder',
						name: 'notificationReminder',
						type: 'options',
						options: notificationOptions,
						default: 'Off',
						description: 'How the recipient is reminded of an unopened share',
					},
					{
						displayName: 'Language',
						name: 'language',
						type: 'options',
						options: LANGUAGES.map((value) => ({ name: value === 'NO' ? 'Norwegian' : 'English', value })),
						default: 'NO',
						description: 'Language of the notifications',
					},
					{
						displayName: 'External ID',
						name: 'externalId',
						type: 'string',
						default: '',
						description: 'Optional. Your own reference for this recipient, returned in events.',
					},
					{
						displayName: 'One-Time Login',
						name: 'oneTimeLogin',
						type: 'boolean',
						default: false,
						description: 'Whether the recipient can open the share only once',
					},
				],
			},
		],
	},
	{
		displayName: 'Upload Item Files',
		name: 'filesToUpload',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'No', value: 'none', description: 'Upload the files later with the Upload File operation' },
			{
				name: 'Every Binary Field',
				value: 'all',
				description:
					'Each binary field of the item becomes a content item (ID = field name, name = file name, unless you declared that ID) and is uploaded',
			},
			{ name: 'Chosen Binary Fields', value: 'mapping', description: 'Upload the binary fields you map to content IDs' },
		],
		default: 'none',
		description: 'Whether to upload the binary files of the incoming item right after the share is created',
	},
	{
		displayName: 'Files',
		name: 'fileMapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show: { ...show, filesToUpload: ['mapping'] } },
		placeholder: 'Add File',
		default: {},
		options: [
			{
				name: 'files',
				displayName: 'File',
				values: [
					{ displayName: 'Input Binary Field', name: 'binaryField', type: 'string', default: 'data', hint: 'The name of the input binary field containing the file to upload' },
					{ displayName: 'Content ID', name: 'contentId', type: 'string', default: '', description: 'The content item the file is uploaded as' },
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: showFields },
		default: {},
		options: [
			{
				displayName: 'Confidential Info',
				name: 'confidentialInfo',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Text shown to recipients only after they have logged in',
			},
			{
				displayName: 'Contact Email',
				name: 'contactEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email address shown to recipients for questions',
			},
			{ displayName: 'Contact Name', name: 'contactName', type: 'string', default: '', description: 'Who recipients can contact about the share' },
			{ displayName: 'Contact Phone', name: 'contactPhone', type: 'string', default: '', description: 'Phone number shown to recipients' },
			{ displayName: 'Contact URL', name: 'contactUrl', type: 'string', default: '', description: 'Web address shown to recipients' },
			{ displayName: 'Department ID', name: 'departmentId', type: 'string', default: '', description: 'The Signicat department the share belongs to' },
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description:
					'Your own reference for the share, returned in events. When empty, the node sets a unique one so that a retry after a lost answer never creates the share twice.',
			},
		],
	},
	{
		displayName: 'Senders to Notify',
		name: 'senders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		displayOptions: { show: showFields },
		placeholder: 'Add Sender',
		default: {},
		description: 'People on your side who are told when recipients open the share',
		options: [
			{
				name: 'sender',
				displayName: 'Sender',
				values: [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					...mobileFields('sender'),
					{ displayName: 'Notify By', name: 'notificationType', type: 'options', options: notificationOptions, default: 'SendEmail' },
					{
						displayName: 'Notify On',
						name: 'notificationEvent',
						type: 'options',
						options: NOTIFICATION_EVENTS.map((value) => ({ name: EVENT_NAMES[value], value })),
						default: 'Single',
						description: "Which recipients' openings trigger a notification (Signicat's notificationEvent)",
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Include Recipient Links',
				name: 'includeRecipientLinks',
				type: 'boolean',
				default: true,
				description: "Whether to read the share back after creating it, to output each recipient's ID and link",
			},
			...requestOptions,
		],
	},
];
