// A partner submitting batches and reading their progress and results over HTTP, as its system would.
import type { TestGateway } from './gateway.ts';

export interface ResultLine {
  index: number;
  status: string;
  auditId?: string;
  decision?: string;
  outcome?: string;
  result?: any;
  errors?: { field: string; message: string }[];
  rules?: { id: string; outcome: string; reason: string }[];
  recovered?: boolean;
  requestId?: string;
}

export function batchClient(gw: TestGateway, clientId: string) {
  let token: Promise<string> | undefined;
  const auth = async () => `Bearer ${await (token ??= gw.token(clientId))}`;
  return {
    submit: async (path: string, records: unknown[]) =>
      gw.http
        .post(`${path}/batches`)
        .set('authorization', await auth())
        .send(records as object),
    submitNdjson: async (path: string, text: string) =>
      gw.http
        .post(`${path}/batches`)
        .set('authorization', await auth())
        .set('content-type', 'application/x-ndjson')
        .send(text),
    progress: async (location: string) => gw.http.get(location).set('authorization', await auth()),
    results: async (location: string) =>
      gw.http
        .get(`${location}/results`)
        .set('authorization', await auth())
        .buffer(true),
    /** Polls the batch until it is done, keeping every progress answer seen on the way. */
    async untilDone(location: string) {
      const seen: Record<string, any>[] = [];
      for (;;) {
        const res = await gw.http.get(location).set('authorization', await auth());
        if (res.status !== 200) throw new Error(`progress answered ${res.status}: ${JSON.stringify(res.body)}`);
        seen.push(res.body);
        if (res.body.state === 'done') return seen;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** The NDJSON lines of a results answer. */
export const linesOf = (res: { text: string }): ResultLine[] =>
  res.text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
