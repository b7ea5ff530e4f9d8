// The default register loaded at first start: the collaborations of the inspection report.
import type { RegisterContents } from '../store.ts';
import * as childTracing from './collaboration-07-child-tracing.ts';
import { parties } from './parties.ts';

const collaborations = [childTracing];

export const defaultRegister: RegisterContents = {
  parties,
  collaborations: collaborations.map((c) => c.collaboration),
  agreements: collaborations.flatMap((c) => c.agreements),
  versions: collaborations.flatMap((c) => c.versions),
  directives: [],
};
