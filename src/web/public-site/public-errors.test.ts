import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../api/client.js';
import { publicEn, publicEs } from './messages.js';
import { publicErrorText } from './public-errors.js';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { es: { public: publicEs }, en: { public: publicEn } },
    lng: 'es',
    ns: ['public'],
    defaultNS: 'public',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

describe('what a customer reads when a request fails', () => {
  it('says how many seconds to wait after too many tries', () => {
    const t = i18n.getFixedT('es', 'public');
    expect(publicErrorText(new ApiError(429, 'rate_limited', 'x', [], 42), t)).toBe(
      'Hizo muchos intentos seguidos. Espere 42 segundos e intente de nuevo.',
    );
    expect(publicErrorText(new ApiError(429, 'rate_limited', 'x', [], 1), t)).toBe(
      'Hizo muchos intentos seguidos. Espere 1 segundo e intente de nuevo.',
    );
    expect(publicErrorText(new ApiError(429, 'rate_limited', 'x'), i18n.getFixedT('en', 'public'))).toBe(
      'Too many tries in a row. Wait a moment and try again.',
    );
  });

  it('never shows a code or a server failure, and keeps a message the API worded', () => {
    const t = i18n.getFixedT('es', 'public');
    expect(publicErrorText(new ApiError(0, 'network_error', 'Failed to fetch'), t)).toBe(
      publicEs.errors.network,
    );
    expect(publicErrorText(new ApiError(502, 'http_502', 'Bad Gateway'), t)).toBe(publicEs.errors.network);
    expect(publicErrorText(new ApiError(500, 'internal_error', 'boom'), t)).toBe(publicEs.errors.unexpected);
    expect(publicErrorText(new ApiError(400, 'rejected', 'No pudimos registrar su reporte.'), t)).toBe(
      'No pudimos registrar su reporte.',
    );
  });
});

describe('the rate limit as the page receives it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('carries the seconds of Retry-After on the error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'rate_limited', message: 'Demasiadas consultas; espere un momento.' } },
          { status: 429, headers: { 'Retry-After': '37' } },
        ),
      ),
    );
    const error = await api.post('/api/v1/public/reports/lookup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterSeconds).toBe(37);
    expect(publicErrorText(error, i18n.getFixedT('es', 'public'))).toBe(
      'Hizo muchos intentos seguidos. Espere 37 segundos e intente de nuevo.',
    );
  });
});
