// Throttling before authentication, per source address. Each refused authentication (no token, a malformed or
// forged token, a key id nobody has) takes a token from its address's bucket; once the bucket is empty, requests
// from that address that the gateway has not already verified are answered 429 before anything else is done, the
// database included. Authentications that succeed cost nothing, so a partner's busy system is never slowed by it.
// In memory, per process: a flood spread over N gateway processes gets N times through.
export interface AddressThrottle {
  /** Seconds until the address may try again, or 0 when it may try now. */
  waitFor(address: string): number;
  /** Counts a refused authentication against the address. */
  refused(address: string): void;
}

export interface AddressThrottleSettings {
  perMinute: number;
  burst: number;
}

/**
 * IPv6 addresses are grouped by /64, the block one subscriber is given, so that rotating through a block's
 * addresses does not give a fresh bucket each time; an IPv4-mapped address counts as its IPv4 address.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').toLowerCase().split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? before
      : [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The address a request comes from. Behind a load balancer the socket's address is the balancer's, so when it is one
 * of the trusted proxies (TRUSTED_PROXIES) the client is the rightmost X-Forwarded-For address that is not itself a
 * trusted proxy: anything to the left of it was written by the client and proves nothing.
 */
export function sourceAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string | undefined {
  const plain = (a: string) => a.trim().replace(/^::ffff:(?=\d+\.)/i, '');
  if (!socketAddress || !trustedProxies.has(plain(socketAddress)) || !forwardedFor) return socketAddress;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trustedProxies.has(hops[i]!)) return hops[i];
  return hops[0] ?? socketAddress;
}

export function createAddressThrottle(
  settings: AddressThrottleSettings,
  clock: () => number = () => performance.now(),
  maxAddresses = 100_000,
): AddressThrottle {
  const refillPerMs = settings.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const bucket = (key: string) => {
    const now = clock();
    const found = buckets.get(key);
    if (!found) return { tokens: settings.burst, at: now };
    found.tokens = Math.min(settings.burst, found.tokens + (now - found.at) * refillPerMs);
    found.at = now;
    return found;
  };
  return {
    waitFor(address) {
      const b = bucket(addressKey(address));
      return b.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000));
    },
    refused(address) {
      const key = addressKey(address);
      const b = bucket(key);
      b.tokens = Math.max(0, b.tokens - 1);
      // A full bucket needs no entry; past the bound the oldest entry goes (Map keeps insertion order).
      if (!buckets.has(key) && buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, b);
    },
  };
}
