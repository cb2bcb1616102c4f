/** Every failure the service reports, as the `ApiErrorBody` the extension reads, with its HTTP status. */
import type { ApiError, ApiErrorCode } from '../core/api';
import { cleanText } from '../core/sanitize';
import { LookupUnavailableError } from './dns';
import { TargetError } from './guard';

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** The message may quote what someone typed or a DNS answer: control and bidi characters are dropped. */
  toApiError(): ApiError {
    const message = cleanText(this.message);
    return this.retryAfterSeconds === undefined ? { code: this.code, message } : { code: this.code, message, retryAfterSeconds: this.retryAfterSeconds };
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Maps anything thrown while probing to what a person should read; unknown errors reveal nothing inside. */
export function toFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (error instanceof TargetError) return new ApiFailure(400, error.code, error.message);
  // Not the caller's mistake and usually passing: 503 with the wait, so clients neither blame the input nor hammer.
  if (error instanceof LookupUnavailableError) return new ApiFailure(503, 'dns-unavailable', error.message, LookupUnavailableError.RETRY_SECONDS);
  if (isAbort(error)) return new ApiFailure(504, 'timeout', 'The check took too long and was stopped; try again, or check fewer ports.');
  return new ApiFailure(500, 'internal', 'The probe service failed unexpectedly; try again in a moment.');
}
