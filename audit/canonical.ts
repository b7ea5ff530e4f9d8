// Canonical JSON for hashing: keys sorted by UTF-16 code units, no white space, strings and numbers as
// JSON.stringify writes them (the same as RFC 8785 for the integers and strings the log holds).
// docs: audit/CHAIN.md describes this precisely enough to write an independent verifier.
// Written as plain loops rather than map/filter/join: verification runs it for every entry in the log.

export function canonicalJson(value: unknown): string {
  return canonical(value, false);
}

/**
 * The canonical JSON of a value as JSON would hold it: canonicalJson(JSON.parse(JSON.stringify(value))), in one
 * pass with no copy. As JSON.stringify does: an object's toJSON is used (a Date becomes its ISO string), a field
 * that is undefined, a function or a symbol is left out, and in an array, like a non-finite number anywhere, is null.
 */
export function canonicalJsonAsStored(value: unknown): string {
  return canonical(value, true);
}

/** Not a JSON value: left out of an object and null in an array, as stored; refused by the strict form. */
const absent = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** One walk for both forms: `asStored` takes what JSON.stringify would make of a value; else only JSON values. */
function canonical(value: unknown, asStored: boolean): string {
  if (
    asStored &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    return canonical((value as { toJSON(): unknown }).toJSON(), true);
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isFinite(value)) return JSON.stringify(value);
      if (asStored) return 'null';
      throw new Error('canonical JSON has no representation for a non-finite number');
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out += (i === 0 ? '' : ',') + (asStored && absent(item) ? 'null' : canonical(item, asStored));
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const child = record[key];
        if (child === undefined || (asStored && absent(child))) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonical(child, asStored)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // A bigint (or, in the strict form, undefined, a function or a symbol), as JSON.stringify, cannot be written.
      throw new TypeError(`canonical JSON cannot represent a ${typeof value}`);
  }
}
