/** Masks the password of a URL, for messages and logs. */
export function maskUrl(url: string): string {
	return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
