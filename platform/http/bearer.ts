// The Bearer scheme (RFC 6750) as RFC 7235 reads an Authorization header: the scheme's name in any case ("bearer",
// "BEARER"), one or more spaces, then the credentials. Every 401 names the scheme in WWW-Authenticate.

/** What follows the Bearer scheme, or undefined when the header is absent or names another scheme. */
export function bearerCredentials(authorization: string | undefined): string | undefined {
  return /^bearer +(.+)$/i.exec(authorization ?? '')?.[1];
}

/** The challenge a 401 carries: `error="invalid_token"` when a token was sent and refused (RFC 6750 §3.1). */
export function bearerChallenge(authorization: string | undefined): string {
  return bearerCredentials(authorization) === undefined ? 'Bearer' : 'Bearer error="invalid_token"';
}
