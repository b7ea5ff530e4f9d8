// Each partner's upstream is configuration: by default its sandbox on this host, replaced by a real
// endpoint through <PARTNER>_UPSTREAM_URL alone.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { sandboxPorts, upstreamsWithSandboxes } from '../../sandbox/start-sandboxes.ts';

describe('partner upstreams and sandbox ports', () => {
  it('point every partner at its own sandbox port by default', () => {
    const config = loadConfig({});
    expect(sandboxPorts(config.sandbox)).toEqual({
      dfe: 8701,
      dwp: 8702,
      hmrc: 8703,
      nhs: 8704,
      homeOffice: 8705,
      financial: 8706,
    });
    expect(config.upstreams.dwp.url).toBe('http://127.0.0.1:8702');
    expect(config.upstreams.homeOffice.url).toBe('http://127.0.0.1:8705');
  });

  it('let a real partner endpoint replace a sandbox, and a moved sandbox take its upstream with it', () => {
    const config = loadConfig({
      HMRC_UPSTREAM_URL: 'https://hmrc.example.gov.uk/s40',
      SANDBOX_NHS_PORT: '9704',
      UPSTREAM_TIMEOUT_MS: '1500',
    });
    expect(config.upstreams.hmrc).toEqual({
      url: 'https://hmrc.example.gov.uk/s40',
      timeoutMs: 1500,
      maxResponseBytes: 1024 * 1024,
    });
    expect(config.upstreams.nhs).toEqual({
      url: 'http://127.0.0.1:9704',
      timeoutMs: 1500,
      maxResponseBytes: 1024 * 1024,
    });
  });

  it('refuses two sandboxes on one port, but allows any number on 0 (any free port)', () => {
    expect(() => loadConfig({ SANDBOX_DWP_PORT: '8703' })).toThrow(ConfigError);
    expect(() => loadConfig({ SANDBOX_DWP_PORT: '0', SANDBOX_HMRC_PORT: '0' })).not.toThrow();
  });
});

describe('sandboxes on any free port', () => {
  it('take the upstreams aimed at them, and leave a real partner endpoint alone', () => {
    const config = loadConfig({
      SANDBOX_DFE_PORT: '0',
      SANDBOX_HMRC_PORT: '0',
      HMRC_UPSTREAM_URL: 'https://hmrc.example.gov.uk/s40',
    });
    const urls = {
      dfe: 'http://127.0.0.1:40001',
      dwp: 'http://127.0.0.1:40002',
      hmrc: 'http://127.0.0.1:40003',
      nhs: 'http://127.0.0.1:40004',
      homeOffice: 'http://127.0.0.1:40005',
      financial: 'http://127.0.0.1:40006',
    };
    const upstreams = upstreamsWithSandboxes(config.upstreams, urls);
    expect(upstreams.dfe.url).toBe('http://127.0.0.1:40001');
    expect(upstreams.hmrc.url).toBe('https://hmrc.example.gov.uk/s40');
    expect(upstreams.dwp.url).toBe('http://127.0.0.1:8702');
  });
});
