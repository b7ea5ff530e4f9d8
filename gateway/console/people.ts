// The register of people: which console role a person holds, matched by the identity provider's subject or by a
// group the provider says they are in. Rows are history (grant, then perhaps revoke), dated by the database's clock;
// a mapping stands while its latest row is a grant. Every change is audited in the same transaction, the subject only
// as a keyed HMAC: the log holds no one's identifier in clear (a group name is not personal data, and is kept).
import type { Knex } from 'knex';
import type { AuditAppender } from '../../audit/append.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { registerChangeEntry } from '../../audit/entry-kinds.ts';

/** The roles the console serves: a person mapped to anything else would have no page to see. */
export const personRoles = ['sro', 'dpo'] as const;
export type PersonRole = (typeof personRoles)[number];
export type Claim = 'sub' | 'group';

export interface Mapping {
  claim: Claim;
  value: string;
  role: PersonRole;
  since: string;
  grantedBy: string;
}
export interface MappingChange {
  claim: Claim;
  value: string;
  role: PersonRole;
}

/** What a person's provider said of them at sign-in: enough to find their mappings. */
export interface ProviderIdentity {
  subject: string;
  groups: string[];
}

export interface PeopleDeps {
  db: Knex;
  audit: Pick<AuditAppender, 'append'>;
  /** A keyed HMAC of a provider subject, for the audit log (the audit pseudonymiser's key). */
  subjectHmac(subject: string): string;
}

/** Latest row per (claim, value, role), kept where it is a grant. */
function standing(db: Knex | Knex.Transaction) {
  return db
    .select('claim', 'value', 'role', 'change', 'actor', 'recorded_at')
    .from(
      db.raw(`(select distinct on (claim, value, role) claim, value, role, change, actor, recorded_at
       from console_people_roles order by claim, value, role, seq desc) latest`),
    )
    .where('change', 'grant');
}

export function createPeopleRegister(deps: PeopleDeps) {
  const auditTarget = (c: MappingChange) =>
    c.claim === 'sub' ? { claim: 'sub', subjectHmac: deps.subjectHmac(c.value), role: c.role } : { ...c };

  async function change(actor: string, action: 'grant' | 'revoke', c: MappingChange): Promise<Mapping | null> {
    return (
      await deps.audit.append(async (trx) => {
        // One change at a time per mapping, so two administrators cannot both grant (or both revoke) the same.
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`console-people|${c.claim}|${c.value}|${c.role}`]);
        const current = await standing(trx).andWhere({ claim: c.claim, value: c.value, role: c.role }).first();
        if (action === 'grant' && current)
          throw new GatewayError(
            'conflict',
            `That ${c.claim === 'sub' ? 'person' : 'group'} already holds the ${c.role} role`,
          );
        if (action === 'revoke' && !current)
          throw new GatewayError(
            'not-found',
            `That ${c.claim === 'sub' ? 'person' : 'group'} does not hold the ${c.role} role`,
          );
        const [row] = await trx('console_people_roles')
          .insert({ ...c, change: action, actor })
          .returning(['recorded_at']);
        const body = {
          action: action === 'grant' ? 'grant-console-role' : 'revoke-console-role',
          actor,
          target: 'console-people',
          before: action === 'grant' ? null : auditTarget(c),
          after: action === 'grant' ? auditTarget(c) : null,
        };
        const result =
          action === 'grant' ? { ...c, since: new Date(row.recorded_at).toISOString(), grantedBy: actor } : null;
        return { entries: [registerChangeEntry(body)], result };
      })
    ).result;
  }

  return {
    /** The roles a person holds now, from their subject and groups. */
    async rolesOf(who: ProviderIdentity): Promise<PersonRole[]> {
      const rows: { role: PersonRole }[] = await standing(deps.db).andWhere((q) => {
        q.where({ claim: 'sub', value: who.subject });
        if (who.groups.length > 0)
          q.orWhere((g) => {
            g.where('claim', 'group').whereIn('value', who.groups);
          });
      });
      return personRoles.filter((r) => rows.some((row) => row.role === r));
    },

    async list(): Promise<Mapping[]> {
      const rows = await standing(deps.db).orderBy(['claim', 'value', 'role']);
      return rows.map((r: Record<string, string>) => ({
        claim: r.claim as Claim,
        value: r.value!,
        role: r.role as PersonRole,
        since: new Date(r.recorded_at!).toISOString(),
        grantedBy: r.actor!,
      }));
    },

    async isEmpty(): Promise<boolean> {
      return !(await deps.db('console_people_roles').first('seq'));
    },

    grant: (actor: string, c: MappingChange) => change(actor, 'grant', c) as Promise<Mapping>,
    revoke: async (actor: string, c: MappingChange) => {
      await change(actor, 'revoke', c);
    },
  };
}
export type PeopleRegister = ReturnType<typeof createPeopleRegister>;
