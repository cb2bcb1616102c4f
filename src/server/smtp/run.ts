/**
 * The bookkeeping of one port check: the overall deadline, the caller's AbortSignal, the clock,
 * and every socket opened, so that whatever happens all of them are destroyed at the end.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ProbeTimeouts } from './timeouts';

export interface Cancelable<T> {
  done: Promise<T>;
  cancel: () => void;
}

/**
 * Operations of one side branch of a check (the parallel TLS try), cancelled together when the main
 * branch no longer needs them, without stopping the whole run.
 */
export class CancelScope {
  private done = false;
  private readonly cancels = new Set<() => void>();

  get cancelled(): boolean {
    return this.done;
  }

  add<T>(operation: Cancelable<T>): Cancelable<T> {
    if (this.done) {
      operation.cancel();
      return operation;
    }
    this.cancels.add(operation.cancel);
    void operation.done.finally(() => this.cancels.delete(operation.cancel));
    return operation;
  }

  cancel(): void {
    this.done = true;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}

export class ProbeRun {
  stopReason: 'deadline' | 'aborted' | null = null;
  private readonly started = performance.now();
  private readonly cancels = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private readonly deadline: NodeJS.Timeout;
  private readonly onAbort = () => this.stop('aborted');

  constructor(
    readonly timeouts: Required<ProbeTimeouts>,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.deadline = setTimeout(() => this.stop('deadline'), timeouts.totalMs);
    if (signal?.aborted) this.stopReason = 'aborted';
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get stopped(): boolean {
    return this.stopReason !== null;
  }

  elapsed(): number {
    return Math.round(performance.now() - this.started);
  }

  /** A wait of `ms`, shortened so that it never outlives the overall deadline. */
  private within(ms: number): number {
    return Math.max(1, Math.min(ms, this.timeouts.totalMs - this.elapsed()));
  }

  /**
   * Starts an operation with its own time limit of `ms`, shortened to the overall deadline, and awaits
   * it. When the shortened limit is what ran out, the deadline has passed even if its timer has not
   * fired yet (both expire in the same tick), so the run counts as stopped by the deadline.
   */
  async bounded<T extends { kind: string }>(ms: number, start: (limitMs: number) => Cancelable<T>, scope?: CancelScope): Promise<T> {
    const limit = this.within(ms);
    const operation = start(limit);
    const result = await this.wait(scope ? scope.add(operation) : operation);
    if (result.kind === 'timeout' && limit < ms && !scope?.cancelled) this.stop('deadline');
    return result;
  }

  /** Awaits an operation that the deadline or the caller's signal can cut short. */
  async wait<T>(operation: Cancelable<T>): Promise<T> {
    if (this.stopped) operation.cancel();
    this.cancels.add(operation.cancel);
    try {
      return await operation.done;
    } finally {
      this.cancels.delete(operation.cancel);
    }
  }

  track(socket: Socket): void {
    this.sockets.add(socket);
  }

  dispose(): void {
    clearTimeout(this.deadline);
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private stop(reason: 'deadline' | 'aborted'): void {
    if (this.stopped) return;
    this.stopReason = reason;
    for (const cancel of this.cancels) cancel();
  }
}
