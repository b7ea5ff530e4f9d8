// What the DPO's verification says of witnesses: for each registered witness, the largest checkpoint it cosigned,
// and whether that cosignature is good (it verifies with the witness's key over the gateway's note of that size)
// and covers only entries this run verified. A witness that has seen size n vouches that the log up to n is the
// one it saw, so a good cosignature at n and a verified chain through n together say no one rewrote it since.
import type { Knex } from 'knex';
import { parseNote, parseSignatureLine, readCosignature } from './checkpoint-note.ts';
import { listWitnesses } from './witnesses.ts';

export interface WitnessSeen {
  name: string;
  /** The largest checkpoint size the witness cosigned, or null if none yet. */
  treeSize: number | null;
  cosignedAt: string | null;
  /** The cosignature verifies and the entries it covers verified in this run; null when there is none. */
  verified: boolean | null;
}

export async function witnessReport(db: Knex, verifiedThrough: number): Promise<WitnessSeen[]> {
  const witnesses = await listWitnesses(db);
  return Promise.all(
    witnesses.map(async (w): Promise<WitnessSeen> => {
      if (!w.latest) return { name: w.name, treeSize: null, cosignedAt: null, verified: null };
      const checkpoint = await db('audit_checkpoints').where('size', w.latest.treeSize).first('note');
      const { public_key: publicKey } = await db('audit_witnesses').where('name', w.name).first('public_key');
      const note = checkpoint?.note ? parseNote(checkpoint.note as string) : null;
      const line = parseSignatureLine(w.latest.cosignature);
      const good =
        note !== null &&
        line !== null &&
        readCosignature(line, note.text, w.name, Buffer.from(publicKey as string, 'base64')) !== null;
      return {
        name: w.name,
        treeSize: w.latest.treeSize,
        cosignedAt: w.latest.cosignedAt,
        verified: good && w.latest.treeSize <= verifiedThrough,
      };
    }),
  );
}
