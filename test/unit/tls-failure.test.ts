import { describe, expect, it } from 'vitest';
import { describeTlsFailure, tlsAlertOf } from '../../src/core/diagnosis/tls-failure';

/** Reasons as Node 20 with OpenSSL 3.0 reports them for a failed client handshake. */
const PROTOCOL_VERSION = '80FC251FBC7F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70';
const HANDSHAKE_FAILURE = '80FC251FBC7F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40';
const INTERNAL_ERROR = 'error:0A000438:SSL routines::tlsv1 alert internal error';
const RAW = /error:[0-9A-F]{8}|SSL routines|deps\/openssl|\.c:\d+|alert number/;

describe('TLS failures in words', () => {
  it('names the alert the server sent and what it usually means', () => {
    expect(tlsAlertOf(PROTOCOL_VERSION)).toBe('protocol version');
    expect(tlsAlertOf(HANDSHAKE_FAILURE)).toBe('handshake failure');
    expect(tlsAlertOf(INTERNAL_ERROR)).toBe('internal error');
    expect(describeTlsFailure(PROTOCOL_VERSION)).toBe('the server sent the TLS alert "protocol version", which usually means it speaks only TLS 1.0 or 1.1, too old for current mail programs');
    expect(describeTlsFailure(INTERNAL_ERROR)).toMatch(/^the server sent the TLS alert "internal error", which usually means .*certificate/);
  });

  it('never passes OpenSSL text through', () => {
    const reasons = [
      PROTOCOL_VERSION,
      HANDSHAKE_FAILURE,
      INTERNAL_ERROR,
      '80FC251FBC7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:355:',
      '80FC251FBC7F0000:error:0A000102:SSL routines:tls_early_post_process_client_hello:unsupported protocol:../deps/openssl/openssl/ssl/statem/statem_srvr.c:1664:',
      '80FC251FBC7F0000:error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature algorithm:../deps/openssl/openssl/ssl/t1_lib.c:3242:',
      '80FC251FBC7F0000:error:0A0000C1:SSL routines:tls_post_process_client_hello:some future reason:../deps/openssl/openssl/ssl/statem/statem_srvr.c:2220:',
      'error:0A0000FF:lib(0)::reason(255)',
      'Client network socket disconnected before secure TLS connection was established',
    ];
    for (const reason of reasons) {
      const words = describeTlsFailure(reason);
      expect(words, reason).not.toMatch(RAW);
      expect(words.length, reason).toBeGreaterThan(10);
    }
    expect(describeTlsFailure(reasons[6])).toBe('the TLS library reported "some future reason"');
    expect(describeTlsFailure(undefined)).toBe('no reason was given');
  });
});
