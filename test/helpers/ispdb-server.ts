/**
 * A stand-in for Thunderbird's ISPDB on loopback, over real HTTPS: the CLI and the service read it
 * exactly as they read autoconfig.thunderbird.net, given `ISPDB_URL` and, so that its certificate is
 * trusted, `NODE_EXTRA_CA_CERTS` (the self-signed certificate is its own authority).
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { certificateWorkshop } from './smtp-certs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface IspdbServer {
  /** Base URL for ISPDB_URL, ending in "/". */
  url: string;
  /** PEM file for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  close(): Promise<void>;
}

/** An outgoing-server-only provider file in the ISPDB's format (clientConfig 1.1). */
export function providerFile(domain: string, server: { hostname: string; port: number; socketType: string; username: string; authentication: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>Test provider</displayName>
    <outgoingServer type="smtp">
      <hostname>${server.hostname}</hostname>
      <port>${server.port}</port>
      <socketType>${server.socketType}</socketType>
      <username>${server.username}</username>
      <authentication>${server.authentication}</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
`;
}

/** Serves `files` (domain → XML) at https://localhost:PORT/DOMAIN; anything else is 404. */
export async function startIspdb(files: Record<string, string>): Promise<IspdbServer> {
  const workshop = certificateWorkshop();
  const certificate = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
  workshop.cleanUp();
  const dir = mkdtempSync(join(tmpdir(), 'ispdb-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, certificate.cert);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const body = files[decodeURIComponent(new URL(request.url ?? '/', 'https://localhost').pathname.slice(1))];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/xml' }).end(body ?? 'not found');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `https://localhost:${port}/`,
    caFile,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
