// When a failed callback is tried again: exponential backoff with "equal jitter" (half the delay fixed, half
// random), so that partners recovering from an outage are not all called back in the same second.
export interface BackoffSettings {
  backoffMs: number;
  backoffMaxMs: number;
}

/** The wait after the `attempt`-th attempt failed (1 for the first). `random` is in [0, 1). */
export function retryDelayMs(attempt: number, settings: BackoffSettings, random: number = Math.random()): number {
  const delay = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(delay / 2 + (delay / 2) * random);
}
