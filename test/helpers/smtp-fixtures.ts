/**
 * Throw-away servers on 127.0.0.1, port 0, that misbehave on purpose: each one stands for a kind
 * of server found in the wild. `scriptedSmtp` speaks just enough SMTP to reach the state under test
 * and records what the client said and when, so tests can assert the probe never spoke early.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { CertificateWorkshop, TestCertificate } from './smtp-certs';

export interface Fixture {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  /** Every line the client sent, with the time it arrived and whether TLS was on. */
  received: { line: string; at: number; tls: boolean }[];
  close(): Promise<void>;
}

async function listen(server: net.Server, fixture: Omit<Fixture, 'port' | 'close'>, sockets: Set<net.Socket>): Promise<Fixture> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return Object.assign(fixture, {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** A plain TCP server that hands every accepted socket to `onConnection`. */
export function rawServer(onConnection: (socket: net.Socket, fixture: Fixture) => void): Promise<Fixture> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0, received: [] as Fixture['received'] };
  const server = net.createServer((socket) => {
    state.connections += 1;
    onConnection(socket, state as Fixture);
  });
  return listen(server, state, sockets);
}

/** A TLS-from-the-first-byte server (like port 465) that hands every secured socket to `onSecure`. */
export function implicitTlsServer(certificate: TestCertificate, onSecure: (socket: tls.TLSSocket) => void, tlsOptions: tls.TlsOptions = {}): Promise<Fixture> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0, received: [] as Fixture['received'] };
  const server = tls.createServer({ key: certificate.key, cert: certificate.cert, ...tlsOptions }, (socket) => {
    socket.on('error', () => {});
    onSecure(socket);
  });
  server.on('connection', () => (state.connections += 1));
  server.on('tlsClientError', () => {});
  return listen(server, state, sockets);
}

export interface SmtpScript {
  /** Sent on connect; the default is a one-line 220. Lines are sent as given (include CRLF). */
  greeting?: string;
  /** Milliseconds before the greeting, or before its last line when `teaser` is set. */
  greetingDelayMs?: number;
  /** Sent at once, before the delay: postscreen's multi-line "220-" teaser. */
  teaser?: string;
  /** Certificate for STARTTLS; without it STARTTLS is not offered. */
  certificate?: TestCertificate;
  /** Answers a command; return undefined for the default behaviour below. */
  respond?: (command: string, session: { tls: boolean }) => string | undefined;
  /** What to do after a 220 to STARTTLS: a real handshake, or garbage instead of TLS. */
  afterStartTls?: 'handshake' | 'garbage' | 'close';
  /** Offer AUTH before TLS too (a misconfigured server). */
  authBeforeTls?: boolean;
  /** Extra server TLS settings for the STARTTLS handshake (old protocol versions, security level 0...). */
  tlsOptions?: tls.TlsOptions;
}

/** A minimal scripted SMTP server: just enough to walk the probe into each state. */
export function scriptedSmtp(script: SmtpScript): Promise<Fixture> {
  return rawServer((socket, fixture) => {
    const greeting = script.greeting ?? '220 fixture.test ESMTP ready\r\n';
    if (script.teaser) socket.write(script.teaser);
    const timer = setTimeout(() => socket.write(greeting), script.greetingDelayMs ?? 0);
    socket.on('close', () => clearTimeout(timer));
    converse(socket, false, script, fixture);
  });
}

function defaultReply(command: string, isTls: boolean, script: SmtpScript): string {
  const verb = command.split(' ')[0]?.toUpperCase();
  if (verb === 'EHLO') {
    const lines = ['fixture.test greets you', 'PIPELINING'];
    if (!isTls && script.certificate) lines.push('STARTTLS');
    if (isTls || script.authBeforeTls) lines.push('AUTH PLAIN LOGIN');
    lines.push('8BITMIME');
    return lines.map((line, i) => `250${i === lines.length - 1 ? ' ' : '-'}${line}\r\n`).join('');
  }
  if (verb === 'HELO') return '250 fixture.test\r\n';
  if (verb === 'STARTTLS') return script.certificate && !isTls ? '220 2.0.0 Ready to start TLS\r\n' : '502 5.5.1 Not offered\r\n';
  if (verb === 'QUIT') return '221 2.0.0 Bye\r\n';
  return '502 5.5.2 Command not recognized\r\n';
}

function converse(socket: net.Socket, isTls: boolean, script: SmtpScript, fixture: Fixture): void {
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let end: number;
    while ((end = pending.indexOf('\r\n')) !== -1) {
      const command = pending.slice(0, end);
      pending = pending.slice(end + 2);
      fixture.received.push({ line: command, at: Date.now(), tls: isTls });
      const reply = script.respond?.(command, { tls: isTls }) ?? defaultReply(command, isTls, script);
      socket.write(reply);
      const verb = command.toUpperCase();
      if (verb === 'QUIT' || reply.startsWith('421')) {
        socket.end();
        return;
      }
      if (verb === 'STARTTLS' && reply.startsWith('220') && script.certificate) {
        socket.off('data', onData);
        upgrade(socket, script, fixture);
        return;
      }
    }
  };
  socket.on('data', onData);
}

function upgrade(socket: net.Socket, script: SmtpScript, fixture: Fixture): void {
  const certificate = script.certificate as TestCertificate;
  if (script.afterStartTls === 'garbage') {
    socket.end('this is not TLS\r\n');
    return;
  }
  if (script.afterStartTls === 'close') {
    socket.destroy();
    return;
  }
  const secure = new tls.TLSSocket(socket, { isServer: true, key: certificate.key, cert: certificate.cert, ...script.tlsOptions });
  secure.on('error', () => {});
  converse(secure, true, script, fixture);
}

/** A port number on 127.0.0.1 where nothing listens (bound, then closed again). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A minimal submission server on implicit TLS: a greeting in `name`'s words, EHLO with AUTH PLAIN LOGIN,
 * QUIT, and 502 for anything else.
 */
export function implicitSubmissionServer(certificate: TestCertificate, name: string, greeting: string, tlsOptions: tls.TlsOptions = {}): Promise<Fixture> {
  return implicitTlsServer(
    certificate,
    (socket) => {
      socket.write(`220 ${name} ${greeting}\r\n`);
      let pending = '';
      socket.on('data', (chunk: Buffer) => {
        pending += chunk.toString('latin1');
        let end: number;
        while ((end = pending.indexOf('\r\n')) !== -1) {
          const verb = pending.slice(0, end).split(' ')[0]!.toUpperCase();
          pending = pending.slice(end + 2);
          if (verb === 'EHLO') socket.write(`250-${name}\r\n250 AUTH PLAIN LOGIN\r\n`);
          else if (verb === 'QUIT') socket.end('221 Bye\r\n');
          else socket.write('502 Not here\r\n');
        }
      });
    },
    tlsOptions,
  );
}

/**
 * A tiny SMTP server on implicit TLS with its own certificate and greeting name: the stand-in for an
 * antivirus mail shield or a provider's proxy answering port 465 in the real server's place.
 */
export function mailShield(workshop: CertificateWorkshop): Promise<Fixture> {
  const certificate = workshop.make({ commonName: 'mail-shield.test', dnsNames: ['mail-shield.test'] });
  return implicitSubmissionServer(certificate, 'mail-shield.test', 'ESMTP scanning your mail');
}
