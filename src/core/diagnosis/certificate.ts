/** Judgements on a certificate's facts that the advice, the CLI and the extension share. */
import type { CertificateWeakness, TlsFacts } from '../api';

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
 * What makes the certificate's key or signature too weak, as facts, or [] when nothing does. The lines
 * are the CA/Browser Forum baseline for publicly trusted certificates: RSA and DSA at least 2048 bits,
 * EC curves of at least 256 bits, no SHA-1 (or older) signatures.
 */
export function certificateWeaknessFacts(tls: TlsFacts): CertificateWeakness[] {
  const weaknesses: CertificateWeakness[] = [];
  const bits = tls.keyBits ?? null;
  if (bits !== null && (tls.keyType === 'RSA' || tls.keyType === 'RSA-PSS' || tls.keyType === 'DSA') && bits < 2048) {
    weaknesses.push({ kind: 'short-key', keyType: tls.keyType, bits });
  }
  if (bits !== null && tls.keyType === 'EC' && bits < 256) {
    weaknesses.push({ kind: 'short-curve', bits, curve: tls.curve ?? null });
  }
  const signature = tls.signatureAlgorithm ?? null;
  if (signature !== null && WEAK_SIGNATURE.test(signature)) {
    weaknesses.push({ kind: 'weak-signature', algorithm: signature, hash: /sha1/i.test(signature) ? 'SHA-1' : 'MD5 or older' });
  }
  return weaknesses;
}

/** The same weaknesses in English words, for the CLI and the service's sentences. */
export function certificateWeaknesses(tls: TlsFacts): string[] {
  return certificateWeaknessFacts(tls).map((weakness) => {
    switch (weakness.kind) {
      case 'short-key':
        return `a ${weakness.bits}-bit ${weakness.keyType} key (at least 2048 bits are needed)`;
      case 'short-curve':
        return `a ${weakness.bits}-bit elliptic curve${weakness.curve ? ` (${weakness.curve})` : ''} (at least 256 bits are needed)`;
      case 'weak-signature':
        return `a ${weakness.hash} signature (${weakness.algorithm}), which can be forged`;
    }
  });
}
