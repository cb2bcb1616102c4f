/**
 * A tiny authoritative DNS server on loopback (UDP, RFC 1035 messages) that answers SRV, MX and A questions
 * from zone-file lines such as `_submission._tcp.example.net. 3600 IN SRV 0 1 587 smtp.example.net.`,
 * `example.net. 3600 IN MX 10 mx.example.net.` and `smtp.example.net. 3600 IN A 127.0.0.1`. Any other name is NXDOMAIN, any other type of a known name is
 * an empty answer. The probe's own
 * discovery then asks it through node:dns, exactly as it asks the system's resolver.
 *
 * Names listed in `failing` get what a broken DNS gives instead: SERVFAIL (RCODE 2), REFUSED (RCODE 5),
 * FORMERR (RCODE 1, "could not read the question"), or no answer at all (`silent`); a key `name/AAAA`
 * (or A, MX, SRV) fails that one question only.
 */
import { createSocket, type Socket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import type { DnsResolver } from '../../src/server/dns';

type ZoneRecord =
  | { type: 33; ttl: number; priority: number; weight: number; port: number; target: string }
  | { type: 15; ttl: number; preference: number; exchange: string }
  | { type: 1; ttl: number; address: string };

/** Reads the SRV, MX and A lines of a zone file; comments and blank lines are skipped, anything else is an error. */
export function readZone(text: string): Map<string, ZoneRecord[]> {
  const records = new Map<string, ZoneRecord[]>();
  const add = (owner: string, record: ZoneRecord) => {
    const name = owner.slice(0, -1).toLowerCase();
    records.set(name, [...(records.get(name) ?? []), record]);
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    if (line === '') continue;
    const srv = /^(\S+\.)\s+(\d+)\s+IN\s+SRV\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+\.)$/.exec(line);
    const a = /^(\S+\.)\s+(\d+)\s+IN\s+A\s+(\d{1,3}(?:\.\d{1,3}){3})$/.exec(line);
    const mx = /^(\S+\.)\s+(\d+)\s+IN\s+MX\s+(\d+)\s+(\S+\.)$/.exec(line);
    if (mx) add(mx[1]!, { type: 15, ttl: Number(mx[2]), preference: Number(mx[3]), exchange: mx[4]!.slice(0, -1) });
    else if (srv) add(srv[1]!, { type: 33, ttl: Number(srv[2]), priority: Number(srv[3]), weight: Number(srv[4]), port: Number(srv[5]), target: srv[6]!.slice(0, -1) });
    else if (a) add(a[1]!, { type: 1, ttl: Number(a[2]), address: a[3]! });
    else throw new Error(`not an absolute SRV, MX or A line: ${line}`);
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

/** One answer record's data (RDATA). */
function recordData(record: ZoneRecord): Buffer {
  if (record.type === 1) return Buffer.from(record.address.split('.').map(Number));
  if (record.type === 15) return Buffer.concat([Buffer.from([record.preference >> 8, record.preference & 0xff]), encodeName(record.exchange)]);
  const fixed = Buffer.alloc(6);
  fixed.writeUInt16BE(record.priority, 0);
  fixed.writeUInt16BE(record.weight, 2);
  fixed.writeUInt16BE(record.port, 4);
  return Buffer.concat([fixed, encodeName(record.target)]);
}

function answer(query: Buffer, records: Map<string, ZoneRecord[]>): Buffer {
  const question = readQuestion(query);
  const known = records.get(question.name);
  const found = (known ?? []).filter((record) => record.type === question.type);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, AA, RD copied, RA; RCODE 3 (NXDOMAIN) for a name the zone does not have.
  header.writeUInt16BE(0x8000 | 0x0400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | (known ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(found.length, 6);
  const answers = found.map((record) => {
    const data = recordData(record);
    const fixed = Buffer.alloc(2 + 2 + 2 + 4 + 2);
    fixed.writeUInt16BE(0xc00c, 0); // the question's name
    fixed.writeUInt16BE(record.type, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(record.ttl, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
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
  const records = readZone(zone);
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
