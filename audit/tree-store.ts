// The stored Merkle tree (audit_tree_nodes): every perfect subtree's hash, by (level, index). Proofs and roots
// read only the O(log n) nodes their ranges are made of (merkle-ranges.ts), in one query, so a receipt or a
// consistency proof costs the same at ten thousand entries as at a billion. The checkpointer is the only writer.
import type { Knex } from 'knex';
import { emptyRootHex, leafHash, nodeHash } from './merkle.ts';
import { consistencyRanges, inclusionRanges, perfectCover, type LeafRange, type TreeNode } from './merkle-ranges.ts';

const key = (level: number, index: number) => `${level}:${index}`;
const toBuffer = (value: unknown) => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/** How many leaves the stored tree holds: one more than the last leaf's index (an index-only read of the key). */
export async function storedTreeSize(db: Knex): Promise<number> {
  const row = await db('audit_tree_nodes')
    .where('level', 0)
    .max<{ max: string | number | null }[]>({ max: 'idx' })
    .first();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** The hashes of these nodes; throws if any is missing (the tree does not reach that far). */
async function readNodes(db: Knex, nodes: TreeNode[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Map(nodes.map((n) => [key(n.level, n.index), n])).values()];
  const found = new Map<string, Buffer>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const result = await db.raw(
      `select level, idx, hash from audit_tree_nodes where (level, idx) in (${chunk.map(() => '(?, ?)').join(', ')})`,
      chunk.flatMap((n) => [n.level, n.index]),
    );
    for (const row of result.rows as { level: number; idx: string | number; hash: unknown }[])
      found.set(key(Number(row.level), Number(row.idx)), toBuffer(row.hash));
  }
  const missing = wanted.find((n) => !found.has(key(n.level, n.index)));
  if (missing) throw new Error(`the stored tree has no node at level ${missing.level}, index ${missing.index}`);
  return found;
}

/** MTH of each range, read from the stored nodes in one pass. */
async function rangeHashes(db: Knex, ranges: LeafRange[]): Promise<Buffer[]> {
  const covers = ranges.map(perfectCover);
  const nodes = await readNodes(db, covers.flat());
  return covers.map((cover) => {
    let node = nodes.get(key(cover[cover.length - 1]!.level, cover[cover.length - 1]!.index))!;
    for (let i = cover.length - 2; i >= 0; i--)
      node = nodeHash(nodes.get(key(cover[i]!.level, cover[i]!.index))!, node);
    return node;
  });
}

export class TreeTooSmallError extends Error {
  constructor(readonly treeSize: number) {
    super(`the signed tree holds ${treeSize} entries`);
  }
}

async function needSize(db: Knex, size: number): Promise<void> {
  const stored = await storedTreeSize(db);
  if (size > stored) throw new TreeTooSmallError(stored);
}

/** RFC 6962 PATH(leafIndex, D[treeSize]) from the stored tree, nearest sibling first, as hex. */
export async function storedInclusionProof(db: Knex, leafIndex: number, treeSize: number): Promise<string[]> {
  await needSize(db, treeSize);
  return (await rangeHashes(db, inclusionRanges(leafIndex, treeSize))).map((h) => h.toString('hex'));
}

/** RFC 6962 PROOF(first, D[second]) from the stored tree, as hex. */
export async function storedConsistencyProof(db: Knex, first: number, second: number): Promise<string[]> {
  await needSize(db, second);
  return (await rangeHashes(db, consistencyRanges(first, second))).map((h) => h.toString('hex'));
}

/** MTH(D[size]) from the stored tree, as hex. */
export async function storedRoot(db: Knex, size: number): Promise<string> {
  if (size === 0) return emptyRootHex;
  await needSize(db, size);
  return (await rangeHashes(db, [{ start: 0, end: size }]))[0]!.toString('hex');
}

/**
 * Grows the tree a leaf at a time from a stored size, remembering each perfect subtree it completes so they can be
 * written in one go: the leaf itself, then each parent its arrival completes. It keeps the right edge (the
 * frontier), so its root is known at every size.
 */
export class TreeBuilder {
  private readonly pending: { level: number; index: number; hash: Buffer }[] = [];

  private constructor(
    private size: number,
    private readonly roots: { level: number; hash: Buffer }[],
  ) {}

  /** Starts at `size`, which the stored tree must reach: reads the frontier, popcount(size) nodes. */
  static async load(db: Knex, size: number): Promise<TreeBuilder> {
    const cover = perfectCover({ start: 0, end: size });
    const nodes = cover.length ? await readNodes(db, cover) : new Map<string, Buffer>();
    return new TreeBuilder(
      size,
      cover.map((n) => ({ level: n.level, hash: nodes.get(key(n.level, n.index))! })),
    );
  }

  get leaves(): number {
    return this.size;
  }

  append(entryHashHex: string): void {
    let hash = leafHash(entryHashHex);
    let level = 0;
    let index = this.size;
    this.pending.push({ level, index, hash });
    while (index % 2 === 1) {
      hash = nodeHash(this.roots.pop()!.hash, hash);
      level += 1;
      index = (index - 1) / 2;
      this.pending.push({ level, index, hash });
    }
    this.roots.push({ level, hash });
    this.size += 1;
  }

  root(): string {
    if (this.roots.length === 0) return emptyRootHex;
    let node = this.roots[this.roots.length - 1]!.hash;
    for (let i = this.roots.length - 2; i >= 0; i--) node = nodeHash(this.roots[i]!.hash, node);
    return node.toString('hex');
  }

  /** The frontier as audit_checkpoints.frontier has always kept it: subtree roots, largest first, hex. */
  frontierHex(): string[] {
    return this.roots.map((r) => r.hash.toString('hex'));
  }

  /** Writes the nodes completed since the last write. Nodes already there (another process wrote them) are kept. */
  async write(db: Knex): Promise<void> {
    const rows = this.pending.splice(0);
    for (let i = 0; i < rows.length; i += 2000) {
      await db('audit_tree_nodes')
        .insert(rows.slice(i, i + 2000).map((r) => ({ level: r.level, idx: r.index, hash: r.hash })))
        .onConflict(['level', 'idx'])
        .ignore();
    }
  }
}
