// An exchange definition is held to its own operation in openapi.yaml. The type checks are the `@ts-expect-error`
// lines: `npm run typecheck` fails if one of them stops being an error.
import { describe, expect, it } from 'vitest';
import { exchanges } from './catalogue.ts';
import type { ExchangeOf, ExchangeOperationId } from './exchange-definition.ts';

const common = { upstream: 'dfe', partner: 'dfe', direction: 'outbound', mode: 'reactive' } as const;

describe('ExchangeOf', () => {
  it('lists each exchange once, under an operation of its own', () => {
    const operations = exchanges.map((def) => def.operationId);
    expect(new Set(operations).size).toBe(exchanges.length);
    expect(new Set(exchanges.map((def) => def.id)).size).toBe(exchanges.length);
  });

  it("refuses, at typecheck, a body field, an outcome, a result field or an operation that is not the exchange's", () => {
    const trace: ExchangeOf<'dfeChildTrace', 'matched' | 'no-match'> = {
      ...common,
      id: 'dfe.child-trace',
      operationId: 'dfeChildTrace',
      subjects: ({ subject }) => [{ kind: 'name-dob', ...subject }],
      // @ts-expect-error: a child trace's subject has no NINo
      subjectFromRequest: ({ subject }) => ({ dateOfBirth: subject.nino }),
      call: async () => ({ outcome: 'matched', candidate: { match: true, parents: [] } }),
    };
    const wrongOutcome: ExchangeOf<'dfeChildTrace'> = {
      ...trace,
      // @ts-expect-error: a child trace answers matched or no-match, never partial-match
      call: async () => ({ outcome: 'partial-match', candidate: {} }),
    };
    const wrongResult: ExchangeOf<'dfeChildTrace'> = {
      ...trace,
      // @ts-expect-error: ChildTraceResponse's match is a boolean
      call: async () => ({ outcome: 'matched', candidate: { match: 'yes' } }),
    };
    // @ts-expect-error: a child trace's outcomes are narrowed from its answer's, not widened
    type _Widened = ExchangeOf<'dfeChildTrace', 'matched' | 'out-of-scope'>;
    const otherOperation: ExchangeOf<'dfeChildTrace'> = {
      ...trace,
      // @ts-expect-error: the definition is typed from dfeChildTrace, so it is that operation's
      operationId: 'dfeFsmEligibility',
    };
    // @ts-expect-error: health is no exchange
    const notAnExchange: ExchangeOperationId = 'health';
    void [wrongOutcome, wrongResult, otherOperation, notAnExchange];
  });
});
