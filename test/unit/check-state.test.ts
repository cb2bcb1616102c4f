import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src/core/api';
import { errorFromApi } from '../../src/extension/check/check-state';

describe('errorFromApi', () => {
  it('gives a failing DNS its own kind, with the wait the service asked for', () => {
    expect(errorFromApi('dns-unavailable', 'mail.example.net could not be looked up: …', 30)).toEqual({
      kind: 'dns',
      detail: 'mail.example.net could not be looked up: …',
      retryAfterSeconds: 30,
    });
  });

  it('reads every code the service sends as what it means; only its own failures are "server"', () => {
    const kinds = Object.fromEntries(API_ERROR_CODES.map((code) => [code, errorFromApi(code, '', null).kind]));
    expect(kinds).toEqual({
      'invalid-request': 'invalid',
      'invalid-target': 'invalid',
      'refused-target': 'refused',
      'not-found': 'server',
      'rate-limited': 'rate-limited',
      busy: 'busy',
      'dns-unavailable': 'dns',
      timeout: 'timeout',
      internal: 'server',
    });
  });
});
