/** The probe against the smtp-server package, a third SMTP implementation besides Postfix and the raw fixtures. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogue } from '../../src/server/smtp/dialogue';
import { certificateWorkshop, type CertificateWorkshop } from '../helpers/smtp-certs';

const FAST = { connectMs: 1000, greetingMs: 2000, commandMs: 2000, totalMs: 8000 };
let workshop: CertificateWorkshop;
const servers: SMTPServer[] = [];

async function start(options: ConstructorParameters<typeof SMTPServer>[0]): Promise<number> {
  const server = new SMTPServer({ logger: false, ...options });
  server.on('error', () => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.server.address() as AddressInfo).port;
}

beforeAll(() => {
  workshop = certificateWorkshop();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  workshop?.cleanUp();
});

describe('smtp-server package', () => {
  it('STARTTLS submission: the AUTH list is the one after TLS', async () => {
    const { key, cert } = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
    const port = await start({ key, cert, authMethods: ['PLAIN', 'LOGIN'], onAuth: (_auth, _session, callback) => callback(new Error('no')) });
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST });
    expect(result).toMatchObject({ state: 'ok', security: 'starttls', auth: ['PLAIN', 'LOGIN'] });
    expect(result.ehlo.afterTls).toContain('AUTH PLAIN LOGIN');
    expect(result.ehlo.afterTls).not.toContain('STARTTLS');
  });

  it('implicit TLS (secure: true)', async () => {
    const { key, cert } = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
    const port = await start({ secure: true, key, cert, authMethods: ['PLAIN'], onAuth: (_auth, _session, callback) => callback(new Error('no')) });
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'implicit', hostname: 'localhost', timeouts: FAST });
    expect(result).toMatchObject({ state: 'ok', security: 'tls', auth: ['PLAIN'] });
  });

  it('hidden STARTTLS is starttls-missing, and the same server spoken to with implicit TLS is tls-unexpected', async () => {
    const port = await start({ hideSTARTTLS: true, authOptional: true, disabledCommands: ['AUTH'] });
    const plain = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST });
    expect(plain.state).toBe('starttls-missing');
    const implicit = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'implicit', hostname: 'localhost', timeouts: FAST });
    expect(implicit.state).toBe('tls-unexpected');
  });
});
