export interface BasicCredentials {
  user: string;
  password: string;
}

/** The user and password of an `Authorization: Basic …` header (RFC 7617). */
export function basicCredentialsOf(header: string | undefined): BasicCredentials | undefined {
  const encoded = credentialsOf(header, 'basic');
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The token of an `Authorization: Bearer …` header (RFC 6750). */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return credentialsOf(header, 'bearer');
}

function credentialsOf(header: string | undefined, scheme: string): string | undefined {
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header ?? '');
  return match && match[1].toLowerCase() === scheme ? match[2] : undefined;
}
