// Per-client rate limiting: a token bucket per client id, refilled continuously. It protects partners from one
// another's bursts; it is per process, so N gateway processes allow up to N times the rate.
//
// Every authenticated answer says where the caller stands, in the fields of the IETF httpapi draft
// (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "burst";q=6000;w=60` (the quota and its window) and
// `RateLimit: "burst";r=5999;t=1` (what is left, and the seconds until the bucket is full again).
import { londonMidnight, monthOf } from '../london-day.ts';

export interface Turn {
  allowed: boolean;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds: number;
}
export interface RateLimiter {
  policy: { name: string; quota: number; windowSeconds: number };
  take(clientId: string): Turn;
}

export function createRateLimiter(perMinute: number, clock: () => number = () => performance.now()): RateLimiter {
  const capacity = perMinute;
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const secondsToRefill = (tokens: number) => Math.max(0, Math.ceil((capacity - tokens) / refillPerMs / 1000));
  return {
    policy: { name: 'burst', quota: capacity, windowSeconds: 60 },
    take(clientId) {
      const now = clock();
      const bucket = buckets.get(clientId) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(clientId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return {
          allowed: true,
          remaining: Math.floor(bucket.tokens),
          resetSeconds: secondsToRefill(bucket.tokens),
          retryAfterSeconds: 0,
        };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      return { allowed: false, remaining: 0, resetSeconds: secondsToRefill(bucket.tokens), retryAfterSeconds };
    },
  };
}

/**
 * The monthly cap as a second policy beside the burst limit: its quota over the calendar month (in London, as caps
 * are counted), what is left, and the seconds until the month turns.
 */
export function monthlyCapItems(cap: { limit: number; remaining: number; month: string }, now: Date) {
  const start = londonMidnight(`${cap.month}-01`);
  const end = londonMidnight(monthOf(`${cap.month}-01`).next);
  const window = Math.round((end.getTime() - start.getTime()) / 1000);
  return rateLimitItems(
    'monthly-cap',
    cap.limit,
    window,
    cap.remaining,
    Math.max(0, Math.ceil((end.getTime() - now.getTime()) / 1000)),
  );
}

/** One policy's two header items, as structured-field list members named by the policy. */
export function rateLimitItems(
  name: string,
  quota: number,
  windowSeconds: number,
  remaining: number,
  resetSeconds: number,
) {
  return { policy: `"${name}";q=${quota};w=${windowSeconds}`, state: `"${name}";r=${remaining};t=${resetSeconds}` };
}
