/**
 * SMTP login mechanisms (RFC 4954 names them; the IANA SASL registry lists the rest) by what a person
 * chooses in a mail program, shared by the advice (recommend.ts) and the tables that show a port's logins.
 */

/**
 * - `password`: the password itself, readable without TLS (PLAIN, RFC 4616; LOGIN): a program's
 *   "normal password";
 * - `encrypted`: a challenge-response that never sends the password (CRAM-MD5 and the like): the
 *   program's "encrypted password";
 * - `windows`: Windows sign-in, NTLM (Outlook's "Secure Password Authentication") or Kerberos (GSSAPI),
 *   which a program set to a password does not try;
 * - `account`: a sign-in through the provider's login window (OAuth 2.0);
 * - `certificate`: a client certificate (EXTERNAL).
 */
export type MechanismKind = 'password' | 'encrypted' | 'windows' | 'account' | 'certificate';

const KINDS: ReadonlyArray<[MechanismKind, RegExp]> = [
  ['password', /^(PLAIN|LOGIN)$/i],
  ['encrypted', /^(CRAM-MD5|DIGEST-MD5|SCRAM-.+)$/i],
  ['windows', /^(NTLM|GSSAPI)$/i],
  ['account', /^(XOAUTH2|OAUTHBEARER)$/i],
  ['certificate', /^EXTERNAL$/i],
];

/** The kind of a mechanism, or null for one a mail program does not offer by name (ANONYMOUS, X-…). */
export function mechanismKind(mechanism: string): MechanismKind | null {
  return KINDS.find(([, pattern]) => pattern.test(mechanism))?.[0] ?? null;
}

/** Whether any of the mechanisms is of one of the kinds. */
export function offersKind(mechanisms: readonly string[], ...kinds: MechanismKind[]): boolean {
  return mechanisms.some((mechanism) => {
    const kind = mechanismKind(mechanism);
    return kind !== null && kinds.includes(kind);
  });
}

/**
 * Whether a login offered without TLS would let anyone on the path read what it sends: a password, an
 * account's bearer token, or a mechanism a mail program does not know by name. A challenge-response, a
 * Windows sign-in or a certificate never sends the secret itself.
 */
export function readableWithoutTls(mechanisms: readonly string[]): boolean {
  return mechanisms.some((mechanism) => {
    const kind = mechanismKind(mechanism);
    return kind === null || kind === 'password' || kind === 'account';
  });
}

/**
 * SASL mechanisms named by "AUTH PLAIN LOGIN" (RFC 4954 3) and by the pre-standard "AUTH=LOGIN PLAIN"
 * form that old Outlook versions needed and some servers still send: the probe's reading of an EHLO
 * reply (server/smtp/dialogue.ts) and the advice's reading of the keywords before STARTTLS.
 */
export function authMechanisms(keywords: readonly string[]): string[] {
  const mechanisms = new Set<string>();
  for (const line of keywords) {
    const match = /^AUTH[ =](.*)$/i.exec(line);
    if (!match) continue;
    for (const name of (match[1] ?? '').split(/\s+/)) {
      if (/^[A-Za-z0-9_-]{1,20}$/.test(name)) mechanisms.add(name.toUpperCase());
    }
  }
  return [...mechanisms];
}
