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
