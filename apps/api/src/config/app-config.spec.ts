import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses embedded services and demo data when nothing is set', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.embeddedDatabase).toBe(true);
    expect(c.embeddedSearch).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.DEMO_PASSWORD).toBe('yokoten-demo');
  });

  it('does not seed demo data against an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/yokoten' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/yokoten', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names every bad setting in one message', () => {
    try {
      loadConfig({ PORT: 'abc', MEILI_URL: 'not a url', SEED_DEMO: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('MEILI_URL');
      expect(msg).toContain('SEED_DEMO');
    }
  });

  it('takes PUBLIC_URL without its trailing slash and refuses one that is not an http(s) URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://yokoten.example.jp/' }).PUBLIC_URL).toBe(
      'https://yokoten.example.jp',
    );
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'yokoten.example.jp' })).toThrow(
      /PUBLIC_URL must be an http\(s\) URL/,
    );
  });

  it('refuses demo data in production unless DEMO_PASSWORD is set to something of its own', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/yokoten', SEED_DEMO: 'true' };
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow(/DEMO_PASSWORD/);
    expect(() => loadConfig({ ...prod, DEMO_PASSWORD: 'yokoten-demo' })).toThrow(/DEMO_PASSWORD/);
    expect(loadConfig({ ...prod, DEMO_PASSWORD: 'a-long-private-one' }).seedDemo).toBe(true);
    // Without SEED_DEMO, or outside production, the default is fine.
    const { SEED_DEMO: _seed, ...noSeed } = prod;
    expect(loadConfig(noSeed).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'true' }).DEMO_PASSWORD).toBe('yokoten-demo');
  });
});
