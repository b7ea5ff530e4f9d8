// Names what happened at the first entry that does not fit the chain. Every entry's hash covers its seq and its
// predecessor's hash, so the pattern of what still matches tells the kinds of tampering apart:
//   edited     the entry's content no longer gives its hash (or its predecessor was rewritten, hash and all)
//   deleted    a seq is missing, or an entry sits at a lower seq than the one its hash was made at, with the
//              entry it points back to gone
//   inserted   two entries point back to the same predecessor, or an entry sits at a higher seq than its hash's
//   reordered  an entry sits at a lower seq than its hash's and points back to an entry that now comes after it
import { rowHashes, type ChainRow } from './chain-reader.ts';

export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered';
export interface TamperFinding {
  seq: number;
  problem: TamperKind;
  detail: string;
}

/** The last entry that fitted: its seq, its hash, and the hash it points back to. */
export interface GoodLink {
  seq: number;
  hash: string;
  prevHash: string;
}

const furthestMove = 64;

/** The seq this entry's hash was made at, if it is within `furthestMove` of where it sits now. */
function hashedAtSeq(row: ChainRow): number | null {
  if (rowHashes(row)) return row.seq;
  for (let d = 1; d <= furthestMove; d++) {
    if (rowHashes(row, row.seq + d)) return row.seq + d;
    if (row.seq - d >= 1 && rowHashes(row, row.seq - d)) return row.seq - d;
  }
  return null;
}

/**
 * `row` is the first entry that did not fit after `last` (null at the start of the log, where the first entry must
 * point back to `expectedPrevHash`); `following` are the entries after it, for look-ahead.
 */
export function diagnose(
  last: GoodLink | null,
  row: ChainRow,
  expectedSeq: number,
  expectedPrevHash: string,
  following: ChainRow[],
): TamperFinding {
  if (row.seq > expectedSeq) {
    const missing = row.seq - expectedSeq;
    return {
      seq: expectedSeq,
      problem: 'deleted',
      detail: `${missing === 1 ? `entry ${expectedSeq} is` : `entries ${expectedSeq}–${row.seq - 1} are`} missing`,
    };
  }
  const madeAt = hashedAtSeq(row);
  if (madeAt !== null && madeAt > row.seq && following.some((f) => f.hash === row.prevHash)) {
    return {
      seq: row.seq,
      problem: 'reordered',
      detail: `the entry made at ${madeAt} now sits at ${row.seq}, before the entry it follows`,
    };
  }
  const next = following[0];
  // An intruder: the entry after it is the one that belongs here.
  if (next && next.prevHash === expectedPrevHash && rowHashes(next, row.seq)) {
    return {
      seq: row.seq,
      problem: 'inserted',
      detail: `entry ${row.seq} was put in before the entry that was at ${row.seq}`,
    };
  }
  if (row.prevHash === expectedPrevHash)
    return { seq: row.seq, problem: 'edited', detail: `entry ${row.seq} no longer matches its hash` };
  if (last && row.prevHash === last.prevHash) {
    return {
      seq: last.seq,
      problem: 'inserted',
      detail: `entry ${last.seq} was put in between ${last.seq - 1} and the entry after it`,
    };
  }
  if (madeAt === row.seq) {
    // Intact itself, yet its predecessor is not the one it was chained to: the predecessor was rewritten with a new hash.
    const seq = last ? last.seq : row.seq;
    return { seq, problem: 'edited', detail: `entry ${seq} was rewritten together with its hash` };
  }
  if (madeAt !== null && madeAt > row.seq) {
    return {
      seq: row.seq,
      problem: 'deleted',
      detail: `entries before the one made at ${madeAt} were removed and the rest renumbered`,
    };
  }
  if (madeAt !== null && madeAt < row.seq) {
    return {
      seq: madeAt,
      problem: 'inserted',
      detail: `the entry made at ${madeAt} now sits at ${row.seq}: entries were put in before it`,
    };
  }
  return { seq: row.seq, problem: 'edited', detail: `entry ${row.seq} no longer matches its hash or its predecessor` };
}
