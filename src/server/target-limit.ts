/**
 * A per-target limit on top of the per-client one: many clients (or one client with many addresses) must
 * not turn the service into a tool that hammers one mail server. Sliding window of start times per target;
 * the map is bounded so a flood of distinct targets cannot grow memory without end.
 */
export class TargetLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly maxTargets = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a probe of `target`; returns null when allowed, else the seconds to wait. */
  take(target: string): number | null {
    if (this.perMinute <= 0) return null;
    const now = this.now();
    const windowStart = now - 60_000;
    const recent = (this.starts.get(target) ?? []).filter((time) => time > windowStart);
    if (recent.length >= this.perMinute) {
      this.starts.set(target, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.starts.delete(target);
    this.starts.set(target, recent);
    while (this.starts.size > this.maxTargets) {
      const oldest = this.starts.keys().next();
      if (oldest.done) break;
      this.starts.delete(oldest.value);
    }
    return null;
  }
}
