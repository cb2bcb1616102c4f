import { describe, expect, it } from 'vitest';
import { mechanismKind, authMechanisms, offersKind } from '../../src/core/diagnosis/mechanisms';

describe('login mechanisms by what a person chooses', () => {
  it('sorts the mechanisms servers offer into the settings mail programs have', () => {
    const kinds = Object.fromEntries(
      ['PLAIN', 'login', 'CRAM-MD5', 'DIGEST-MD5', 'SCRAM-SHA-256', 'NTLM', 'GSSAPI', 'XOAUTH2', 'OAUTHBEARER', 'EXTERNAL', 'ANONYMOUS', 'X-EXPS'].map((name) => [name, mechanismKind(name)]),
    );
    expect(kinds).toEqual({
      PLAIN: 'password',
      login: 'password',
      'CRAM-MD5': 'encrypted',
      'DIGEST-MD5': 'encrypted',
      'SCRAM-SHA-256': 'encrypted',
      NTLM: 'windows',
      GSSAPI: 'windows',
      XOAUTH2: 'account',
      OAUTHBEARER: 'account',
      EXTERNAL: 'certificate',
      ANONYMOUS: null,
      'X-EXPS': null,
    });
    expect(offersKind(['GSSAPI', 'NTLM'], 'password', 'encrypted')).toBe(false);
    expect(offersKind(['GSSAPI', 'NTLM', 'LOGIN'], 'password')).toBe(true);
  });

  it('reads the mechanisms of both AUTH line forms and nothing from other keywords', () => {
    expect(authMechanisms(['PIPELINING', 'AUTH GSSAPI NTLM', 'AUTH=LOGIN PLAIN', 'STARTTLS', 'AUTHX FOO'])).toEqual(['GSSAPI', 'NTLM', 'LOGIN', 'PLAIN']);
    expect(authMechanisms([])).toEqual([]);
  });
});
