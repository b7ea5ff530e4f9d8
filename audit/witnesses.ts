// Witnesses: second parties (the ICO, a partner department) that check the log only grew and cosign its
// checkpoints. An administrator registers each witness's Ed25519 key (audit_witnesses, append-only, audited in the
// log); a witness sends cosignatures (audit_cosignatures, append-only), each kept only if it verifies with the
// registered key over a checkpoint the gateway signed. A cosignature is a signed statement by a third party, not a
// change the gateway makes, so it is not itself written to the log: that would grow the log at every witness run.
import type { Knex } from 'knex';
import type { AuditAppender } from './append.ts';
import {
  parseNote,
  parseSignatureLine,
  parseVerifierKey,
  readCosignature,
  signatureLine,
  signatureType,
  verifierKey,
} from './checkpoint-note.ts';
import { registerChangeEntry } from './entry-kinds.ts';

export interface Witness {
  name: string;
  vkey: string;
  registeredAt: string;
  registeredBy: string;
}
export interface Cosignature {
  witness: string;
  treeSize: number;
  cosignedAt: string;
  cosignature: string;
}
export interface WitnessWithLatest extends Witness {
  latest: Cosignature | null;
}

export class WitnessRefusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown-witness' | 'unknown-checkpoint' | 'does-not-verify' | 'exists',
    message: string,
  ) {
    super(message);
  }
}

const asIso = (t: unknown) => new Date(t as string).toISOString();

function toWitness(row: Record<string, unknown>): Witness {
  const name = row.name as string;
  return {
    name,
    vkey: verifierKey(name, signatureType.cosignature, Buffer.from(row.public_key as string, 'base64')),
    registeredAt: asIso(row.registered_at),
    registeredBy: row.registered_by as string,
  };
}

function toCosignature(row: Record<string, unknown>): Cosignature {
  return {
    witness: row.witness as string,
    treeSize: Number(row.tree_size),
    cosignedAt: new Date(Number(row.cosigned_at) * 1000).toISOString(),
    cosignature: (row.signature as string).trimEnd(),
  };
}

export async function listWitnesses(db: Knex): Promise<WitnessWithLatest[]> {
  const witnesses = (
    await db('audit_witnesses')
      .select('*')
      .orderBy([{ column: 'registered_at' }, { column: 'name' }])
  ).map(toWitness);
  const latest = await db('audit_cosignatures')
    .distinctOn('witness')
    .select('*')
    .orderBy([{ column: 'witness' }, { column: 'tree_size', order: 'desc' }]);
  const byName = new Map(latest.map((row) => [row.witness as string, toCosignature(row)]));
  return witnesses.map((w) => ({ ...w, latest: byName.get(w.name) ?? null }));
}

/** The cosignature lines kept for the checkpoint of this size, oldest witness first, each ending in a newline. */
export async function cosignatureLinesFor(db: Knex, treeSize: number): Promise<string[]> {
  const rows = await db('audit_cosignatures as c')
    .join('audit_witnesses as w', 'w.name', 'c.witness')
    .where('c.tree_size', treeSize)
    .select('c.signature')
    .orderBy([{ column: 'w.registered_at' }, { column: 'w.name' }]);
  return rows.map((r) => r.signature as string);
}

export function createWitnessRegistry(
  db: Knex,
  audit: Pick<AuditAppender, 'append'>,
  clock: () => Date = () => new Date(),
) {
  return {
    /** Registers a witness key given as a C2SP vkey of type 0x04, with its audit entry, in one transaction. */
    async register(vkey: string, actor: string): Promise<Witness> {
      const key = parseVerifierKey(vkey);
      if (!key || key.type !== signatureType.cosignature) {
        throw new WitnessRefusal(
          'invalid',
          'vkey must be a C2SP verifier key <name>+<key ID>+base64(0x04 ‖ 32-byte Ed25519 key) whose key ID matches',
        );
      }
      await audit.append(async (trx) => {
        const clash = await trx('audit_witnesses')
          .where('name', key.name)
          .orWhere('public_key', key.publicKey.toString('base64'))
          .first();
        if (clash)
          throw new WitnessRefusal(
            'exists',
            `a witness named ${clash.name} is already registered with ${clash.name === key.name ? 'that name' : 'that key'}`,
          );
        const row = {
          name: key.name,
          public_key: key.publicKey.toString('base64'),
          registered_at: clock().toISOString(),
          registered_by: actor,
        };
        await trx('audit_witnesses').insert(row);
        const body = {
          action: 'register-witness',
          actor,
          target: `witness/${key.name}`,
          before: null,
          after: { name: key.name, vkey },
        };
        return { entries: [registerChangeEntry(body)], result: row };
      });
      const row = await db('audit_witnesses').where('name', key.name).first();
      return toWitness(row);
    },

    /** Keeps a cosignature if it verifies with the witness's registered key over the gateway's checkpoint of that size. */
    async addCosignature(treeSize: number, line: string): Promise<Cosignature> {
      const signature = parseSignatureLine(line);
      if (!signature)
        throw new WitnessRefusal(
          'invalid',
          'cosignature must be a note signature line: — <name> base64(key ID ‖ timestamp ‖ signature)',
        );
      const witness = await db('audit_witnesses').where('name', signature.name).first();
      if (!witness) throw new WitnessRefusal('unknown-witness', `no witness named ${signature.name} is registered`);
      const checkpoint = await db('audit_checkpoints').where('size', treeSize).whereNotNull('note').first('note');
      if (!checkpoint)
        throw new WitnessRefusal('unknown-checkpoint', `the gateway has signed no checkpoint note of size ${treeSize}`);
      const { text } = parseNote(checkpoint.note as string)!;
      const timestamp = readCosignature(
        signature,
        text,
        witness.name as string,
        Buffer.from(witness.public_key as string, 'base64'),
      );
      if (timestamp === null)
        throw new WitnessRefusal(
          'does-not-verify',
          `the cosignature does not verify with ${witness.name}'s registered key over the checkpoint of size ${treeSize}`,
        );
      await db('audit_cosignatures')
        .insert({
          witness: witness.name,
          tree_size: treeSize,
          cosigned_at: timestamp,
          signature: signatureLine(signature),
          received_at: clock().toISOString(),
        })
        .onConflict(['witness', 'tree_size'])
        .ignore();
      return toCosignature(
        await db('audit_cosignatures').where({ witness: witness.name, tree_size: treeSize }).first(),
      );
    },
  };
}
export type WitnessRegistry = ReturnType<typeof createWitnessRegistry>;
