// What every sandbox partner service has in common: JSON in and JSON out, each request checked against its
// schema in contracts/partners.yaml, a 400 with a JSON error on bad input, and no logging at all, since
// what partners exchange is personal data. Errors name fields, never their values.
import express from 'express';
import type { components } from '../contracts/partners-types.ts';
import { fieldErrors, type FieldError } from '../contracts/openapi.ts';
import { partnerValidatorFor } from '../contracts/partners.ts';

type Schemas = components['schemas'];
type SchemaName = keyof Schemas;

/** The error body every sandbox sends; declared per partner in partners.yaml (DwpError, HmrcError, …). */
export interface SandboxError {
  error: string;
  detail: string;
  fields?: FieldError[];
}

/** Thrown by an answer when the partner declines a valid request, e.g. HMRC about a British citizen. */
export class PartnerRefusal extends Error {
  constructor(
    readonly status: 403 | 409 | 422,
    readonly error: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface SandboxRoute {
  path: string;
  requestSchema: SchemaName;
  responseSchema: SchemaName;
  answer(body: unknown): unknown;
}

/** A POST endpoint declared as data: its path, the contract schemas it takes and gives, and how it answers. */
export function post<Req extends SchemaName, Res extends SchemaName>(
  path: string,
  requestSchema: Req,
  responseSchema: Res,
  answer: (body: Schemas[Req]) => Schemas[Res],
): SandboxRoute {
  return { path, requestSchema, responseSchema, answer: answer as (body: unknown) => unknown };
}

const send = (res: express.Response, status: number, body: SandboxError) => res.status(status).json(body);

export function createSandboxApp(partner: string, routes: readonly SandboxRoute[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // A daily batch of a thousand grants is about 200 KB.
  app.use(express.json({ limit: '1mb' }));

  for (const route of routes) {
    const validate = partnerValidatorFor(route.requestSchema);
    app.post(route.path, (req, res) => {
      if (!req.is('application/json')) {
        send(res, 415, { error: 'unsupported-media-type', detail: `${partner} accepts application/json only` });
        return;
      }
      if (!validate(req.body)) {
        send(res, 400, {
          error: 'invalid-request',
          detail: `The request does not match ${route.requestSchema}`,
          fields: fieldErrors(validate.errors),
        });
        return;
      }
      try {
        res.json(route.answer(req.body));
      } catch (error) {
        if (!(error instanceof PartnerRefusal)) throw error;
        send(res, error.status, { error: error.error, detail: error.detail });
      }
    });
  }

  app.use((_req, res) => {
    send(res, 404, { error: 'not-found', detail: `${partner} has no such endpoint` });
  });
  app.use((error: { type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (error.type === 'entity.parse.failed')
      send(res, 400, { error: 'malformed-json', detail: 'The body is not valid JSON' });
    else if (error.type === 'entity.too.large')
      send(res, 413, { error: 'payload-too-large', detail: 'The body is larger than 1 MB' });
    else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported')
      send(res, 415, { error: 'unsupported-media-type', detail: 'The body must be UTF-8 JSON' });
    else send(res, 500, { error: 'internal', detail: `${partner} could not answer` });
  });
  return app;
}
