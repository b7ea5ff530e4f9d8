// The log as a transparency log (issue 16): inclusion and consistency proofs from the stored tree, the newest
// checkpoint as a C2SP signed note with its witnesses' cosignatures, and the witnesses themselves. Proofs carry no
// entry content, only hashes; an inclusion proof is still asked for by audit id, so it follows the receipt's rule:
// the party the entry is about, or a DPO, and "not found" for anyone else.
import { mayReadEntry } from './entry-access.ts';
import type { Knex } from 'knex';
import { GatewayError } from '../platform/http/problem.ts';
import { defineRoute, type Route } from '../platform/http/route.ts';
import type { AuditReader } from './read.ts';
import { storedConsistencyProof, storedInclusionProof, TreeTooSmallError } from './tree-store.ts';
import { cosignatureLinesFor, listWitnesses, WitnessRefusal, type WitnessRegistry } from './witnesses.ts';

export interface TransparencyRouteDeps {
  db: Knex;
  reader: Pick<AuditReader, 'byId'>;
  checkpointer: { checkpointNow(): Promise<unknown> };
  witnesses: WitnessRegistry;
}

const refusalCodes = {
  invalid: 'invalid-request',
  'unknown-witness': 'not-found',
  'unknown-checkpoint': 'not-found',
  'does-not-verify': 'unprocessable',
  exists: 'unprocessable',
} as const;

function asProblem(error: unknown): never {
  if (error instanceof WitnessRefusal) throw new GatewayError(refusalCodes[error.kind], error.message);
  if (error instanceof TreeTooSmallError)
    throw new GatewayError(
      'unprocessable',
      `The newest signed checkpoint covers ${error.treeSize} entries; ask for a tree no larger`,
    );
  throw error;
}

export function transparencyRoutes(deps: TransparencyRouteDeps): Route[] {
  const { db } = deps;
  const newestSize = async () =>
    Number((await db('audit_checkpoints').max<{ max: string | null }[]>({ max: 'size' }).first())?.max ?? 0);
  /** The newest signed size, signing one now when the log has grown past `atLeast` since the last. */
  async function signedSizeReaching(atLeast: number): Promise<number> {
    let size = await newestSize();
    if (size < atLeast) {
      await deps.checkpointer.checkpointNow().catch(() => null);
      size = await newestSize();
    }
    if (size < atLeast) throw new GatewayError('unavailable', 'No checkpoint can be signed over the log just now');
    return size;
  }

  return [
    defineRoute({
      operationId: 'getAuditInclusionProof',
      roles: ['dpo', 'partner'],
      handler: async ({ params, principal }) => {
        const { auditId, treeSize } = params;
        const entry = await deps.reader.byId(auditId);
        if (!entry || !mayReadEntry(entry, principal!)) {
          throw new GatewayError('not-found', 'There is no audit entry with that id that you may read');
        }
        if (treeSize !== undefined && treeSize < entry.seq)
          throw new GatewayError('unprocessable', `Entry ${entry.seq} is not in a tree of ${treeSize} entries`);
        const size = treeSize ?? (await signedSizeReaching(entry.seq));
        const proof = () => storedInclusionProof(db, entry.seq - 1, size);
        const hashes = await proof()
          .catch(async (error) => {
            if (!(error instanceof TreeTooSmallError)) throw error;
            // The log grew since the last checkpoint (or was signed before the tree was stored): sign, then retry.
            await deps.checkpointer.checkpointNow().catch(() => null);
            return proof();
          })
          .catch(asProblem);
        return { body: { auditId, entryHash: entry.hash, leafIndex: entry.seq - 1, treeSize: size, hashes } };
      },
    }),
    defineRoute({
      operationId: 'getAuditConsistencyProof',
      roles: ['dpo', 'partner'],
      handler: async ({ params }) => {
        const { from, to } = params;
        if (from > to) throw new GatewayError('invalid-request', 'from must be no larger than to');
        const hashes = await storedConsistencyProof(db, from, to).catch(asProblem);
        return { body: { from, to, hashes } };
      },
    }),
    defineRoute({
      operationId: 'getAuditCheckpoint',
      roles: ['dpo', 'partner'],
      handler: async () => {
        // Signed now if the log grew since the last checkpoint, so a witness always sees the whole log.
        await deps.checkpointer.checkpointNow().catch(() => null);
        const checkpoint = await db('audit_checkpoints')
          .whereNotNull('note')
          .orderBy('size', 'desc')
          .first('size', 'note');
        if (!checkpoint) throw new GatewayError('unavailable', 'No checkpoint has been signed as a note yet');
        const cosignatures = await cosignatureLinesFor(db, Number(checkpoint.size));
        return { body: `${checkpoint.note as string}${cosignatures.join('')}`, type: 'text/plain; charset=utf-8' };
      },
    }),
    defineRoute({
      operationId: 'addAuditCosignature',
      roles: ['dpo', 'partner'],
      handler: async ({ body }) => {
        const { treeSize, cosignature } = body;
        return { status: 201, body: await deps.witnesses.addCosignature(treeSize, cosignature).catch(asProblem) };
      },
    }),
    defineRoute({
      operationId: 'listAuditWitnesses',
      roles: ['dpo', 'partner', 'registry-admin', 'sro'],
      handler: async () => ({ body: { witnesses: await listWitnesses(db) } }),
    }),
    defineRoute({
      operationId: 'registerAuditWitness',
      roles: ['registry-admin'],
      // A witness just registered has cosigned nothing yet: `latest` is null, as the contract's AuditWitness has it.
      handler: async ({ body, principal }) => ({
        status: 201,
        body: { ...(await deps.witnesses.register(body.vkey, principal!.clientId).catch(asProblem)), latest: null },
      }),
    }),
  ];
}
