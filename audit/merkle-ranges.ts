// Which subtrees an RFC 6962 proof is made of, as leaf ranges, so the same proof can be built from leaves held in
// memory or from the stored tree (tree-store.ts). A stored node (level, index) is the perfect subtree over leaves
// [index·2^level, (index+1)·2^level); every range a proof names is the fold of O(log n) such nodes, so a proof
// reads O(log n) stored hashes however long the log is.

/** Leaves [start, end) of the tree. */
export interface LeafRange {
  start: number;
  end: number;
}
/** A perfect subtree: leaves [index·2^level, (index+1)·2^level). */
export interface TreeNode {
  level: number;
  index: number;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up [start, end), left to right, largest first. For every range RFC 6962's
 * recursion names (start a multiple of a power of two at least end − start), MTH(range) is these roots folded
 * from the right: H(n₀ ‖ H(n₁ ‖ … nₖ)).
 */
export function perfectCover({ start, end }: LeafRange): TreeNode[] {
  const nodes: TreeNode[] = [];
  for (let at = start; at < end; ) {
    let width = 1;
    while (at % (width * 2) === 0 && at + width * 2 <= end) width *= 2;
    nodes.push({ level: Math.log2(width), index: at / width });
    at += width;
  }
  return nodes;
}

/** RFC 6962 §2.1.1 PATH(m, D[n]) as ranges, nearest sibling first. */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) throw new RangeError('the leaf is not in the tree');
  const upward: LeafRange[] = [];
  let [start, end] = [0, treeSize];
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (leafIndex - start < k) {
      upward.push({ start: start + k, end });
      end = start + k;
    } else {
      upward.push({ start, end: start + k });
      start += k;
    }
  }
  return upward.reverse();
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges, in proof order; empty when m = n. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  if (!(first >= 1 && first <= second))
    throw new RangeError('a consistency proof runs from a size ≥ 1 to a size no smaller');
  const ranges: LeafRange[] = [];
  const subproof = (m: number, start: number, end: number, whole: boolean): void => {
    if (m === end - start) {
      if (!whole) ranges.push({ start, end });
      return;
    }
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      ranges.push({ start: start + k, end });
    } else {
      subproof(m - k, start + k, end, false);
      ranges.push({ start, end: start + k });
    }
  };
  subproof(first, 0, second, true);
  return ranges;
}
