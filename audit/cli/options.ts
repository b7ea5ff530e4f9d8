// Option parsing shared by the commands: node's parseArgs, with its errors turned into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O, positionals: { min: number; max: number }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError('a required argument is missing');
  if (n > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
  return {
    values: parsed.values as unknown as Record<keyof O, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
}

/** An ISO 8601 date or date-time option, or undefined when not given. */
export function isoOption(name: string, value: string | boolean | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time =
    typeof value === 'string' && /^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(value)
      ? Date.parse(value)
      : NaN;
  if (Number.isNaN(time))
    throw new UsageError(`--${name} must be an ISO 8601 date or time, e.g. 2020-01-01 or 2020-01-01T00:00:00Z`);
  return new Date(time);
}

export function intOption(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number`);
  return n;
}
