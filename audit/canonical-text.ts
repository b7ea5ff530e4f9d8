// canonicalJson(JSON.parse(text)) in one pass over the text, without building the object: verification reads each
// body as the text PostgreSQL prints for it and needs only its canonical form. A string without a backslash is
// copied as it stands (JSON.stringify writes it the same way, given the text is what PostgreSQL or JSON.stringify
// prints: no raw control characters or lone surrogates); one with an escape, and any number that is not a short
// plain integer, is normalised through JSON.parse/JSON.stringify. canonical.test.ts checks it against canonicalJson.

let src = '';
let pos = 0;
// Where the next backslash is (Infinity when there is none): a string holding one is normalised the slow, exact way.
let nextBackslash = Infinity;

export function canonicalFromJsonText(text: string): string {
  src = text;
  pos = 0;
  depth = 0;
  const first = text.indexOf('\\');
  nextBackslash = first === -1 ? Infinity : first;
  const out = value();
  skipSpace();
  if (pos !== src.length) throw new SyntaxError('unexpected text after the JSON value');
  src = '';
  return out;
}

function skipSpace(): void {
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else return;
  }
}

function value(): string {
  skipSpace();
  const c = src.charCodeAt(pos);
  if (c === 34) return string();
  if (c === 123) return object();
  if (c === 91) return array();
  if (c === 116) return literal('true');
  if (c === 102) return literal('false');
  if (c === 110) return literal('null');
  return number();
}

function literal(word: string): string {
  if (!src.startsWith(word, pos)) throw new SyntaxError(`unexpected token at ${pos}`);
  pos += word.length;
  return word;
}

/** The string token at pos, in the form JSON.stringify would write it. */
function string(): string {
  const start = pos;
  let end = pos;
  for (;;) {
    end = src.indexOf('"', end + 1);
    if (end < 0) throw new SyntaxError('unterminated string');
    let backslashes = 0;
    while (src.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) break;
  }
  pos = end + 1;
  const raw = src.slice(start, pos);
  if (nextBackslash > end) return raw;
  const next = src.indexOf('\\', pos);
  nextBackslash = next === -1 ? Infinity : next;
  return JSON.stringify(JSON.parse(raw) as string);
}

function number(): string {
  const start = pos;
  let plainInteger = true;
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c >= 48 && c <= 57) pos++;
    else if (c === 45 || c === 43 || c === 46 || c === 101 || c === 69) {
      plainInteger = false;
      pos++;
    } else break;
  }
  const token = src.slice(start, pos);
  if (token.length === 0) throw new SyntaxError(`unexpected token at ${pos}`);
  // Short integers without a leading zero already read the way JSON.stringify writes them.
  if (plainInteger && token.length < 16 && (token.length === 1 || token.charCodeAt(0) !== 48)) return token;
  return JSON.stringify(JSON.parse(token) as number);
}

function array(): string {
  pos++;
  skipSpace();
  if (src.charCodeAt(pos) === 93) {
    pos++;
    return '[]';
  }
  let out = '[';
  for (;;) {
    out += value();
    skipSpace();
    const c = src.charCodeAt(pos++);
    if (c === 93) return `${out}]`;
    if (c !== 44) throw new SyntaxError(`expected , or ] at ${pos - 1}`);
    out += ',';
  }
}

// Scratch arrays per nesting depth, reused from one object to the next so reading a body allocates little.
const keysAt: string[][] = [];
const sortKeysAt: string[][] = [];
const valuesAt: string[][] = [];
const orderAt: number[][] = [];
let depth = 0;

function object(): string {
  pos++;
  skipSpace();
  if (src.charCodeAt(pos) === 125) {
    pos++;
    return '{}';
  }
  const d = depth++;
  if (keysAt.length <= d) {
    keysAt.push([]);
    sortKeysAt.push([]);
    valuesAt.push([]);
    orderAt.push([]);
  }
  const keys = keysAt[d]!;
  const sortKeys = sortKeysAt[d]!;
  const values = valuesAt[d]!;
  const order = orderAt[d]!;
  let n = 0;
  try {
    for (;;) {
      skipSpace();
      if (src.charCodeAt(pos) !== 34) throw new SyntaxError(`expected a key at ${pos}`);
      const key = string();
      skipSpace();
      if (src.charCodeAt(pos++) !== 58) throw new SyntaxError(`expected : at ${pos - 1}`);
      keys[n] = key;
      // Keys sort by their decoded UTF-16 code units, as canonicalJson sorts them.
      const sortKey = key.indexOf('\\') === -1 ? key.slice(1, -1) : (JSON.parse(key) as string);
      sortKeys[n] = sortKey;
      values[n] = value();
      // Insertion sort as members arrive; among repeated keys the last written ends up last.
      let i = n;
      while (i > 0 && sortKeys[order[i - 1]!]! > sortKey) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = n;
      n++;
      skipSpace();
      const c = src.charCodeAt(pos++);
      if (c === 125) break;
      if (c !== 44) throw new SyntaxError(`expected , or } at ${pos - 1}`);
    }
  } finally {
    depth = d;
  }
  let out = '{';
  for (let i = 0; i < n; i++) {
    const m = order[i]!;
    // Of repeated keys JSON.parse keeps the last one written.
    if (i + 1 < n && sortKeys[order[i + 1]!] === sortKeys[m]) continue;
    out += `${out.length === 1 ? '' : ','}${keys[m]}:${values[m]}`;
  }
  return `${out}}`;
}
