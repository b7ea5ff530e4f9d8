import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to the embedded database under ./.data', () => {
    const config = loadConfig({}, '/srv/gw');
    expect(config.databaseUrl).toBeNull();
    expect(config.pgliteDir).toBe('/srv/gw/.data/pglite');
    expect(config.port).toBe(8080);
  });

  it('keeps the embedded database where GATEWAY_DATA_DIR says', () => {
    expect(loadConfig({ GATEWAY_DATA_DIR: '/var/lib/gw' }).pgliteDir).toBe('/var/lib/gw/pglite');
  });

  it('refuses to start with every problem listed', () => {
    try {
      loadConfig({ GATEWAY_PORT: 'eighty', DATABASE_URL: 'mysql://x', UPSTREAM_TIMEOUT_MS: '1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('is a sandbox with its partners unless told otherwise, and a production start never runs the partners', () => {
    expect(loadConfig({}).sandbox).toMatchObject({ start: true, partners: true });
    expect(loadConfig({ SANDBOX_PARTNERS: 'false' }).sandbox).toMatchObject({ start: true, partners: false });
    expect(loadConfig({ SANDBOX: 'false' }).sandbox).toMatchObject({ start: false, partners: false });
    expect(() => loadConfig({ SANDBOX: 'false', SANDBOX_PARTNERS: 'true' })).toThrow(
      /SANDBOX_PARTNERS=true needs SANDBOX=true/,
    );
  });

  it('gives requests in flight 10 s to finish at shutdown unless SHUTDOWN_DEADLINE_MS says otherwise', () => {
    expect(loadConfig({}).shutdownDeadlineMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_DEADLINE_MS: '2500' }).shutdownDeadlineMs).toBe(2500);
    expect(() => loadConfig({ SHUTDOWN_DEADLINE_MS: 'soon' })).toThrow(/SHUTDOWN_DEADLINE_MS must be a whole number/);
  });

  it('traces nowhere unless an OTLP endpoint is given, the explicit setting before the standard ones', () => {
    expect(loadConfig({}).tracing).toEqual({ otlpEndpoint: null, serviceName: 'data-sharing-gateway' });
    const endpoint = (env: Record<string, string>) => loadConfig(env).tracing.otlpEndpoint;
    const collector = 'http://collector:4318';
    expect(endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: `${collector}/` })).toBe(`${collector}/v1/traces`);
    expect(
      endpoint({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/traces',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector,
      }),
    ).toBe('https://otel.example/traces');
    const both = loadConfig({
      TRACING_OTLP_ENDPOINT: 'https://traces.example/v1/traces',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector,
      OTEL_SERVICE_NAME: 'gw-b',
    });
    expect(both.tracing).toEqual({ otlpEndpoint: 'https://traces.example/v1/traces', serviceName: 'gw-b' });
  });

  it('refuses an OTLP endpoint that is not an http URL, without repeating it (it may hold a secret)', () => {
    expect(() => loadConfig({ TRACING_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /TRACING_OTLP_ENDPOINT must be an http or https URL/,
    );
    try {
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://user:s3cret@collector' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL (the OTLP/HTTP collector)',
      ]);
    }
  });

  it("calls batches back over https only in production: plain http is a sandbox's, and refused with SANDBOX=false", () => {
    expect(loadConfig({}).batches.callbacks).toMatchObject({
      allowHttp: true,
      maxAttempts: 8,
      backoffMs: 30_000,
      keysDirGiven: false,
    });
    expect(loadConfig({ SANDBOX: 'false' }).batches.callbacks.allowHttp).toBe(false);
    expect(() => loadConfig({ SANDBOX: 'false', BATCH_CALLBACK_ALLOW_HTTP: 'true' })).toThrow(
      /BATCH_CALLBACK_ALLOW_HTTP=true needs SANDBOX=true/,
    );
    expect(loadConfig({ CALLBACK_SIGNING_KEYS_DIR: '/run/secrets/cb' }).batches.callbacks).toMatchObject({
      keysDir: '/run/secrets/cb',
      keysDirGiven: true,
    });
  });
});
