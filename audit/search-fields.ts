// Whether an entry's search columns say what its hashed text says, decided from the text itself without a parse
// into objects: the verification workers (verify-worker.ts) hold each entry's body_canonical anyway, and having
// PostgreSQL extract the five fields from the jsonb `body` cost it more than the whole read of the entry (each `->`
// decompresses the stored jsonb again). Only agreement is decided here: a top-level member that is absent or JSON
// null against a NULL column, or a string without escapes against the same text. Anything else (an escape, a
// number, an odd shape, a difference) is left to PostgreSQL's own comparison, protection.ts's searchColumnsStale,
// for that entry alone, so the answer is always PostgreSQL's.
// A column holding U+FFFD is left to PostgreSQL too: only there could two different stored byte sequences (not
// UTF-8, in a database that does not check) have been read as the same text.

/** exchange, agreement_id, party, decision, decision_id::text as read, null where NULL. */
export type SearchColumns = [string | null, string | null, string | null, string | null, string | null];

const absent = -1;
const jsonNull = -2;
const unsure = -3;

let src = '';
let pos = 0;
let nextBackslash = Infinity;
// Where each field's value is: a string's first character (its closing quote at valueEnd), or absent/jsonNull/unsure.
const valueAt = [absent, absent, absent, absent, absent];
const valueEnd = [0, 0, 0, 0, 0];

/** Whether the body's fields agree with the columns for certain; false means "ask PostgreSQL", not "stale". */
export function searchColumnsAgree(body: string, columns: SearchColumns): boolean {
  if (!readTopLevel(body)) return false;
  for (let f = 0; f < 5; f++) {
    const column = columns[f] ?? null;
    const at = valueAt[f]!;
    if (at === unsure) return false;
    if (column === null) {
      if (at !== absent && at !== jsonNull) return false;
    } else if (
      at < 0 ||
      valueEnd[f]! - at !== column.length ||
      !body.startsWith(column, at) ||
      column.includes('\uFFFD')
    )
      return false;
  }
  return true;
}

function readTopLevel(text: string): boolean {
  src = text;
  pos = 0;
  const first = text.indexOf('\\');
  nextBackslash = first === -1 ? Infinity : first;
  valueAt.fill(absent);
  try {
    return members(-1);
  } finally {
    src = '';
  }
}

/**
 * The members of the object at pos; at the top level (agreementField -1) records exchange, agreement, party,
 * decision, decisionId, inside agreement only its id (as field 1). Of repeated keys the last counts, as in jsonb.
 */
function members(agreementField: number): boolean {
  if (src.charCodeAt(pos) !== 123) return false;
  pos++;
  if (src.charCodeAt(pos) === 125) {
    pos++;
    return true;
  }
  for (;;) {
    const keyStart = pos;
    if (src.charCodeAt(pos) !== 34) return false;
    const keyEscaped = skipString();
    if (keyEscaped < 0) return false;
    const field = keyEscaped ? -2 : fieldOf(keyStart + 1, pos - 1 - keyStart - 1, agreementField);
    // A key written with escapes might decode to one of ours: undecidable here.
    if (field === -2) for (let f = 0; f < 5; f++) valueAt[f] = unsure;
    if (src.charCodeAt(pos) !== 58) return false;
    pos++;
    const c = src.charCodeAt(pos);
    if (field === 1 && agreementField === -1 && c === 123) {
      valueAt[1] = absent;
      if (!members(1)) return false;
    } else if (c === 34) {
      const start = pos + 1;
      const escaped = skipString();
      if (escaped < 0) return false;
      if (field >= 0) {
        valueAt[field] = escaped || (field === 1 && agreementField === -1) ? unsure : start;
        valueEnd[field] = pos - 1;
      }
    } else if (c === 123 || c === 91) {
      if (!skipNested()) return false;
      if (field >= 0) valueAt[field] = unsure;
    } else {
      const start = pos;
      while (pos < src.length && src.charCodeAt(pos) !== 44 && src.charCodeAt(pos) !== 125) pos++;
      if (field >= 0) valueAt[field] = pos - start === 4 && src.startsWith('null', start) ? jsonNull : unsure;
    }
    const next = src.charCodeAt(pos++);
    if (next === 125) return agreementField !== -1 || pos === src.length;
    if (next !== 44) return false;
  }
}

/** Which field a key names (index into SearchColumns), -1 for none. */
function fieldOf(start: number, length: number, agreementField: number): number {
  if (agreementField !== -1) return length === 2 && src.startsWith('id', start) ? agreementField : -1;
  if (length === 8) return src.startsWith('exchange', start) ? 0 : src.startsWith('decision', start) ? 3 : -1;
  if (length === 9) return src.startsWith('agreement', start) ? 1 : -1;
  if (length === 5) return src.startsWith('party', start) ? 2 : -1;
  if (length === 10) return src.startsWith('decisionId', start) ? 4 : -1;
  return -1;
}

/** Moves past the string at pos: 1 if it holds an escape, 0 if not, -1 if it is not closed. */
function skipString(): number {
  let end = src.indexOf('"', pos + 1);
  // Before the next backslash a quote cannot be escaped.
  if (end >= 0 && end < nextBackslash) {
    pos = end + 1;
    return 0;
  }
  end = pos;
  for (;;) {
    end = src.indexOf('"', end + 1);
    if (end < 0) return -1;
    let backslashes = 0;
    while (src.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) break;
  }
  pos = end + 1;
  if (nextBackslash > end) return 0;
  const next = src.indexOf('\\', pos);
  nextBackslash = next === -1 ? Infinity : next;
  return 1;
}

/** Moves past the object or array at pos (the text is valid JSON: `body` is generated from it). */
function skipNested(): boolean {
  let depth = 0;
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 34) {
      if (skipString() < 0) return false;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) {
        pos++;
        return true;
      }
    } else if (Number.isNaN(c)) return false;
    pos++;
  }
}
