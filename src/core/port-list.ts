/**
 * The one rule for a list of ports to check, wherever a list comes from: the HTTP API, the CLI's
 * --ports, the native host's requests, the options and policy, and the CLI's test network variables.
 * Pure, so the extension shares it.
 *
 * A list is an array of numbers (JSON inputs, checkPortList) or comma-separated text (command lines and
 * environment, checkPortText);
 * each entry is one of PROBE_PORTS; it is not empty and has at most MAX_PORT_ENTRIES entries;
 * a port listed twice counts once, and the order given is kept.
 */
import { isProbePort, PROBE_PORTS, type ProbePort } from './api';

export const MAX_PORT_ENTRIES = 16;

export type PortListCheck = { ok: true; ports: ProbePort[] } | { ok: false; message: string };

const CHOICES = PROBE_PORTS.join(', ');

function describe(entry: unknown): string {
  const text = typeof entry === 'string' ? `"${entry}"` : JSON.stringify(entry) ?? String(entry);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A list given as comma-separated text ("25, 587"), read into entries and held to the same rule. */
export function checkPortText(text: string): PortListCheck {
  const entries = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (/^\d{1,5}$/.test(item) ? Number(item) : item));
  return checkPortList(entries);
}

/** A list given as JSON: an array of numbers. */
export function checkPortList(value: unknown): PortListCheck {
  if (!Array.isArray(value)) return { ok: false, message: `Choose one or more of the ports ${CHOICES}, as a list of numbers.` };
  const entries: unknown[] = value;
  if (entries.length === 0) return { ok: false, message: `Choose one or more of the ports ${CHOICES}.` };
  if (entries.length > MAX_PORT_ENTRIES) return { ok: false, message: `The list has ${entries.length} entries; give at most ${MAX_PORT_ENTRIES}, from ${CHOICES}.` };
  const ports: ProbePort[] = [];
  for (const entry of entries) {
    if (!isProbePort(entry)) return { ok: false, message: `Port ${describe(entry)} is not one of ${CHOICES}.` };
    if (!ports.includes(entry)) ports.push(entry);
  }
  return { ok: true, ports };
}
