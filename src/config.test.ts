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

  it("sets SQLite's page cache when asked", () => {
    expect(loadConfig({ FOLIO_SQLITE_CACHE_MB: '128' }).database).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/folio.sqlite'),
      cacheMb: 128,
    });
  });

  it('sets the read threads of the queue when asked (0: none)', () => {
    expect(loadConfig({ FOLIO_READ_THREADS: '0' }).database).toMatchObject({
      kind: 'sqlite',
      readThreads: 0,
    });
    expect(loadConfig({ FOLIO_READ_THREADS: '3' }).database).toMatchObject({ readThreads: 3 });
  });

  it('sets or turns off the memory map of the SQLite file when asked', () => {
    expect(loadConfig({ FOLIO_SQLITE_MMAP_MB: '0', FOLIO_SQLITE_CACHE_MB: '8' }).database).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/folio.sqlite'),
      cacheMb: 8,
      mmapMb: 0,
    });
    expect(loadConfig({}).database).toEqual({ kind: 'sqlite', file: path.resolve('data/folio.sqlite') });
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ FOLIO_ADMIN_PASSWORD: 'short' })).toThrow(/FOLIO_ADMIN_PASSWORD/);
    expect(() => loadConfig({ FOLIO_PUBLIC_URL: 'not a url' })).toThrow(/FOLIO_PUBLIC_URL/);
    expect(() => loadConfig({ FOLIO_TRUST_PROXY: 'yes' })).toThrow(/FOLIO_TRUST_PROXY/);
    expect(() => loadConfig({ FOLIO_WORKERS: '0' })).toThrow(/FOLIO_WORKERS/);
    expect(() => loadConfig({ FOLIO_SQLITE_CACHE_MB: '0' })).toThrow(/FOLIO_SQLITE_CACHE_MB/);
    expect(() => loadConfig({ FOLIO_SQLITE_CACHE_MB: 'lots' })).toThrow(/FOLIO_SQLITE_CACHE_MB/);
    expect(() => loadConfig({ FOLIO_SQLITE_MMAP_MB: '-1' })).toThrow(/FOLIO_SQLITE_MMAP_MB/);
    expect(() => loadConfig({ FOLIO_READ_THREADS: 'two' })).toThrow(/FOLIO_READ_THREADS/);
    expect(loadConfig({ FOLIO_WORKERS: '2' }).workers).toBe(2);
    expect(() => loadConfig({ FOLIO_MAX_UPLOAD_MB: 'lots' })).toThrow(/FOLIO_MAX_UPLOAD_MB/);
    expect(loadConfig({}).maxUploadMb).toBe(10);
    expect(
      loadConfig({ FOLIO_TRUST_PROXY: 'true', FOLIO_PUBLIC_URL: 'https://folio.example.mx' }),
    ).toMatchObject({
      trustProxy: true,
      publicUrl: 'https://folio.example.mx',
    });
  });

  it('reads the notice channels, each off while its URL is unset', () => {
    expect(loadConfig({}).notices).toEqual({
      smtpUrl: undefined,
      mailFrom: 'Servicio al Cliente <no-responder@localhost>',
      smsUrl: undefined,
      smsToken: undefined,
    });
    expect(
      loadConfig({
        FOLIO_SMTP_URL: 'smtp://user:pass@mail.example.mx:587',
        FOLIO_MAIL_FROM: 'Agua de Rioverde <avisos@example.mx>',
        FOLIO_SMS_URL: 'https://sms.example.mx/send',
        FOLIO_SMS_TOKEN: 'secret-token',
      }).notices,
    ).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example.mx:587',
      mailFrom: 'Agua de Rioverde <avisos@example.mx>',
      smsUrl: 'https://sms.example.mx/send',
      smsToken: 'secret-token',
    });
    expect(loadConfig({ FOLIO_MAIL_FROM: 'avisos@example.mx', FOLIO_SMTP_URL: '' }).notices).toMatchObject({
      mailFrom: 'avisos@example.mx',
      smtpUrl: undefined,
    });
    expect(() => loadConfig({ FOLIO_SMTP_URL: 'mail.example.mx' })).toThrow(/FOLIO_SMTP_URL/);
    expect(() => loadConfig({ FOLIO_SMTP_URL: 'http://mail.example.mx' })).toThrow(/FOLIO_SMTP_URL/);
    expect(() => loadConfig({ FOLIO_SMS_URL: 'not a url' })).toThrow(/FOLIO_SMS_URL/);
    expect(() => loadConfig({ FOLIO_MAIL_FROM: 'avisos' })).toThrow(/FOLIO_MAIL_FROM/);
    expect(() => loadConfig({ FOLIO_MAIL_FROM: 'Avisos <avisos>' })).toThrow(/FOLIO_MAIL_FROM/);
  });
});
