// The signature that would bring an incomplete version into force is refused, naming every item missing, so a
// registry administrator can complete the draft (or draft a new version) in one go.
import { GatewayError } from '../platform/http/problem.ts';
import { missingForSignature } from './completeness.ts';
import type { AgreementVersion } from './types.ts';
import { termsOf } from './store.ts';

export function refuseIncompleteSignature(version: AgreementVersion): void {
  const missing = missingForSignature(termsOf(version));
  if (missing.length === 0) return;
  throw new GatewayError(
    'unprocessable',
    `${version.title} v${version.version} cannot be signed into force: recommendation 2 asks for what it lacks (${missing.map((m) => m.message).join('; ')})`,
    { errors: missing.map((m) => ({ field: m.field, message: `rec ${m.recommendation}: ${m.message}` })) },
  );
}
