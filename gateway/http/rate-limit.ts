// Per-client rate limiting: a token bucket per client id, refilled continuously. It protects partners from one
// another's bursts; it is per process, so N gateway processes allow up to N times the rate.
export interface RateLimiter { take(clientId: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } }

export function createRateLimiter(perMinute: number, clock: () => number = () => performance.now()): RateLimiter {
  const capacity = perMinute;
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(clientId) {
      const now = clock();
      const bucket = buckets.get(clientId) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(clientId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
