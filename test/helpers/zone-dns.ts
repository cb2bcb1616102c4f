/**
 * A tiny authoritative DNS server on loopback (UDP, RFC 1035 messages) that answers SRV questions from
 * zone-file lines such as `_submission._tcp.example.net. 3600 IN SRV 0 1 587 smtp.example.net.`.
 * Any other name is NXDOMAIN, any other type of a known name is an empty answer. The probe's own
 * discovery then asks it through node:dns, exactly as it asks the system's resolver.
 *
 * Names listed in `failing` get what a broken DNS gives instead: SERVFAIL (RCODE 2), REFUSED (RCODE 5),
 * FORMERR (RCODE 1, "could not read the question"), or no answer at all (`silent`); a key `name/AAAA`
 * (or A, MX, SRV) fails that one question only.
 */
import { createSocket, type Socket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import type { DnsResolver } from '../../src/server/dns';

interface Srv {
  ttl: number;
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** Reads the SRV lines of a zone file; comments and blank lines are skipped, anything else is an error. */
export function readSrvZone(text: string): Map<string, Srv[]> {
  const records = new Map<string, Srv[]>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    if (line === '') continue;
    const match = /^(\S+)\s+(\d+)\s+IN\s+SRV\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)$/.exec(line);
    if (!match || !match[1]!.endsWith('.') || !match[6]!.endsWith('.')) throw new Error(`not an absolute SRV line: ${line}`);
    const name = match[1]!.slice(0, -1).toLowerCase();
    const list = records.get(name) ?? [];
    list.push({ ttl: Number(match[2]), priority: Number(match[3]), weight: Number(match[4]), port: Number(match[5]), target: match[6]!.slice(0, -1) });
    records.set(name, list);
  }
  return records;
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((label) => label !== '').map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** The question's name and the offset just after it (no compression in questions). */
function readQuestion(message: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (message[offset] !== 0) {
    const length = message[offset]!;
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += 1 + length;
  }
  offset += 1;
  return { name: labels.join('.').toLowerCase(), type: message.readUInt16BE(offset), end: offset + 4 };
}

export type DnsFailure = 'servfail' | 'refused' | 'formerr' | 'silent';

const FAILURE_RCODES: Record<Exclude<DnsFailure, 'silent'>, number> = { servfail: 2, refused: 5, formerr: 1 };
const TYPE_NAMES: Record<number, string> = { 1: 'A', 28: 'AAAA', 15: 'MX', 33: 'SRV' };

function failed(query: Buffer, end: number, rcode: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  return Buffer.concat([header, query.subarray(12, end)]);
}

function answer(query: Buffer, records: Map<string, Srv[]>): Buffer {
  const question = readQuestion(query);
  const known = records.get(question.name);
  const found = question.type === 33 && known ? known : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, AA, RD copied, RA; RCODE 3 (NXDOMAIN) for a name the zone does not have.
  header.writeUInt16BE(0x8000 | 0x0400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | (known ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(found.length, 6);
  const answers = found.map((record) => {
    const target = encodeName(record.target);
    const fixed = Buffer.alloc(2 + 2 + 2 + 4 + 2 + 6);
    fixed.writeUInt16BE(0xc00c, 0); // the question's name
    fixed.writeUInt16BE(33, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(record.ttl, 6);
    fixed.writeUInt16BE(6 + target.length, 10);
    fixed.writeUInt16BE(record.priority, 12);
    fixed.writeUInt16BE(record.weight, 14);
    fixed.writeUInt16BE(record.port, 16);
    return Buffer.concat([fixed, target]);
  });
  return Buffer.concat([header, query.subarray(12, question.end), ...answers]);
}

export interface ZoneDns {
  /** A resolver for the discovery code: node:dns pointed at this server only. */
  resolver: DnsResolver;
  /** Where it listens, as address:port. */
  server: string;
  questions: string[];
  close(): Promise<void>;
}

export async function startZoneDns(zone: string, failing: Record<string, DnsFailure> = {}): Promise<ZoneDns> {
  const records = readSrvZone(zone);
  const questions: string[] = [];
  const socket: Socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    try {
      const question = readQuestion(message);
      questions.push(question.name);
      const failure = failing[`${question.name}/${TYPE_NAMES[question.type] ?? question.type}`] ?? failing[question.name];
      if (failure === 'silent') return;
      socket.send(failure ? failed(message, question.end, FAILURE_RCODES[failure]) : answer(message, records), remote.port, remote.address);
    } catch {
      // A malformed question gets no answer, as from a real server that drops it.
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([`127.0.0.1:${socket.address().port}`]);
  return {
    server: `127.0.0.1:${socket.address().port}`,
    resolver: {
      resolve4: (name) => resolver.resolve4(name),
      resolve6: (name) => resolver.resolve6(name),
      resolveMx: (name) => resolver.resolveMx(name),
      resolveSrv: (name) => resolver.resolveSrv(name),
    },
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
