// A small bounded cache with per-entry expiry, for the authenticator: clients with their key sets (so a request does
// not query the database and import the keys again) and the principals of tokens already verified (so the same
// token is not verified again on every call). Entries live at most their expiry, and the authenticator empties the
// cache whenever the client register's generation moves, so a revoked key or suspended client is not trusted from
// it. Only successes are cached: an attacker's random key ids cost a throttled address, not memory.

export interface ExpiringCache<V> {
  get(key: string, now: number): V | undefined;
  set(key: string, value: V, expiresAt: number): void;
  clear(): void;
}

export function expiringCache<V>(maxEntries: number): ExpiringCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, expiresAt) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!); // oldest first, as Map keeps order
      entries.set(key, { value, expiresAt });
    },
    clear: () => entries.clear(),
  };
}
