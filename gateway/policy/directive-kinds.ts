// The directive condition kinds the policy rules handle: one list, which openapi.yaml's DirectiveCondition must
// match (directive-kinds.test.ts checks). A directive of any other kind would be in force yet have no effect, so the
// API refuses it and the unknown-directive rule refuses every exchange one from older data reaches.
export const directiveKinds = [
  'pause-over-age', // windrush-pause
  'refer-windrush-profile', // windrush-pause
  'only-under-age-facing-deportation', // financial-services-age
  'allowed-purposes', // nhs-narrowed-scope
] as const;
export type DirectiveKind = (typeof directiveKinds)[number];

export const isDirectiveKind = (kind: unknown): kind is DirectiveKind =>
  (directiveKinds as readonly unknown[]).includes(kind);
