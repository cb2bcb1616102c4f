/**
 * What the provider's configuration file publishes reaches the probe and the advice unchanged: implicit
 * TLS on 587 is probed and recommended as implicit TLS, an encrypted password stays an encrypted password,
 * and the user name is the one the file asks for. Real SMTP servers on loopback port 587 (an address of
 * their own, 127.0.0.200 and .201, so Postfix and the interop servers are not in the way), a real HTTP
 * server for the autoconfig file; only DNS answers from a table, since the names are made up.
 */
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsResolver } from '../../src/server/dns';
import { createSafeFetch } from '../../src/server/discovery';
import { probeTarget } from '../../src/server/probe';
import { certificateWorkshop, type CertificateWorkshop, type TestCertificate } from '../helpers/smtp-certs';

const IMPLICIT_HOST = '127.0.0.200';
const STARTTLS_HOST = '127.0.0.201';
const FAST = { connectMs: 1000, greetingMs: 1500, slowGreetingMs: 1000, commandMs: 2000, totalMs: 8000 };

let workshop: CertificateWorkshop;
let certificate: TestCertificate;
const servers: Array<net.Server | Server> = [];
const sockets = new Set<net.Socket>();
let origin = '';

/** name → XML of its autoconfig file. */
const files = new Map<string, string>();

function autoconfig(hostname: string, socketType: string, username: string, authentication: string): string {
  return `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="x"><domain>x</domain>
  <outgoingServer type="smtp"><hostname>${hostname}</hostname><port>587</port><socketType>${socketType}</socketType>
    <username>${username}</username><authentication>${authentication}</authentication></outgoingServer>
</emailProvider></clientConfig>`;
}

/** Just enough SMTP: greeting, EHLO with STARTTLS (in plaintext) or AUTH (under TLS), QUIT. */
function speakSmtp(socket: net.Socket, secure: boolean): void {
  socket.on('error', () => undefined);
  socket.write('220 fixture.test ESMTP\r\n');
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let end: number;
    while ((end = pending.indexOf('\r\n')) !== -1) {
      const command = pending.slice(0, end).toUpperCase();
      pending = pending.slice(end + 2);
      if (command.startsWith('EHLO')) {
        socket.write(secure ? '250-fixture.test\r\n250 AUTH CRAM-MD5 PLAIN LOGIN\r\n' : '250-fixture.test\r\n250 STARTTLS\r\n');
      } else if (command === 'STARTTLS' && !secure) {
        socket.write('220 go ahead\r\n');
        socket.off('data', onData);
        const upgraded = new tls.TLSSocket(socket, { isServer: true, key: certificate.key, cert: certificate.cert });
        upgraded.once('secure', () => {
          upgraded.on('error', () => undefined);
          let again = '';
          upgraded.on('data', (data: Buffer) => {
            again += data.toString('latin1');
            let stop: number;
            while ((stop = again.indexOf('\r\n')) !== -1) {
              const line = again.slice(0, stop).toUpperCase();
              again = again.slice(stop + 2);
              if (line.startsWith('EHLO')) upgraded.write('250-fixture.test\r\n250 AUTH PLAIN LOGIN\r\n');
              else if (line === 'QUIT') upgraded.end('221 bye\r\n');
              else upgraded.write('502 no\r\n');
            }
          });
        });
        upgraded.on('error', () => undefined);
        return;
      } else if (command === 'QUIT') {
        socket.end('221 bye\r\n');
      } else {
        socket.write('502 no\r\n');
      }
    }
  };
  socket.on('data', onData);
}

function listen(server: net.Server | Server, host: string, port: number): Promise<void> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

const resolver: DnsResolver = {
  resolve4: async (name) => {
    const table: Record<string, string[]> = { 'smtp.implicit.test': [IMPLICIT_HOST], 'smtp.outdated.test': [STARTTLS_HOST], 'implicit.test': [IMPLICIT_HOST] };
    if (table[name]) return table[name];
    throw Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolve6: async (name) => {
    throw Object.assign(new Error(`queryAaaa ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolveMx: async (name) => {
    throw Object.assign(new Error(`queryMx ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolveSrv: async (name) => {
    throw Object.assign(new Error(`querySrv ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
};

function probe(target: string) {
  return probeTarget(target, {
    resolver,
    fetch: createSafeFetch({ allowHttp: true, allowPrivate: true }),
    ispdbUrl: `${origin}/ispdb/`,
    autoconfigUrls: (domain) => [`${origin}/autoconfig/${domain}`],
    allowPrivate: true,
    ports: [465, 587],
    timeouts: FAST,
  });
}

beforeAll(async () => {
  workshop = certificateWorkshop();
  certificate = workshop.make({ commonName: 'smtp.implicit.test', dnsNames: ['smtp.implicit.test', 'smtp.outdated.test'] });
  files.set('/autoconfig/implicit.test', autoconfig('smtp.implicit.test', 'SSL', '%EMAILLOCALPART%', 'password-encrypted'));
  // The file promises SSL on 587, but the server there speaks plain SMTP with STARTTLS.
  files.set('/autoconfig/outdated.test', autoconfig('smtp.outdated.test', 'SSL', '%EMAILADDRESS%', 'password-cleartext'));
  const http = createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/xml' }).end(body ?? 'not found');
  });
  await listen(http, '127.0.0.1', 0);
  const address = http.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await listen(tls.createServer({ key: certificate.key, cert: certificate.cert }, (socket) => speakSmtp(socket, true)), IMPLICIT_HOST, 587);
  await listen(net.createServer((socket) => speakSmtp(socket, false)), STARTTLS_HOST, 587);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  workshop?.cleanUp();
});

describe('settings as the provider publishes them', () => {
  it('SSL on 587 is probed with TLS from the first byte and recommended as SSL/TLS, with the encrypted login and the user name', async () => {
    const report = await probe('jdoe@implicit.test');
    expect(report.server).toBe('smtp.implicit.test');
    const port587 = report.ports.find((result) => result.port === 587);
    expect(port587).toMatchObject({ state: 'ok', security: 'tls', auth: ['CRAM-MD5', 'PLAIN', 'LOGIN'] });
    expect(report.recommendation).toMatchObject({
      server: 'smtp.implicit.test',
      port: 587,
      security: 'tls',
      authentication: 'encrypted-password',
      username: { form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'jdoe' },
    });
    expect(report.recommendation?.summary).toBe(
      'Use smtp.implicit.test, port 587 with implicit TLS, and sign in as jdoe with your email password, set to "encrypted password" (challenge-response, such as CRAM-MD5).',
    );
  });

  it('with only the domain, the advice says which form the user name takes', async () => {
    const report = await probe('implicit.test');
    expect(report.recommendation?.username).toEqual({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: null });
    expect(report.recommendation?.summary).toContain('sign in with the part of your address before the @ as user name and your email password');
  });

  it('a file that promises SSL where the server speaks plain SMTP still gets the STARTTLS try', async () => {
    const report = await probe('ann@outdated.test');
    expect(report.ports.find((result) => result.port === 587)).toMatchObject({ state: 'ok', security: 'starttls' });
    expect(report.recommendation).toMatchObject({
      port: 587,
      security: 'starttls',
      authentication: 'password',
      username: { form: 'address', value: 'ann@outdated.test' },
    });
  });
});
