/** Certificate facts as a person needs them: expired, wrong name, self-signed, for STARTTLS and implicit TLS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialogue } from '../../src/server/smtp/dialogue';
import { certificateWorkshop, type CertificateWorkshop, type TestCertificate } from '../helpers/smtp-certs';
import { implicitTlsServer, scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const FAST = { connectMs: 1000, greetingMs: 1000, slowGreetingMs: 500, commandMs: 2000, totalMs: 6000 };

let workshop: CertificateWorkshop;
let expired: TestCertificate;
let wrongName: TestCertificate;
let cnOnly: TestCertificate;
const fixtures: Fixture[] = [];

beforeAll(() => {
  workshop = certificateWorkshop();
  expired = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], notBefore: '20200101000000Z', notAfter: '20210101000000Z' });
  wrongName = workshop.make({ commonName: 'mail.other.test', dnsNames: ['mail.other.test', 'smtp.other.test'] });
  cnOnly = workshop.make({ commonName: 'localhost', dnsNames: [] });
});

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  workshop?.cleanUp();
});

async function startTlsServer(certificate: TestCertificate): Promise<number> {
  const fixture = await scriptedSmtp({ certificate });
  fixtures.push(fixture);
  return fixture.port;
}

describe('certificate facts over STARTTLS', () => {
  it('an expired certificate is reported, and the dialogue still completes', async () => {
    const port = await startTlsServer(expired);
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST });
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({
      authorized: false,
      expired: true,
      matchesHost: true,
      selfSigned: true,
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: '2021-01-01T00:00:00.000Z',
    });
    expect(result.tls?.authorizationError).toMatch(/EXPIRED|SELF_SIGNED/);
  });

  it('a certificate for another name does not match the host', async () => {
    const port = await startTlsServer(wrongName);
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST });
    expect(result.tls).toMatchObject({
      authorized: false,
      matchesHost: false,
      expired: false,
      subject: 'mail.other.test',
      validNames: ['mail.other.test', 'smtp.other.test'],
    });
    expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(result.tls?.cipher).toBeTruthy();
    expect(result.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('without DNS names the common name is the valid name', async () => {
    const port = await startTlsServer(cnOnly);
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: 'localhost', timeouts: FAST });
    expect(result.tls?.validNames).toEqual(['localhost']);
  });

  it('an IP address as host name is checked against the certificate, and sends no SNI', async () => {
    let servername: string | false | null | undefined = 'unset';
    const fixture = await implicitTlsServer(wrongName, (socket) => {
      servername = socket.servername;
      socket.end('421 bye\r\n');
    });
    fixtures.push(fixture);
    const result = await runDialogue({ address: '127.0.0.1', family: 4, port: fixture.port, mode: 'implicit', hostname: '127.0.0.1', timeouts: FAST });
    expect(result.tls?.matchesHost).toBe(false);
    expect(servername).toBe(false);
    expect(result.state).toBe('rejected');
  });

  it('sends the host name as SNI for implicit TLS', async () => {
    let servername: string | false | null | undefined;
    const fixture = await implicitTlsServer(wrongName, (socket) => {
      servername = socket.servername;
      socket.end('554 no\r\n');
    });
    fixtures.push(fixture);
    await runDialogue({ address: '127.0.0.1', family: 4, port: fixture.port, mode: 'implicit', hostname: 'smtp.other.test', timeouts: FAST });
    expect(servername).toBe('smtp.other.test');
  });
});
