// A batch's body: a JSON array of records, or NDJSON (one record a line), with a byte limit of its own, larger than
// a single call's. The batch route reads it with this in place of the gateway's JSON parser (which takes
// application/json only and a single call's limit), and so, like every body, only once the caller is authenticated
// and has the role (route.ts): a stranger is told 401 before up to BATCH_BODY_LIMIT_BYTES are read. A line of
// NDJSON that is not JSON is that record's error, not the batch's.
import express, { type RequestHandler } from 'express';
import { GatewayError } from '../../platform/http/problem.ts';

/** One record as read: its JSON, or why its line could not be read. */
export type ReadRecord = { value: unknown } | { unreadable: string };

export function batchBody(limitBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: limitBytes });
  return (req, res, next) => {
    const ndjson = req.is('application/x-ndjson');
    if (!ndjson && !req.is('application/json'))
      return next(
        new GatewayError(
          'unsupported-media-type',
          'Send a batch as application/json (an array of records) or application/x-ndjson (one record a line)',
        ),
      );
    raw(req, res, (error?: unknown) => {
      if (error) {
        const type = (error as { type?: string }).type;
        if (type === 'entity.too.large')
          return next(
            new GatewayError(
              'payload-too-large',
              `A batch body may be at most ${limitBytes} bytes; send the records in several batches`,
            ),
          );
        return next(error);
      }
      const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      let records: ReadRecord[] | null;
      if (ndjson) {
        records = text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => {
            try {
              return { value: JSON.parse(line) };
            } catch {
              return { unreadable: 'is not a line of JSON' };
            }
          });
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return next(new GatewayError('malformed-json', 'The batch body is not valid JSON'));
        }
        // Not an array is the handler's to refuse, after the caller is authenticated.
        records = Array.isArray(parsed) ? parsed.map((value) => ({ value })) : null;
      }
      req.body = { records };
      next();
    });
  };
}
