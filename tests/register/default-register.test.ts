// The default register checked against the inspection report: what it holds, what it allows, and the gaps it must
// show rather than hide (¶2.1, ¶4, ¶5.42–5.43, ¶6).
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../contracts/openapi.ts';
import { overlaps, periodOf, problemsWithTerms } from '../../mou-registry/check-terms.ts';
import { legalBasis } from '../../gateway/policy/rules/legal-basis.ts';
import { isPlaceholderBasis } from '../../mou-registry/completeness.ts';
import { standingOn } from '../../mou-registry/lifecycle.ts';
import type { AgreementVersion, Directive, IsoDate } from '../../mou-registry/types.ts';
import { exchangeFields } from '../../mou-registry/default-register/exchange-fields.ts';
import { defaultRegister } from '../../mou-registry/default-register/index.ts';

const { collaborations, agreements, versions, directives, parties } = defaultRegister;
const today = new Date().toISOString().slice(0, 10);

const version = (agreementId: string, label: string) => {
  const found = versions.find((v) => v.agreementId === agreementId && v.version === label);
  if (!found) throw new Error(`no version ${agreementId}@${label}`);
  return found;
};
const versionsOf = (collaborationId: string) => {
  const ids = agreements.filter((a) => a.collaborationId === collaborationId).map((a) => a.id);
  return versions.filter((v) => ids.includes(v.agreementId));
};
const termsFor = (v: AgreementVersion, exchange: string) => v.exchanges.find((e) => e.exchange === exchange);
const directive = (id: string) => directives.find((d) => d.id === id) as Directive;
const inForce = (d: Directive, day: IsoDate) =>
  d.effectiveFrom <= day && (d.effectiveTo === null || day <= d.effectiveTo);

// The table "The collaborations in the inspection" in domain.md.
const inspected: [reportRef: string, title: string, kind: string][] = [
  ['1', 'Project WALKS', 'operation'],
  ['2', 'NINo recorded on BRPs ("NINO alignment")', 'bau'],
  ['3', 'Accessed Public Funds checks', 'bau'],
  ['4', 'Operation MANDERA', 'operation'],
  ['5', 'Operation LARI', 'operation'],
  ['6', 'Evidence of employment, income and residence', 'bau'],
  ['7', 'Operation BORTZ → child tracing', 'bau'],
  ['8', 'Entitlement to state-funded education', 'bau'],
  ['9', 'Free school meals eligibility', 'bau'],
  ['10', 'NHS debtor reporting', 'bau'],
  ['11', 'Operation DINTEL', 'operation'],
  ['–', 'NHS Digital tracing MoU', 'bau'],
  ['–', 'IECAS chargeability checks', 'bau'],
];

const gatewayExchanges = [
  'dwp.nino-alignment',
  'dwp.accessed-public-funds',
  'dwp.status-check',
  'dwp.proactive-notification',
  'hmrc.evidence-request',
  'hmrc.status-check',
  'hmrc.proactive-notification',
  'dfe.child-trace',
  'dfe.education-status-check',
  'dfe.fsm-eligibility',
  'nhs.chargeability-check',
  'nhs.debtor-return',
  'nhs.trace-request',
  'financial.status-share',
];

describe('the default register holds', () => {
  it.each(inspected)('collaboration %s, %s, as the kind the report gives it', (reportRef, title, kind) => {
    const found = collaborations.find((c) => c.title === title && c.reportRef === reportRef);
    expect(found?.kind).toBe(kind);
    expect(versionsOf(found!.id).length).toBeGreaterThan(0);
  });

  it('parties it knows, and versions the register itself would accept', () => {
    const known = new Set(parties.map((p) => p.id));
    for (const c of collaborations)
      expect(
        c.parties.filter((p) => !known.has(p)),
        c.id,
      ).toEqual([]);
    for (const v of versions) {
      const label = `${v.agreementId}@${v.version}`;
      expect(problemsWithTerms(v, parties), label).toEqual([]);
      expect(
        v.signatures.filter((s) => !v.parties.includes(s.party)),
        label,
      ).toEqual([]);
      expect(
        v.namesOrganisations.filter((p) => !known.has(p)),
        label,
      ).toEqual([]);
    }
  });

  it('only what the register API may return, as openapi.yaml describes it', () => {
    const invalid: string[] = [];
    const check = (schema: string, items: object[], name: (item: never) => string) => {
      const valid = validatorFor(schema);
      for (const item of items)
        if (!valid(item)) invalid.push(`${schema} ${name(item as never)}: ${JSON.stringify(valid.errors)}`);
    };
    const terms = versions.map(({ signatures: _s, suspensions: _u, terminatedOn: _t, ...rest }) => rest);
    check('Party', parties, (p: { id: string }) => p.id);
    check('Collaboration', collaborations, (c: { id: string }) => c.id);
    check('Agreement', agreements, (a: { id: string }) => a.id);
    check('VersionTerms', terms, (v: { agreementId: string }) => v.agreementId);
    check(
      'Signature',
      versions.flatMap((v) => v.signatures),
      (s: { party: string }) => s.party,
    );
    check('Directive', directives, (d: { id: string }) => d.id);
    expect(invalid).toEqual([]);
  });

  it('each purpose and legal basis code once within a version', () => {
    for (const v of versions) {
      const purposes = v.purposes.map((p) => p.code);
      const bases = v.legalBases.map((b) => b.code);
      expect(new Set(purposes).size, v.agreementId).toBe(purposes.length);
      expect(new Set(bases).size, v.agreementId).toBe(bases.length);
    }
  });

  it('agreements whose versions are unique, of the same kind, and never in force at once', () => {
    expect(new Set(agreements.map((a) => a.id)).size).toBe(agreements.length);
    expect(new Set(versions.map((v) => `${v.agreementId}@${v.version}`)).size).toBe(versions.length);
    for (const a of agreements) {
      expect(
        collaborations.some((c) => c.id === a.collaborationId),
        a.id,
      ).toBe(true);
      const mine = versions.filter((v) => v.agreementId === a.id);
      expect(
        mine.every((v) => v.kind === a.kind),
        a.id,
      ).toBe(true);
      const periods = mine
        .filter((v) => v.signatures.length > 0)
        .map((v) => periodOf(v))
        .filter((p) => p !== null);
      periods.forEach((p, i) => periods.slice(i + 1).forEach((q) => expect(overlaps(p, q), a.id).toBe(false)));
    }
  });
});

describe('exchanges', () => {
  it('are only those the gateway knows', () => {
    expect(Object.keys(exchangeFields).sort()).toEqual([...gatewayExchanges].sort());
    const used = new Set(versions.flatMap((v) => v.exchanges.map((e) => e.exchange)));
    expect([...used].filter((e) => !gatewayExchanges.includes(e))).toEqual([]);
    expect([...used].sort()).toEqual([...gatewayExchanges].sort());
  });

  it('carry no more than exchange-fields allows, in every version not yet expired', () => {
    for (const v of versions.filter((v) => standingOn(v, today).status !== 'expired')) {
      for (const e of v.exchanges) {
        const allowed = exchangeFields[e.exchange as keyof typeof exchangeFields];
        expect(
          e.requestFields.filter((f) => !allowed.request.includes(f)),
          `${v.agreementId} ${e.exchange}`,
        ).toEqual([]);
        expect(
          e.responseFields.filter((f) => !allowed.response.includes(f)),
          `${v.agreementId} ${e.exchange}`,
        ).toEqual([]);
      }
    }
  });

  it('keep NHS exchanges non-clinical, education replies anonymous, and HMRC requests stating their use', () => {
    const clinical = /clinic|medic|diagnos|treatment|condition|gp/i;
    for (const id of ['nhs.chargeability-check', 'nhs.debtor-return', 'nhs.trace-request'] as const) {
      expect([...exchangeFields[id].request, ...exchangeFields[id].response].filter((f) => clinical.test(f))).toEqual(
        [],
      );
    }
    expect(
      exchangeFields['dfe.education-status-check'].response.filter((f) => /name|birth|address|reference|nino/i.test(f)),
    ).toEqual([]);
    expect(exchangeFields['dfe.fsm-eligibility'].response).toContain('partVI');
    expect(exchangeFields['hmrc.evidence-request'].request).toContain('statedUse');
  });
});

describe('what the report records', () => {
  it('the DfE v2.3 draft, never signed, authorises nothing (¶6.113)', () => {
    const draft = version('ie-dfe-ie-checks-mou', '2.3');
    expect(draft.signatures).toEqual([]);
    expect(standingOn(draft, today)).toMatchObject({ status: 'draft', authorises: false });
  });

  it('the free school meals MoU V1-3 of 9 May 2016 still names the UK Border Agency, defunct since 2013 (¶6.130)', () => {
    const v13 = version('ho-dfe-fsm-process-mou', 'V1-3');
    expect(v13.inForceFrom).toBe('2016-05-09');
    expect(v13.namesOrganisations).toContain('ukba');
    const ukba = parties.find((p) => p.id === 'ukba')!;
    expect(ukba.defunctSince! < v13.inForceFrom!).toBe(true);
    expect(
      versionsOf('ho-dfe-free-school-meals').some((v) => v.signatures.some((s) => s.signedOn.startsWith('2009'))),
    ).toBe(true);
  });

  it('caps: HMRC bulk requests at 10,000 a month (¶6.95), DfE child traces at 300 (¶6.112)', () => {
    const hmrc = version('ukvi-hmrc-bulk-evidence-dsa', '1.0').measures.find((m) => m.monthlyCap !== undefined);
    expect(hmrc).toMatchObject({ monthlyCap: 10000, exchanges: ['hmrc.evidence-request'] });
    expect(version('ukvi-hmrc-bulk-evidence-dsa', '1.0').review.intervalMonths).toBe(6);
    expect(
      version('ie-dfe-child-tracing-mou', '2.0').measures.find((m) => m.monthlyCap !== undefined)?.monthlyCap,
    ).toBe(300);
  });

  it('SLAs: DWP 5 days and 48 hours for refugees (¶6.34), 5 days for public funds (¶6.54), 48 hours for schools (¶6.120)', () => {
    const sla = (v: AgreementVersion) => v.measures.map((m) => m.slaHours).filter((h) => h !== undefined);
    expect(sla(version('ukvi-dwp-nino-alignment-mou', '2018-05'))).toEqual([120, 48]);
    expect(sla(version('dwp-disclosure-mou', '1.0'))).toEqual([120]);
    expect(sla(version('home-office-dfe-umbrella-mou', '1.0'))).toEqual([48]);
  });

  it('IECAS: one MoU per Trust, each Trust asking only under its own, and an unsigned one refused (¶6.160)', () => {
    const iecas = versionsOf('ie-nhs-iecas-chargeability');
    for (const v of iecas) {
      const trust = v.parties.find((p) => p !== 'home-office-ie')!;
      expect(parties.find((p) => p.id === trust)?.kind).toBe('nhs-body');
      expect(termsFor(v, 'nhs.chargeability-check')?.requesters).toEqual([trust]);
    }
    expect(iecas.filter((v) => standingOn(v, '2018-06-18').authorises).length).toBeGreaterThanOrEqual(3);
    const unsigned = iecas.filter((v) => v.signatures.length === 0);
    expect(unsigned).toHaveLength(1);
    expect(standingOn(unsigned[0]!, today).authorises).toBe(false);
  });

  it('statutory gateways with no MoU authorise on the days the statute is relied on (¶6.68, ¶6.87, ¶6.152)', () => {
    const mandera = version('bf-hmrc-ukba-2007-s41a', '2017-06');
    expect(mandera.kind).toBe('statutory-gateway');
    expect(mandera.legalBases[0]).toMatchObject({
      statute: 'UK Borders Act 2007',
      section: expect.stringContaining('s.41A'),
    });
    expect(standingOn(mandera, '2017-06-15').authorises).toBe(true);
    expect(standingOn(mandera, '2017-07-15').authorises).toBe(false);
    const debtors = version('nhs-debtor-immigration-rules', '2016-04');
    expect(debtors.legalBases.map((b) => b.code)).toEqual(
      expect.arrayContaining(['immigration-rules-320-22', 'immigration-rules-322-12']),
    );
    expect(standingOn(debtors, '2018-05-01').authorises).toBe(true);
    expect(version('ie-ukvi-hmrc-s40-requests', '2007-10').legalBases[0]?.code).toBe('ukba-2007-s40');
    for (const v of versions.filter((v) => v.kind === 'statutory-gateway')) {
      expect(
        v.signatures.every((s) => s.signatory.startsWith('No signatory:')),
        v.agreementId,
      ).toBe(true);
    }
  });

  it('gaps stay visible: unsigned briefings, no senior owners, no measures, no legal basis, a review never held', () => {
    const walks = version('ie-dwp-project-walks-briefing', '1.0');
    expect([walks.signatures, walks.measures, walks.legalBases]).toEqual([[], [], []]);
    const dintel = version('ie-dintel-tasking-brief', '1.0');
    expect([dintel.signatures, dintel.legalBases]).toEqual([[], []]);
    const fsm = version('ho-dfe-fsm-process-mou', 'V1-3');
    expect(fsm.seniorOwners).toEqual([]);
    expect(fsm.review).toMatchObject({ lastReviewedOn: null, nextReviewDue: '2018-03-01' });
    const education = version('home-office-dfe-umbrella-mou', '1.0');
    expect([education.partyAims, education.seniorOwners, education.processMaps]).toEqual([[], [], []]);
    // Covered by the umbrella MoU (¶6.117), in force, but naming no legal gateway: the legal-basis rule refuses.
    expect(standingOn(education, today).authorises).toBe(true);
    expect(education.legalBases).toEqual([]);
    expect(version('dwp-disclosure-mou', '1.0')).toMatchObject({
      seniorOwners: [],
      namesOrganisations: expect.arrayContaining(['uk-immigration-service']),
    });
  });

  it('compliant-environment purposes only where the pause applies, none in flows it left untouched (¶6.44, ¶6.56, ¶6.90, ¶6.97, ¶6.142)', () => {
    const paused = directive('windrush-pause-2018').scope.exchanges!;
    for (const exchange of paused) {
      const covering = versions.filter((v) => termsFor(v, exchange));
      expect(
        covering.some((v) => v.purposes.some((p) => p.mode === 'proactive' && p.compliantEnvironment)),
        exchange,
      ).toBe(true);
    }
    for (const id of [
      'ukvi-dwp-nino-alignment',
      'ukvi-dwp-accessed-public-funds',
      'ie-ukvi-hmrc-evidence-of-employment',
      'ie-dfe-child-tracing',
      'isd-dfe-state-funded-education',
      'ho-dfe-free-school-meals',
      'ie-dhsc-nhs-debtor-reporting',
    ]) {
      expect(
        versionsOf(id)
          .flatMap((v) => v.purposes)
          .filter((p) => p.compliantEnvironment),
        id,
      ).toEqual([]);
    }
  });
});

describe('legal gateways are named provisions (rec 2a; domain: "Legal gateways are named provisions")', () => {
  it('no version cites a placeholder basis', () => {
    for (const v of versions)
      expect(v.legalBases.filter(isPlaceholderBasis), `${v.agreementId}@${v.version}`).toEqual([]);
  });

  it('a basis the report does not name says where it comes from', () => {
    for (const code of ['ssaa-1992-s122b', 'iaa-1999-s20', 'iaa-1999-s21', 'nhs-overseas-visitor-charging']) {
      const bases = versions.flatMap((v) => v.legalBases).filter((b) => b.code === code);
      expect(bases.length, code).toBeGreaterThan(0);
      for (const b of bases) expect(b.source, code).toMatch(/legislation\.gov\.uk/);
    }
  });

  it('every basis names its section and its source: the report paragraph, and for an Act its public text', () => {
    const bases = versions.flatMap((v) => v.legalBases.map((b) => ({ at: `${v.agreementId}@${v.version}`, ...b })));
    expect(bases.length).toBeGreaterThan(20);
    for (const { at, ...b } of bases) {
      const where = `${at} ${b.code}`;
      expect(b.section.trim(), where).not.toBe('');
      expect(b.section, where).not.toMatch(/not named/i);
      expect(b.source, where).toMatch(/ICIBI inspection report ¶\d|legislation\.gov\.uk/);
      // An Act of Parliament or a statutory instrument is cited by its text on legislation.gov.uk; the Immigration
      // Rules are statements of changes laid before Parliament, cited from the report.
      if (/\bAct \d{4}\b|SI \d{4}\//.test(b.statute))
        expect(b.source, where).toMatch(
          /https:\/\/www\.legislation\.gov\.uk\/(ukpga|uksi)\/\d{4}\/\d+\/(section|regulation)\//,
        );
      else expect(b.source, where).toMatch(/ICIBI inspection report ¶6\.149–6\.150/);
    }
  });

  it('the HMRC status exchange runs on the two provisions the statutes name, not the bare Act (¶6.56, ¶6.87)', () => {
    const hmrc = version('home-office-hmrc-status-gateway', '2007-10');
    expect(hmrc.legalBases.map((b) => [b.code, b.statute, b.section.split(' ')[0]])).toEqual([
      ['ukba-2007-s40', 'UK Borders Act 2007', 's.40(1)(j)'],
      ['iaa-1999-s21', 'Immigration and Asylum Act 1999', 's.21'],
    ]);
    expect(hmrc.legalBases.map((b) => b.source)).toEqual([
      expect.stringContaining('https://www.legislation.gov.uk/ukpga/2007/30/section/40'),
      expect.stringContaining('https://www.legislation.gov.uk/ukpga/1999/33/section/21'),
    ]);
    expect(hmrc.legalBases[0]!.source).toContain('ICIBI inspection report ¶6.87');
    expect(hmrc.notes).toMatch(/taken from the statutes and are for a DPO to confirm/);
    expect(legalBasis({ agreement: hmrc, request: { legalBasis: 'ukba-2007-s40' } } as never)).toMatchObject({
      outcome: 'permit',
      reason: expect.stringMatching(/^UK Borders Act 2007 s\.40\(1\)\(j\)/),
    });
    expect(legalBasis({ agreement: hmrc, request: { legalBasis: 'iaa-1999-s21' } } as never)).toMatchObject({
      outcome: 'permit',
      reason: expect.stringMatching(/^Immigration and Asylum Act 1999 s\.21 /),
    });
    expect(
      legalBasis({ agreement: hmrc, request: { legalBasis: 'ukba-2007-hmrc-status-exchange' } } as never).outcome,
    ).toBe('deny');
    expect(versions.flatMap((v) => v.legalBases).some((b) => b.code === 'ukba-2007-hmrc-status-exchange')).toBe(false);
  });

  it('the education status check is covered by the umbrella MoU, answered about 20 a month, and refused for want of a gateway (¶6.117, ¶6.122)', () => {
    const education = version('home-office-dfe-umbrella-mou', '1.0');
    expect(education.measures.map((m) => m.description).join(' ')).toMatch(/About 20 enquiries a month/);
    const refusal = legalBasis({ agreement: education, request: { legalBasis: 'anything' } } as never);
    expect(refusal).toMatchObject({ outcome: 'deny', reason: expect.stringMatching(/names no legal gateway/) });
  });

  it('NINO alignment ran under the 2012 umbrella MoU from April 2015 until the process MoU of May 2018 (¶6.29, ¶6.33–6.34)', () => {
    const governing = (day: IsoDate) =>
      versionsOf('ukvi-dwp-nino-alignment')
        .filter((v) => standingOn(v, day).authorises)
        .map((v) => v.agreementId);
    expect(governing('2015-03-31')).toEqual([]);
    expect(governing('2015-04-01')).toEqual(['ukvi-dwp-nino-alignment-umbrella']);
    expect(governing('2018-04-30')).toEqual(['ukvi-dwp-nino-alignment-umbrella']);
    expect(governing('2018-05-01')).toEqual(['ukvi-dwp-nino-alignment-mou']);
  });

  it('IECAS: 45 Trusts had signed their own MoU by 18 June 2018 (¶6.160)', () => {
    const iecas = collaborations.find((c) => c.id === 'ie-nhs-iecas-chargeability')!;
    expect(iecas.purpose).toMatch(
      /45 Trusts had signed an individual MoU with the Home Office by 18 June 2018 \(¶6\.160\)/,
    );
  });
});

describe('directives', () => {
  it('the Windrush pause: proactive compliant-environment sharing with DWP and HMRC, over 30, from 23 April 2018 (¶5.42–5.43, fn 13)', () => {
    const pause = directive('windrush-pause-2018');
    expect(inForce(pause, '2018-05-01')).toBe(true);
    expect(inForce(pause, '2018-04-01')).toBe(false);
    expect(pause.scope).toEqual({
      exchanges: ['dwp.proactive-notification', 'hmrc.proactive-notification'],
      purposeMode: 'proactive',
      compliantEnvironment: true,
    });
    expect(pause.condition).toMatchObject({ kind: 'pause-over-age', age: 30, atExactAge: 'paused' });
    expect(pause.effectiveTo).toBeNull();
  });

  it('reactive status checks continue, with Windrush profiles referred to the Taskforce (¶3.24, ¶6.56)', () => {
    const referral = directive('windrush-status-check-referral-2018');
    expect(referral.scope.purposeMode).toBe('reactive');
    expect(referral.condition).toEqual({ kind: 'refer-windrush-profile', settledBefore: '1973-01-01' });
    expect(referral.scope.exchanges).toEqual(expect.arrayContaining(['dwp.status-check', 'hmrc.status-check']));
  });

  it('financial services: only people under 30 facing deportation for criminal offending (¶5.43)', () => {
    const restriction = directive('windrush-financial-services-2018');
    expect(restriction.scope.exchanges).toEqual(['financial.status-share']);
    expect(restriction.condition).toMatchObject({
      age: 30,
      atExactAge: 'excluded',
      requiredReason: 'facing-deportation-for-criminal-offence',
    });
  });

  it('the NHS Digital narrowing from 9 May 2018 allows three purposes the MoU names, after other efforts fail (¶5.36, fn 32)', () => {
    const narrowing = directive('nhs-digital-mou-narrowing');
    expect(inForce(narrowing, '2018-05-09')).toBe(true);
    expect(inForce(narrowing, '2018-05-08')).toBe(false);
    const allowed = narrowing.condition.purposes as string[];
    expect(allowed).toHaveLength(3);
    const named = version('ho-nhs-digital-tracing-mou', '2017-12').purposes.map((p) => p.code);
    expect(named).toEqual(expect.arrayContaining(allowed));
    expect(named).toContain('trace-immigration-offender');
    expect(narrowing.condition).toMatchObject({
      otherEffortsFailedRequired: true,
      seriousOffenceMinimumSentenceMonths: 12,
    });
    expect(exchangeFields['nhs.trace-request'].request).toContain(narrowing.condition.otherEffortsFailedField);
  });

  it('each cites its paragraphs and names only exchanges the gateway knows', () => {
    for (const d of directives) {
      expect(d.reference, d.id).toMatch(/¶/);
      expect(
        (d.scope.exchanges ?? []).filter((e) => !gatewayExchanges.includes(e)),
        d.id,
      ).toEqual([]);
    }
  });
});
