/**
 * The one way the page talks to the API: JSON in and out, the session cookie sent along, and
 * every failure turned into an `ApiError` that carries the API's `{error:{code,message,fields}}`
 * so a screen can act on the code and show the fields next to their inputs.
 */

export interface ApiFieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldProblem[];
  /** From a 429's `Retry-After`: how long to wait before asking again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: ApiFieldProblem[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** No answer from the server at all (offline, server down, proxy error). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

let currentLanguage = 'es';

/** The API answers validation messages in the language the page speaks. */
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage === 'en' ? 'en' : 'es-MX,es;q=0.9',
    ...options.headers,
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  // A file upload: the browser writes the multipart boundary into the content type itself.
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  throw errorFrom(response, payload);
}

/** `Retry-After` in seconds (the API never sends the HTTP-date form). */
function retryAfterOf(response: Response): number | undefined {
  const raw = response.headers.get('Retry-After')?.trim();
  const seconds = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

function errorFrom(response: Response, payload: unknown): ApiError {
  const retryAfter = retryAfterOf(response);
  const error = (
    payload as { error?: Partial<{ code: unknown; message: unknown; fields: unknown }> } | undefined
  )?.error;
  if (error && typeof error.code === 'string') {
    const fields = Array.isArray(error.fields)
      ? error.fields.filter(
          (f): f is ApiFieldProblem =>
            typeof f === 'object' &&
            f !== null &&
            typeof f.path === 'string' &&
            typeof f.message === 'string',
        )
      : [];
    return new ApiError(
      response.status,
      error.code,
      typeof error.message === 'string' ? error.message : response.statusText,
      fields,
      retryAfter,
    );
  }
  // Not the API's own shape: a proxy or gateway answered (502/503/504) or the route is missing.
  return new ApiError(response.status, `http_${response.status}`, response.statusText, [], retryAfter);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
