// The verification workers decide from the hashed text whether an entry's search columns say what it says; where
// they cannot tell, PostgreSQL decides. Deciding wrongly either way would hide a changed search column, so: when
// the text says "agree", the columns must be exactly what `body->>'exchange'` etc. give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { searchColumnsAgree, type SearchColumns } from './search-fields.ts';

/** What PostgreSQL's `->>` gives for the five columns, or undefined where it is not a string or NULL. */
function expected(body: Record<string, unknown>): (string | null | undefined)[] {
  const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : undefined);
  const agreement = body.agreement;
  const agreementId =
    agreement === undefined || agreement === null
      ? null
      : typeof agreement === 'object' && !Array.isArray(agreement)
        ? text((agreement as Record<string, unknown>).id)
        : undefined;
  return [text(body.exchange), agreementId, text(body.party), text(body.decision), text(body.decisionId)];
}

const decision = {
  agreement: { id: 'ie-dfe-child-tracing-mou', version: '2.0' },
  decision: 'permit',
  exchange: 'dfe.child-trace',
  party: 'home-office-ie',
  rules: [{ id: 'party', outcome: 'permit', reason: 'The caller is a party' }],
};
const columnsOf = (body: Record<string, unknown>) => expected(body) as SearchColumns;

describe('search columns against the hashed text', () => {
  it('agrees with the columns an entry was written with', () => {
    expect(searchColumnsAgree(canonicalJson(decision), columnsOf(decision))).toBe(true);
    const outcome = { decisionId: 'a1b2c3d4-0000-4000-8000-000000000001', exchange: 'dfe.child-trace' };
    expect(searchColumnsAgree(canonicalJson(outcome), columnsOf(outcome))).toBe(true);
    expect(searchColumnsAgree('{}', [null, null, null, null, null])).toBe(true);
  });

  it('never agrees with a changed column, a field that is not a string, or text it cannot read plainly', () => {
    const columns = columnsOf(decision);
    expect(searchColumnsAgree(canonicalJson(decision), ['dfe.child-trace', columns[1], 'hmrc', 'permit', null])).toBe(
      false,
    );
    expect(searchColumnsAgree(canonicalJson(decision), [null, columns[1], columns[2], 'permit', null])).toBe(false);
    expect(
      searchColumnsAgree(canonicalJson({ ...decision, party: 7 }), [
        ...columns.slice(0, 2),
        '7',
        'permit',
        null,
      ] as SearchColumns),
    ).toBe(false);
    expect(
      searchColumnsAgree(canonicalJson({ ...decision, party: 'a"b' }), [
        ...columns.slice(0, 2),
        'a"b',
        'permit',
        null,
      ] as SearchColumns),
    ).toBe(false);
    // Not canonical (a space), a repeated key (the last counts, as in jsonb), a key only nested deeper.
    expect(searchColumnsAgree('{"party": "x"}', [null, null, 'x', null, null])).toBe(false);
    expect(searchColumnsAgree('{"party":"x","party":"y"}', [null, null, 'x', null, null])).toBe(false);
    expect(searchColumnsAgree('{"party":"x","party":"y"}', [null, null, 'y', null, null])).toBe(true);
    expect(searchColumnsAgree('{"after":{"party":"x"}}', [null, null, 'x', null, null])).toBe(false);
    expect(searchColumnsAgree('{"after":{"party":"x"}}', [null, null, null, null, null])).toBe(true);
    expect(searchColumnsAgree('{"agreement":"x"}', [null, null, null, null, null])).toBe(false);
    // The rest of a body is skipped only where none of the keys can stand: not a repeat written with a space.
    expect(searchColumnsAgree('{"party":"x","rules":[{"id":"party"}]}', [null, null, 'x', null, null])).toBe(true);
    expect(
      searchColumnsAgree('{"party":"x","rules":[{"id":"party"}],"z":{"party" :"y"}}', [null, null, 'x', null, null]),
    ).toBe(true);
    expect(
      searchColumnsAgree('{"party":"x","rules":[{"id":"party"}],"party" :"y"}', [null, null, 'x', null, null]),
    ).toBe(false);
    expect(searchColumnsAgree('{"party":"x","z":"\\\\"}', [null, null, 'x', null, null])).toBe(true);
    expect(searchColumnsAgree('{"party":"x","z":"\\u0022,\\"party\\":\\"y"}', [null, null, 'x', null, null])).toBe(
      true,
    );
  });

  it('agrees only where the columns are exactly what PostgreSQL reads from the text, for any body', () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom(null, 'permit', 'a\\b', 'é'),
      fc.integer(),
      fc.dictionary(fc.constantFrom('id', 'party', 'x'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    const keys = ['exchange', 'agreement', 'party', 'decision', 'decisionId', 'decisionDate', 'rules', 'id'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), field),
        fc.array(fc.option(fc.string(), { nil: null }), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (body, randomColumns, written) => {
          const truth = expected(body);
          const columns = (written && truth.every((v) => v !== undefined) ? truth : randomColumns) as SearchColumns;
          const agrees = searchColumnsAgree(canonicalJson(body), columns);
          if (agrees) expect(columns).toEqual(truth);
          // Plain text (no escapes) of strings and NULLs is always decided here.
          const plain = truth.every((v) => v === null || (typeof v === 'string' && JSON.stringify(v) === `"${v}"`));
          const plainAgreement =
            body.agreement === undefined || body.agreement === null || typeof body.agreement === 'object';
          if (written && plain && plainAgreement && !Array.isArray(body.agreement)) expect(agrees).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
