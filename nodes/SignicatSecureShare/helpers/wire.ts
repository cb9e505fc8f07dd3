// The Secure Share API's wire format (../shared/secure-share-api.md), in one place.
// Everything that is sent or parsed is typed here; nothing here imports n8n.

export const IDENTITY_PROVIDERS = [
	'UNKNOWN',
	'NO_BANKID_MOBILE',
	'NO_BANKID_WEB',
	'SWE_BANKID',
	'SWE_BANKID_MOBILE',
	'NO_BUYPASS',
	'DA_NEMID',
	'FI_TUPAS',
] as const;
export type IdentityProvider = (typeof IDENTITY_PROVIDERS)[number];

export const NOTIFICATION_TYPES = ['Off', 'SendSms', 'SendEmail', 'SendBoth'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_EVENTS = ['None', 'Single', 'Both', 'All'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const LANGUAGES = ['NO', 'EN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CONTENT_TYPES = ['file'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface Mobile {
	countryCode: number;
	number: string;
}

export interface Information {
	title: string;
	description: string;
	externalId?: string;
	departmentId?: string;
	confidentialInfo?: string;
}

export interface ContentItem {
	id: string;
	name: string;
	type: ContentType;
}

export interface Authentication {
	identityProvider: IdentityProvider;
	identityProviderUniqueId?: string;
	ssn?: string;
	dateOfBirth?: string;
}

export interface RecipientNotification {
	setup: { request: NotificationType; reminder: NotificationType };
	language: Language;
}

export interface Recipient {
	firstName: string;
	lastName: string;
	email: string;
	expires: string;
	mobile: Mobile;
	uploads: string[];
	authentication: Authentication[];
	notification?: RecipientNotification;
	externalId?: string;
	oneTimeLogin?: boolean;
}

export interface ContactDetails {
	name?: string;
	phone?: string;
	email?: string;
	url?: string;
}

export interface Sender {
	email?: string;
	mobile?: Mobile;
	notificationType: NotificationType;
	notificationEvent: NotificationEvent;
}

export interface CreateShareBody {
	information: Information;
	content: ContentItem[];
	recipients: Recipient[];
	contactDetails?: ContactDetails;
	senders?: Sender[];
}

export interface CreateShareResponse {
	id: string;
}

export interface ApiErrorBody {
	message?: string;
	code?: string;
	errors?: Array<{ field?: string; message?: string }>;
	error?: string;
	error_description?: string;
}

export interface TokenResponse {
	access_token: string;
	expires_in: number;
	token_type: string;
	scope?: string;
}
