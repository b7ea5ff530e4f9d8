// Console sign-ins, sign-outs and refused sign-ins become entries of their own kind, `console-access`.
import { entryKindMigration } from './entry-kind-check.ts';

export const { up, down } = entryKindMigration('console-access');
