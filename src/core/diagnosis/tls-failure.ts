/**
 * A failed TLS handshake in plain words. OpenSSL's text ("error:0A00042E:SSL routines::tlsv1 alert
 * protocol version:../deps/openssl/...") is for experts and stays in `PortResult.tlsError`; what a person
 * reads is what the server did and what it usually means.
 */

/** TLS alerts by their description (RFC 8446 6, RFC 5246 7.2), with what each usually means on a mail server. */
const ALERTS: Record<string, string> = {
  'protocol version': 'it speaks only TLS 1.0 or 1.1, too old for current mail programs',
  'handshake failure': 'it shares no cipher or key exchange with the probe, or has no usable certificate',
  'internal error': 'something broke inside the server, often a missing or unreadable certificate or key',
  'unrecognized name': 'it has no certificate for the host name the probe asked for',
  'insufficient security': 'it wants stronger ciphers than the probe offered',
  'illegal parameter': 'it rejected a value in the probe’s opening message',
  'decode error': 'it could not read the probe’s opening message',
  'unexpected message': 'it did not expect the probe’s message at that point',
  'certificate required': 'it demands a client certificate',
  'bad certificate': 'it demands a client certificate the probe does not have',
  'access denied': 'it refuses this client',
  'no application protocol': 'it wants an application protocol the probe did not name',
  'decrypt error': 'a signature or key check failed on the server',
  'record overflow': 'it received a record it considers too long',
};

/** The alert's name as OpenSSL spells it in its reason ("sslv3 alert handshake failure", "tlsv13 alert certificate required"). */
export function tlsAlertOf(raw: string): string | null {
  const match = /\b(?:sslv3|tlsv1|tlsv13) alert ([a-z ]+?)(?=:|$|\s*\()/i.exec(raw);
  return match ? match[1]!.toLowerCase().trim() : null;
}

/** What went wrong, as words that fit after "the TLS handshake failed: ". Never contains OpenSSL's raw text. */
export function describeTlsFailure(raw: string | undefined | null): string {
  if (!raw) return 'no reason was given';
  const alert = tlsAlertOf(raw);
  if (alert) {
    const meaning = ALERTS[alert];
    return `the server sent the TLS alert "${alert}"${meaning ? `, which usually means ${meaning}` : ''}`;
  }
  if (/wrong version number|packet length too long|unknown protocol|http request|record layer failure/i.test(raw)) {
    return 'what came back was not TLS';
  }
  if (/unsupported protocol/i.test(raw)) return 'the server only offered an outdated TLS version that the probe does not accept';
  if (/no suitable signature|no shared (?:cipher|signature)|no cipher/i.test(raw)) return 'the server and the probe share no cipher or signature algorithm';
  if (/(?:ee|ca|dh) key too small/i.test(raw)) return 'the server’s key is too small to be accepted';
  if (/ECONNRESET|socket disconnected|socket hang up|closed the connection/i.test(raw)) return 'the server closed the connection in the middle of the handshake';
  if (/no answer/i.test(raw)) return 'the server did not answer the handshake';
  // An OpenSSL reason is the field after "SSL routines:<function>:"; its words are readable, its codes are not.
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(raw)?.[1]?.trim();
  if (reason) return `the TLS library reported "${reason}"`;
  if (/error:[0-9A-F]{8}|openssl/i.test(raw)) return 'the TLS library reported an error';
  return raw.length > 80 ? `${raw.slice(0, 79)}…` : raw;
}
