import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';

/**
 * What a customer reads when a request fails: never a code, never "session". A rate limit
 * says how long to wait; anything the API worded itself is shown as it came.
 */
export function publicErrorText(error: unknown, t: TFunction<'public'>): string {
  if (error instanceof ApiError) {
    if (error.isNetwork || error.status === 502 || error.status === 503 || error.status === 504)
      return t('errors.network');
    if (error.status === 429) {
      return error.retryAfterSeconds !== undefined
        ? t('errors.rateLimited', { count: error.retryAfterSeconds })
        : t('errors.rateLimitedPlain');
    }
    if (error.status < 500 && !error.code.startsWith('http_') && error.message) return error.message;
  }
  return t('errors.unexpected');
}
