// Calls partners back once their batches are done. Due callbacks are claimed with SKIP LOCKED under a lease (longer
// than an attempt can take), so several gateway processes share them and a restart loses none. The body says the
// batch finished and where its results are: counts and links, never a record or a result. Before each attempt the
// URL is checked again against the client's registration, so a URL withdrawn since the batch was taken is not called.
import type { Logger } from 'pino';
import type { AuditKeyRing } from '../../../audit/signing-keys.ts';
import type { CallbackSettings } from '../../../platform/config.ts';
import { safeError } from '../../../platform/logger.ts';
import type { BatchRow, BatchStore } from '../batch-store.ts';
import { retryDelayMs } from './backoff.ts';
import { signCallback } from './callback-signature.ts';
import { createCallbackSender } from './callback-sender.ts';
import type { AttemptOutcome, CallbackStore, ClaimedCallback } from './callback-store.ts';

export interface CallbackWorkerDeps {
  batches: Pick<BatchStore, 'batch' | 'progress'>;
  callbacks: CallbackStore;
  keys: Pick<AuditKeyRing, 'active'>;
  /** The callback URLs a client has registered now; null for a client that is not active. */
  registeredUrls(clientId: string): Promise<string[] | null>;
  /** The gateway's public address, for the links in the body. */
  publicUrl: string;
  logger: Logger;
}

const inFlightAtOnce = 4;

export function startCallbackWorker(settings: CallbackSettings, deps: CallbackWorkerDeps) {
  const { logger } = deps;
  const sender = createCallbackSender(settings);
  const leaseSeconds = Math.ceil(settings.timeoutMs / 1000) + 30;
  const base = deps.publicUrl.replace(/\/$/, '');
  let stopped = false;
  let wake: (() => void) | null = null;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const bodyOf = async (batch: BatchRow): Promise<string> => {
    const p = await deps.batches.progress(batch.id);
    return JSON.stringify({
      type: 'batch.finished',
      timestamp: p.finishedAt,
      data: {
        id: batch.id,
        exchange: batch.exchange,
        state: 'done',
        total: batch.total,
        permitted: p.permitted,
        refused: p.refused,
        failed: p.failed,
        invalid: p.invalid,
        submittedAt: batch.submittedAt,
        finishedAt: p.finishedAt,
        progress: `${base}/v1/batches/${batch.id}`,
        results: `${base}/v1/batches/${batch.id}/results`,
      },
    });
  };

  /** One attempt's outcome; null when the batch is gone (swept after its retention, the callback with it). */
  async function attempt(claimed: ClaimedCallback): Promise<AttemptOutcome | null> {
    const batch = await deps.batches.batch(claimed.batchId);
    if (!batch) return null;
    const registered = await deps.registeredUrls(batch.clientId);
    const overHttp = settings.allowHttp || new URL(claimed.url).protocol === 'https:';
    if (!registered?.includes(claimed.url) || !overHttp) return { status: null, error: 'unregistered' };
    const text = await bodyOf(batch);
    // Wall time (not a test's fixed clock): the receiver checks the timestamp against its own replay window.
    const headers = await signCallback(deps.keys, claimed.batchId, text, new Date());
    return sender.send(claimed.url, headers, text);
  }

  async function deliver(claimed: ClaimedCallback) {
    try {
      const outcome = await attempt(claimed);
      if (!outcome) return;
      const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
      const final = delivered || outcome.error === 'unregistered' || claimed.attempts >= settings.maxAttempts;
      const state = delivered ? 'delivered' : final ? 'failed' : 'pending';
      const retryInMs = final ? 0 : retryDelayMs(claimed.attempts, settings);
      await deps.callbacks.record(claimed, outcome, { state, retryInMs });
      const fields = {
        batchId: claimed.batchId,
        attempt: claimed.attempts,
        status: outcome.status,
        error: outcome.error,
      };
      if (state === 'failed') logger.warn(fields, 'batch callback failed for good; the partner may still poll');
      else if (state === 'pending') logger.info({ ...fields, retryInMs }, 'batch callback not taken; trying again');
    } catch (error) {
      logger.error(
        { batchId: claimed.batchId, error: safeError(error) },
        'batch callback not sent; it is taken up again when its lease runs out',
      );
    }
  }

  async function loop() {
    while (!stopped) {
      try {
        const due = await deps.callbacks.claim(inFlightAtOnce, leaseSeconds);
        await Promise.all(due.map(deliver));
        if (due.length < inFlightAtOnce) await nap(settings.pollMs);
      } catch (error) {
        if (stopped) break;
        logger.warn({ error: safeError(error) }, 'batch callbacks could not be claimed; trying again');
        await nap(settings.pollMs);
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await running;
      await sender.close();
    },
  };
}
