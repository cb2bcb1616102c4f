/**
 * TCP connect and TLS handshake, each bounded, each resolving to an outcome instead of throwing.
 */
import net from 'node:net';
import tls from 'node:tls';

export type OpenSocket = (options: { host: string; port: number; family: 4 | 6 }) => net.Socket;

export type ConnectOutcome =
  | { kind: 'connected'; socket: net.Socket }
  | { kind: 'refused' | 'timeout' | 'unreachable'; code: string | null };

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL', 'EAI_FAIL']);

/** The host is always an IP literal, so node:net never asks DNS (no second lookup, no rebinding). */
const defaultOpenSocket: OpenSocket = ({ host, port, family }) => net.connect({ host, port, family });

export function tcpConnect(
  target: { host: string; port: number; family: 4 | 6 },
  timeoutMs: number,
  openSocket: OpenSocket = defaultOpenSocket,
): { done: Promise<ConnectOutcome>; cancel: () => void } {
  const socket = openSocket(target);
  // A reset that arrives between two awaits must never become an uncaught 'error' event.
  socket.on('error', () => {});
  let settle: (outcome: ConnectOutcome) => void = () => {};
  const done = new Promise<ConnectOutcome>((resolve) => {
    const timer = setTimeout(() => finish({ kind: 'timeout', code: null }), timeoutMs);
    const finish = (outcome: ConnectOutcome) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      if (outcome.kind !== 'connected') socket.destroy();
      resolve(outcome);
    };
    settle = finish;
    const onConnect = () => finish({ kind: 'connected', socket });
    const onError = (error: NodeJS.ErrnoException) => {
      const code = error.code ?? null;
      if (code === 'ECONNREFUSED') finish({ kind: 'refused', code });
      else if (code === 'ETIMEDOUT') finish({ kind: 'timeout', code });
      else if (code !== null && UNREACHABLE.has(code)) finish({ kind: 'unreachable', code });
      else finish({ kind: 'refused', code });
    };
    socket.once('connect', onConnect);
    socket.on('error', onError);
  });
  return { done, cancel: () => settle({ kind: 'timeout', code: 'ABORTED' }) };
}

export type HandshakeOutcome =
  | { kind: 'secure'; socket: tls.TLSSocket }
  /** `plaintextPeer`: OpenSSL read text where a TLS record belonged, so the peer speaks plaintext. */
  | { kind: 'failed'; reason: string; plaintextPeer: boolean }
  | { kind: 'timeout' };

/**
 * OpenSSL's words for "the bytes that came back are not TLS": the first byte of "220 " read as a
 * record header gives "wrong version number" (or "packet length too long" / "unknown protocol").
 */
const PLAINTEXT_PEER = /wrong version number|packet length too long|unknown protocol|http request|record layer failure/i;

/**
 * Key-exchange groups the probe offers: OpenSSL 3's default list in its order, then P-224 and P-192. In
 * TLS 1.2 a server's ECDSA certificate must be on a curve the client lists (RFC 8422 5.1.1), so without
 * the two a server with a weak-curve certificate could not be reached, only reported as a failed handshake.
 */
const PROBE_GROUPS = 'X25519:P-256:X448:P-521:P-384:ffdhe2048:ffdhe3072:ffdhe4096:ffdhe6144:ffdhe8192:P-224:P-192';

/** The list above when this Node's TLS library knows every group in it, else the library's default. */
const probeGroups: string = (() => {
  try {
    tls.createSecureContext({ ecdhCurve: PROBE_GROUPS });
    return PROBE_GROUPS;
  } catch {
    return tls.DEFAULT_ECDH_CURVE;
  }
})();

export function tlsHandshake(
  socket: net.Socket,
  hostname: string,
  timeoutMs: number,
): { done: Promise<HandshakeOutcome>; cancel: () => void } {
  const secure = tls.connect({
    socket,
    // RFC 6066 3: literal IP addresses are not permitted in SNI.
    ...(net.isIP(hostname) ? {} : { servername: hostname }),
    // Certificates are judged and reported, not enforced: a self-signed server is still worth describing.
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    // Security level 0: a server with a 512-bit key or a SHA-1 chain must still be reached to be described
    // (and warned about); the probe sends no secret over this connection. The cipher order stays Node's.
    ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0`,
    ecdhCurve: probeGroups,
  });
  secure.on('error', () => {});
  let settle: (outcome: HandshakeOutcome) => void = () => {};
  const done = new Promise<HandshakeOutcome>((resolve) => {
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const finish = (outcome: HandshakeOutcome) => {
      clearTimeout(timer);
      secure.off('secureConnect', onSecure);
      secure.off('error', onError);
      secure.off('close', onClose);
      if (outcome.kind !== 'secure') {
        secure.destroy();
        socket.destroy();
      }
      resolve(outcome);
    };
    settle = finish;
    const onSecure = () => finish({ kind: 'secure', socket: secure });
    const onError = (error: Error) =>
      finish({ kind: 'failed', reason: error.message, plaintextPeer: PLAINTEXT_PEER.test(error.message) });
    const onClose = () =>
      finish({ kind: 'failed', reason: 'the server closed the connection during the TLS handshake', plaintextPeer: false });
    secure.once('secureConnect', onSecure);
    secure.on('error', onError);
    secure.once('close', onClose);
  });
  return { done, cancel: () => settle({ kind: 'timeout' }) };
}
