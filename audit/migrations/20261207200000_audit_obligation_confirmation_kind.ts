// Confirmations that a decision's obligation was done (a Windrush Taskforce referral made, a patient told their debt
// was reported) become entries of their own kind, `obligation-confirmation`.
import { entryKindMigration } from './entry-kind-check.ts';

export const { up, down } = entryKindMigration('obligation-confirmation');
