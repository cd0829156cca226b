/** What an applicant may attach: documents and scans that every agency system can open. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export const MAX_DOCUMENT_URL_LENGTH = 2000;
export const MAX_DOCUMENT_NAME_LENGTH = 200;

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

/** A SHA-256 digest as 64 lowercase hexadecimal digits, the form agencies compare against. */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/**
 * - `format`: not an absolute URL, or longer than MAX_DOCUMENT_URL_LENGTH;
 * - `scheme`: not https;
 * - `credentials`: a user name or password in the URL, which would travel to every agency;
 * - `host`: an IP address or a name without a dot (localhost, intranet hosts) rather than a
 *   public domain name, so an agency that fetches the document is not sent into its own network.
 */
export type DocumentUrlProblem = 'format' | 'scheme' | 'credentials' | 'host';

export type DocumentUrlCheck = { valid: true } | { valid: false; problem: DocumentUrlProblem };

const IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Where an agency fetches an attached document. */
export function checkDocumentUrl(value: string): DocumentUrlCheck {
  if (value.length > MAX_DOCUMENT_URL_LENGTH || !URL.canParse(value)) {
    return { valid: false, problem: 'format' };
  }
  // The WHATWG parser normalises hosts: `0x7f.1` becomes 127.0.0.1, IPv6 stays in brackets.
  const url = new URL(value);
  if (url.protocol !== 'https:') return { valid: false, problem: 'scheme' };
  if (url.username || url.password) return { valid: false, problem: 'credentials' };
  const host = url.hostname;
  if (host.startsWith('[') || IPV4_HOST.test(host) || !host.includes('.')) {
    return { valid: false, problem: 'host' };
  }
  return { valid: true };
}

/** A file name as shown to the agency: no path, no control characters, not blank. */
export function isDocumentName(value: string): boolean {
  return (
    value.trim().length > 0 &&
    value.length <= MAX_DOCUMENT_NAME_LENGTH &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f/\\]/.test(value)
  );
}
