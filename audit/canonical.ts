// Canonical JSON for hashing: keys sorted by UTF-16 code units, no white space, strings and numbers as
// JSON.stringify writes them (the same as RFC 8785 for the integers and strings the log holds).
// docs: audit/CHAIN.md describes this precisely enough to write an independent verifier.
// Written as plain loops rather than map/filter/join: verification runs it for every entry in the log.

export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON has no representation for a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const child = record[key];
        if (child === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(child)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new Error(`canonical JSON cannot represent a ${typeof value}`);
  }
}

/**
 * The canonical JSON of a value as JSON would hold it: canonicalJson(JSON.parse(JSON.stringify(value))), in one
 * pass with no copy. As JSON.stringify does: an object's toJSON is used (a Date becomes its ISO string), a field
 * that is undefined, a function or a symbol is left out, and in an array, like a non-finite number anywhere, is null.
 */
export function canonicalJsonAsStored(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJsonAsStored((value as { toJSON(): unknown }).toJSON());
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const absent = item === undefined || typeof item === 'function' || typeof item === 'symbol';
          out += (i === 0 ? '' : ',') + (absent ? 'null' : canonicalJsonAsStored(item));
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const child = record[key];
        if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJsonAsStored(child)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // A bigint, as JSON.stringify, cannot be written.
      throw new TypeError(`canonical JSON cannot represent a ${typeof value}`);
  }
}
