// One error type for the whole gateway, rendered as RFC 9457 problem+json.
// Details are written for the caller and must never carry personal data.
import type { components } from '../../contracts/openapi-types.ts';

/** The codes openapi.yaml declares for a Problem: `satisfies` below refuses a list that lacks one or adds another. */
type ContractCode = components['schemas']['Problem']['code'];

export const problemCodes = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  'policy-denied': { status: 403, title: 'The data-sharing policy refused this exchange' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  'unprocessable': { status: 422, title: 'The request cannot be processed as it stands' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong in the gateway' },
  'upstream-failed': { status: 502, title: 'The partner system did not give a usable answer' },
  'audit-unavailable': { status: 503, title: 'The audit log cannot be written, so nothing was shared' },
  unavailable: { status: 503, title: 'The service is not available' },
  'upstream-timeout': { status: 504, title: 'The partner system did not answer in time' },
} as const satisfies Record<ContractCode, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCodes;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId?: string;
  [extension: string]: unknown;
}

export class GatewayError extends Error {
  readonly status: number;
  /** Header fields that go with the problem (e.g. the monthly cap's standing on a refusal); appended by the error handler. */
  readonly headers: Record<string, string> = {};
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    /** For a 429 or 503: sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.status = problemCodes[code].status;
  }

  toProblem(requestId?: string): ProblemBody {
    return {
      type: `/problems/${this.code}`,
      title: problemCodes[this.code].title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(requestId ? { requestId } : {}),
      ...this.extensions,
    };
  }
}
