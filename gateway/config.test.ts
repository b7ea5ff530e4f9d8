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
});
