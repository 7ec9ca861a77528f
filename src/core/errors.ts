/**
 * Typed domain errors. The core and the services throw these; one HTTP error handler turns
 * each into the JSON error shape and its status (see src/http/plugins/errors.ts).
 */
export interface FieldProblem {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly fields?: FieldProblem[];
  constructor(message: string, fields?: FieldProblem[]) {
    super(message);
    this.name = new.target.name;
    if (fields) this.fields = fields;
  }
}

/** 400: the request itself is wrong. `code` is specific where a client should act on it. */
export class InvalidInput extends DomainError {
  readonly code: string;
  constructor(message: string, fields?: FieldProblem[], code = 'invalid_input') {
    super(message, fields);
    this.code = code;
  }
}

export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
}

export class Forbidden extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'forbidden') {
    super(message);
    this.code = code;
  }
}

/** 429: too many attempts; the client may try again after `retryAfterSeconds`. */
export class TooManyRequests extends DomainError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly code = 'not_found';
}

/** 409: the request collides with the current state (duplicate, stale version, reused key). */
export class Conflict extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'conflict') {
    super(message);
    this.code = code;
  }
}

/** 422: well-formed, but a business rule forbids it. */
export class RuleBroken extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'rule_broken') {
    super(message);
    this.code = code;
  }
}

/** 413: an upload over the size limit. */
export class PayloadTooLarge extends DomainError {
  readonly code = 'payload_too_large';
}

/** 415: content of a type Folio does not take (judged by the content, not by its name). */
export class UnsupportedMediaType extends DomainError {
  readonly code = 'unsupported_media_type';
}

/** 503: something Folio depends on is not there right now. */
export class Unavailable extends DomainError {
  readonly code = 'unavailable';
}
