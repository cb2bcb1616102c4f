/**
 * Recent reports, so a popup reopened or a second tab asking about the same server gets the answer
 * without knocking on the mail server again. A Map keeps insertion order, which makes it an LRU:
 * a hit is deleted and re-inserted at the end; the first key is the least recently used.
 */
import type { ProbeReport } from '../core/api';

interface Entry {
  expires: number;
  /** The report as sent on a hit (cached: true), serialised once. */
  json: string;
  report: ProbeReport;
}

export class ReportCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): { report: ProbeReport; json: string } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return null;
    this.entries.set(key, entry);
    return { report: entry.report, json: entry.json };
  }

  /** `expires` defaults to now + TTL; a report copied from the shared cache keeps the time it had there. */
  set(key: string, report: ProbeReport, expires = this.now() + this.ttlMs): void {
    if (!this.enabled || expires <= this.now()) return;
    const cached = { ...report, cached: true };
    this.entries.delete(key);
    this.entries.set(key, { expires: Math.min(expires, this.now() + this.ttlMs), report: cached, json: JSON.stringify(cached) });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
