/**
 * The report a /v1/probe answer carries, read the way a client reads it: the JSON body, or the NDJSON
 * stream, which must be exactly start, one port line, done. Shared by the service tests that ask with
 * either Accept header.
 */
import { expect } from 'vitest';
import type { ProbeEvent, ProbeReport } from '../../src/core/api';

export function reportFromBody(body: string, ndjson: boolean): ProbeReport {
  if (!ndjson) return JSON.parse(body) as ProbeReport;
  const events = body.trim().split('\n').map((line) => JSON.parse(line) as ProbeEvent);
  expect(events.map((event) => event.type)).toEqual(['start', 'port', 'done']);
  const done = events[2]!;
  if (done.type !== 'done') throw new Error('no done event');
  return done.report;
}
