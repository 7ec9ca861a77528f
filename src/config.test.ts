import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data/folio.sqlite') });
    expect(config.production).toBe(false);
  });

  it('reads sqlite: and postgres:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({
      kind: 'sqlite',
      file: '/tmp/x.db',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/folio' }).database.kind).toBe('postgres');
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ FOLIO_ADMIN_PASSWORD: 'short' })).toThrow(/FOLIO_ADMIN_PASSWORD/);
    expect(() => loadConfig({ FOLIO_PUBLIC_URL: 'not a url' })).toThrow(/FOLIO_PUBLIC_URL/);
    expect(() => loadConfig({ FOLIO_TRUST_PROXY: 'yes' })).toThrow(/FOLIO_TRUST_PROXY/);
    expect(
      loadConfig({ FOLIO_TRUST_PROXY: 'true', FOLIO_PUBLIC_URL: 'https://folio.example.mx' }),
    ).toMatchObject({
      trustProxy: true,
      publicUrl: 'https://folio.example.mx',
    });
  });
});
