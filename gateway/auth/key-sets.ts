// A client's public keys as a jose key resolver: the JWKS held in the register, or the one its `jwks_uri` serves.
// A remote set is fetched as OpenID Connect's private_key_jwt fetches a client's keys (jose's createRemoteJWKSet):
// cached for `cacheSeconds`, fetched again at once for a key id it does not hold (at most once every 30 s), with a
// deadline, and read no further than `maxBytes`, so a slow or huge key set cannot hold a request or fill memory.
import { createLocalJWKSet, createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { ClientState } from './client-store.ts';

export interface RemoteKeySetOptions {
  timeoutMs: number;
  maxBytes: number;
  cacheSeconds: number;
}

export class KeySetTooLargeError extends Error {
  readonly code = 'ERR_JWKS_TOO_LARGE';
  constructor(maxBytes: number) {
    super(`the key set is larger than ${maxBytes} bytes`);
  }
}

/** fetch, but the body is read only up to `maxBytes` (from the Content-Length when given, else while streaming). */
export function boundedFetch(maxBytes: number) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetch(url, init);
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      throw new KeySetTooLargeError(maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new KeySetTooLargeError(maxBytes);
      }
      chunks.push(next.value);
    }
    return new Response(Buffer.concat(chunks), { status: response.status, headers: response.headers });
  };
}

/** Remote key sets are kept per URI for the life of the process, so their cache outlives any one request. */
export function createKeySets(options: RemoteKeySetOptions) {
  const remote = new Map<string, JWTVerifyGetKey>();
  const fetchImpl = boundedFetch(options.maxBytes);
  return {
    for(client: Pick<ClientState, 'jwks' | 'jwksUri'>): JWTVerifyGetKey {
      if (client.jwks) return createLocalJWKSet(client.jwks as Parameters<typeof createLocalJWKSet>[0]);
      let set = remote.get(client.jwksUri!);
      if (!set) {
        set = createRemoteJWKSet(new URL(client.jwksUri!), {
          timeoutDuration: options.timeoutMs,
          cacheMaxAge: options.cacheSeconds * 1000,
          [customFetch]: fetchImpl as never,
        });
        if (remote.size >= 10_000) remote.delete(remote.keys().next().value!);
        remote.set(client.jwksUri!, set);
      }
      return set;
    },
  };
}
export type KeySets = ReturnType<typeof createKeySets>;
