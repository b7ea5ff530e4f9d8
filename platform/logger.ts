// JSON logs. Request bodies are never logged; redaction is a second line of defence for personal data.
import pino, { type DestinationStream, type Logger } from 'pino';

const personalFields = [
  'forename',
  'surname',
  'name',
  'dateOfBirth',
  'postcode',
  'nino',
  'address',
  'addresses',
  'line1',
  'subject',
  'parents',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'data-sharing-gateway' },
      redact: {
        paths: [
          'req.headers.authorization',
          'body',
          '*.body',
          ...personalFields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
        ],
        censor: '[withheld]',
      },
    },
    destination,
  );
}

/** An error as it may be logged: its kind and where it happened, never its message, which can quote data. */
export function safeError(err: unknown): { type: string; code?: string; at: string[] } {
  const e = err as { name?: string; code?: unknown; stack?: string } | null;
  return {
    type: e?.name ?? typeof err,
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    at: (e?.stack ?? '')
      .split('\n')
      .slice(1, 6)
      .map((l) => l.trim()),
  };
}
