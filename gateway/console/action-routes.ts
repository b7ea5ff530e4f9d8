// What an SRO does from the console: extend or lift a directive (a joint review: joint-review-routes.ts). It goes
// through the same register command as the API (mou-registry/commands.ts), so it is checked the same way and audited
// in the same transaction, with the SRO's client id as the actor; its body is checked against the API's own request
// schema in openapi.yaml first. Every POST carries the session's CSRF token (checked by the guard), and nothing changes until
// the second step, a confirmation that says in words what will happen.
import type { RequestHandler, Router } from 'express';
import { fieldErrors, requestSchemaName, validatorFor } from '../../contracts/openapi.ts';
import type { RegisterCommands } from '../../mou-registry/commands.ts';
import type { Directive } from '../../mou-registry/types.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { Page } from './router.ts';
import { endDirectiveConfirmPage, endDirectiveFormPage, type EndValues } from './pages/action-pages.ts';
import type { RegisterReads } from './register-data.ts';

export interface ActionDeps {
  commands: Pick<RegisterCommands, 'endDirective'>;
  register: RegisterReads;
}

type Guard = (roles: string[], handler: Page, post?: boolean) => RequestHandler;

/** What the pages say after a change, by a fixed word in the address (never the user's own text). */
export const notices: Record<string, string> = {
  extended: 'The directive was extended; the change is in the register and the audit log.',
  lifted: 'The directive was lifted; the change is in the register and the audit log.',
};

const validEnd = validatorFor(requestSchemaName('endDirective')!);
/** The contract's complaint about each field, in words for the form. */
const messages: Record<string, string> = {
  effectiveTo: 'Its last day must be a day written as YYYY-MM-DD.',
  action: 'Choose whether to extend or lift the directive.',
};
const problems = (errors: Parameters<typeof fieldErrors>[0]) => [
  ...new Set(fieldErrors(errors).map((e) => messages[e.field] ?? 'The form could not be read; check each field.')),
];
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A refusal the SRO can act on (the command's reason), shown on the form; anything else is the router's to answer. */
function refusal(error: unknown): string | null {
  return error instanceof GatewayError && error.status >= 400 && error.status < 500 && error.status !== 404
    ? error.detail
    : null;
}

export function mountActions(router: Router, guard: Guard, forms: RequestHandler, deps: ActionDeps): void {
  async function directive(id: string): Promise<Directive> {
    const d = (await deps.register.directives()).find((x) => x.id === id);
    if (!d) throw new GatewayError('not-found', 'There is no such directive');
    return d;
  }

  router.get(
    '/directives/:directiveId/end',
    guard(['sro'], async (req, _res, viewer) =>
      endDirectiveFormPage(viewer, await directive(String(req.params.directiveId)), { action: '', effectiveTo: '' }),
    ),
  );

  router.post(
    '/directives/:directiveId/end',
    forms,
    guard(
      ['sro'],
      async (req, res, viewer) => {
        const d = await directive(String(req.params.directiveId));
        const values: EndValues = { action: text(req.body.action), effectiveTo: text(req.body.effectiveTo) };
        if (req.body.edit === 'yes') return endDirectiveFormPage(viewer, d, values);
        const end = { action: values.action, effectiveTo: values.effectiveTo || null };
        const errors = validEnd(end) ? [] : problems(validEnd.errors);
        if (!['extend', 'lift'].includes(values.action))
          errors.unshift('Choose whether to extend or lift the directive.');
        // Lifting names the last day; only an extension may leave it open-ended.
        if (values.action === 'lift' && !values.effectiveTo)
          errors.push('Give the last day the directive applies, written as YYYY-MM-DD.');
        if (errors.length > 0) return endDirectiveFormPage(viewer, d, values, [...new Set(errors)]);
        if (req.body.confirmed !== 'yes') return endDirectiveConfirmPage(viewer, d, values);
        try {
          await deps.commands.endDirective(
            { clientId: viewer.clientId },
            d.id,
            end.action as 'extend' | 'lift',
            end.effectiveTo,
          );
        } catch (error) {
          const reason = refusal(error);
          if (reason === null) throw error;
          return endDirectiveFormPage(viewer, d, values, [reason]);
        }
        res.redirect(303, `/console/directives?done=${end.action === 'lift' ? 'lifted' : 'extended'}`);
      },
      true,
    ),
  );
}
