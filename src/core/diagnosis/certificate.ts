/** Judgements on a certificate's facts that the advice, the CLI and the extension share. */
import type { TlsFacts } from '../api';

/**
 * Whether nobody that mail programs trust vouches for the certificate. `chainTrusted` answers it directly;
 * reports made before that field existed fall back on OpenSSL's single error code.
 */
export function untrustedChain(tls: TlsFacts): boolean {
  if (tls.chainTrusted !== undefined) return !tls.chainTrusted;
  const nameOrDateOnly = !tls.selfSigned && (tls.authorizationError === null || /ALTNAME|HOSTNAME|EXPIRED/i.test(tls.authorizationError));
  return !tls.authorized && !nameOrDateOnly;
}

/** Signature algorithms whose hash can be forged (SHA-1: SHAttered 2017; MD5, MD2 long before). */
const WEAK_SIGNATURE = /^(?:md2|md4|md5|sha1)WithRSA|^dsaWithSHA1$|^ecdsa-with-SHA1$/i;

/**
 * What makes the certificate's key or signature too weak, in words, or [] when nothing does. The lines
 * are the CA/Browser Forum baseline for publicly trusted certificates: RSA and DSA at least 2048 bits,
 * EC curves of at least 256 bits, no SHA-1 (or older) signatures.
 */
export function certificateWeaknesses(tls: TlsFacts): string[] {
  const weaknesses: string[] = [];
  const bits = tls.keyBits ?? null;
  if (bits !== null && (tls.keyType === 'RSA' || tls.keyType === 'RSA-PSS' || tls.keyType === 'DSA') && bits < 2048) {
    weaknesses.push(`a ${bits}-bit ${tls.keyType} key (at least 2048 bits are needed)`);
  }
  if (bits !== null && tls.keyType === 'EC' && bits < 256) {
    weaknesses.push(`a ${bits}-bit elliptic curve${tls.curve ? ` (${tls.curve})` : ''} (at least 256 bits are needed)`);
  }
  const signature = tls.signatureAlgorithm ?? null;
  if (signature !== null && WEAK_SIGNATURE.test(signature)) {
    weaknesses.push(`a ${/sha1/i.test(signature) ? 'SHA-1' : 'MD5 or older'} signature (${signature}), which can be forged`);
  }
  return weaknesses;
}
