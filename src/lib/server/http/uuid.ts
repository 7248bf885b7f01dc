/** Canonical text form of a uuid (any version), as PostgreSQL prints it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` can be compared with a uuid column without PostgreSQL raising an error. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
