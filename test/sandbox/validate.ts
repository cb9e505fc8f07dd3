// The sandbox's own check of a create body, written from the contract (not shared with the node),
// so that a test proves the node sends what Signicat accepts. Returns Signicat-style field errors.

export interface FieldError {
	field: string;
	message: string;
}

const IDPS = ['UNKNOWN', 'NO_BANKID_MOBILE', 'NO_BANKID_WEB', 'SWE_BANKID', 'SWE_BANKID_MOBILE', 'NO_BUYPASS', 'DA_NEMID', 'FI_TUPAS'];
const NOTIFY = ['Off', 'SendSms', 'SendEmail', 'SendBoth'];
const EVENTS = ['None', 'Single', 'Both', 'All'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown, max = 10000): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

function realDdMMyy(value: string): boolean {
	if (!/^\d{6}$/.test(value)) return false;
	const day = +value.slice(0, 2);
	const month = +value.slice(2, 4);
	const year = 2000 + +value.slice(4, 6);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function validateCreateBody(body: unknown, now = Date.now()): FieldError[] {
	const errors: FieldError[] = [];
	const err = (field: string, message: string) => errors.push({ field, message });
	if (!isObject(body)) return [{ field: '', message: 'The body must be a JSON object.' }];

	const information = body.information;
	if (!isObject(information)) err('information', 'Required.');
	else {
		if (!isText(information.title, 1000)) err('information.title', 'Required string.');
		if (!isText(information.description)) err('information.description', 'Required string.');
		for (const key of ['externalId', 'departmentId', 'confidentialInfo']) {
			if (information[key] !== undefined && typeof information[key] !== 'string') err(`information.${key}`, 'Must be a string.');
		}
	}

	const contentIds = new Set<string>();
	if (!Array.isArray(body.content) || body.content.length === 0) err('content', 'At least one content item is required.');
	else
		body.content.forEach((item: unknown, index) => {
			const at = `content[${index}]`;
			if (!isObject(item)) {
				err(at, 'Must be an object.');
				return;
			}
			if (!isText(item.id, 255)) err(`${at}.id`, 'Required string.');
			else if (contentIds.has(item.id)) err(`${at}.id`, 'Duplicate content id.');
			else contentIds.add(item.id);
			if (!isText(item.name, 1000)) err(`${at}.name`, 'Required string.');
			if (item.type !== 'file') err(`${at}.type`, "Must be 'file'.");
		});

	if (!Array.isArray(body.recipients) || body.recipients.length === 0) err('recipients', 'At least one recipient is required.');
	else
		body.recipients.forEach((recipient: unknown, index) => {
			const at = `recipients[${index}]`;
			if (!isObject(recipient)) {
				err(at, 'Must be an object.');
				return;
			}
			if (!isText(recipient.firstName, 1000)) err(`${at}.firstName`, 'Required string.');
			if (!isText(recipient.lastName, 1000)) err(`${at}.lastName`, 'Required string.');
			if (typeof recipient.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(recipient.email)) err(`${at}.email`, 'Invalid email.');
			if (typeof recipient.expires !== 'string' || !ISO_WITH_OFFSET.test(recipient.expires) || !Number.isFinite(Date.parse(recipient.expires))) {
				err(`${at}.expires`, 'Must be an ISO 8601 date-time with offset.');
			} else if (Date.parse(recipient.expires) <= now) err(`${at}.expires`, 'Must be in the future.');
			const mobile = recipient.mobile;
			if (!isObject(mobile)) err(`${at}.mobile`, 'Required.');
			else {
				if (!Number.isInteger(mobile.countryCode) || (mobile.countryCode as number) < 1 || (mobile.countryCode as number) > 999) err(`${at}.mobile.countryCode`, 'Must be an integer 1-999.');
				if (typeof mobile.number !== 'string' || !/^\d{1,15}$/.test(mobile.number)) err(`${at}.mobile.number`, 'Must be a string of digits.');
			}
			if (!Array.isArray(recipient.uploads)) err(`${at}.uploads`, 'Required list (empty means all content).');
			else
				recipient.uploads.forEach((id: unknown, uploadIndex) => {
					if (typeof id !== 'string' || !contentIds.has(id)) err(`${at}.uploads[${uploadIndex}]`, 'Unknown content id.');
				});
			if (!Array.isArray(recipient.authentication) || recipient.authentication.length === 0) err(`${at}.authentication`, 'At least one authentication method is required.');
			else
				recipient.authentication.forEach((method: unknown, methodIndex) => {
					const mat = `${at}.authentication[${methodIndex}]`;
					if (!isObject(method)) {
						err(mat, 'Must be an object.');
						return;
					}
					if (typeof method.identityProvider !== 'string' || !IDPS.includes(method.identityProvider)) err(`${mat}.identityProvider`, 'Unknown identity provider.');
					if (method.ssn !== undefined && (typeof method.ssn !== 'string' || method.ssn === '')) err(`${mat}.ssn`, 'Must be a string.');
					if (method.dateOfBirth !== undefined && (typeof method.dateOfBirth !== 'string' || !realDdMMyy(method.dateOfBirth))) err(`${mat}.dateOfBirth`, 'Must be ddMMyy.');
				});
			if (recipient.notification !== undefined) {
				const notification = recipient.notification;
				if (!isObject(notification) || !isObject(notification.setup)) err(`${at}.notification`, 'Must have setup.');
				else {
					for (const key of ['request', 'reminder']) {
						const value = notification.setup[key];
						if (value !== undefined && (typeof value !== 'string' || !NOTIFY.includes(value))) err(`${at}.notification.setup.${key}`, 'Unknown notification type.');
					}
					if (notification.language !== 'NO' && notification.language !== 'EN') err(`${at}.notification.language`, "Must be 'NO' or 'EN'.");
				}
			}
			if (recipient.oneTimeLogin !== undefined && typeof recipient.oneTimeLogin !== 'boolean') err(`${at}.oneTimeLogin`, 'Must be a boolean.');
		});

	if (body.senders !== undefined) {
		if (!Array.isArray(body.senders)) err('senders', 'Must be a list.');
		else
			body.senders.forEach((sender: unknown, index) => {
				const at = `senders[${index}]`;
				if (!isObject(sender)) {
					err(at, 'Must be an object.');
					return;
				}
				if (sender.notificationType !== undefined && !NOTIFY.includes(sender.notificationType as string)) err(`${at}.notificationType`, 'Unknown notification type.');
				if (sender.notificationEvent !== undefined && !EVENTS.includes(sender.notificationEvent as string)) err(`${at}.notificationEvent`, 'Unknown notification event.');
			});
	}
	if (body.contactDetails !== undefined && !isObject(body.contactDetails)) err('contactDetails', 'Must be an object.');
	return errors;
}
