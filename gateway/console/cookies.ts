// Cookies without a library: read one by name; write with the attributes the console always wants.
import type { Request, Response } from 'express';

/** The cookie's value, or undefined when it is absent or not one the console could have written (e.g. `%`). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decoded(part.slice(at + 1).trim());
  }
  return undefined;
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * SameSite=Strict unless told otherwise. Lax is for the one cookie that must come back with the identity provider's
 * redirect, a top-level navigation from another site, which a Strict cookie would not accompany.
 */
export function writeCookie(
  res: Response,
  name: string,
  value: string,
  options: { secure: boolean; path: string; maxAgeSeconds: number; sameSite?: 'Strict' | 'Lax' },
): void {
  const attributes = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    'HttpOnly',
    `SameSite=${options.sameSite ?? 'Strict'}`,
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) attributes.push('Secure');
  res.append('set-cookie', attributes.join('; '));
}

/** Over https the session cookie takes the __Host- prefix: Secure, Path=/ and no Domain, so no sibling host can set it. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-gw-console' : 'gw-console');
export const signInCookieName = 'gw-console-signin';
/** Names the sign-in under way at the identity provider (sign-in-attempts.ts). */
export const attemptCookieName = 'gw-console-oidc';
