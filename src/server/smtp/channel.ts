/**
 * One SMTP connection as "send a line / wait for a reply", with every wait bounded.
 * Reads never reject: they resolve to an outcome the dialogue turns into a port state.
 */
import type { Socket } from 'node:net';
import { LineSplitter, ReplyAssembler, SmtpProtocolError, type SmtpReply } from './reply';

export type ReadOutcome =
  | { kind: 'reply'; reply: SmtpReply }
  /**
   * Nothing complete arrived in time; `received` says whether any byte came at all on the connection
   * (the greeting included), `midReply` whether part of the next reply had come (a line or the first
   * lines of a multi-line reply).
   */
  | { kind: 'timeout'; received: boolean; midReply: boolean; firstLine: string | null }
  | { kind: 'closed'; received: boolean; midReply: boolean; firstLine: string | null; error: NodeJS.ErrnoException | null }
  | { kind: 'protocol'; error: SmtpProtocolError; firstLine: string | null }
  | { kind: 'stopped' };

interface Waiter {
  resolve: (outcome: ReadOutcome) => void;
  timer: NodeJS.Timeout;
}

export class SmtpChannel {
  private readonly splitter = new LineSplitter();
  private readonly assembler = new ReplyAssembler();
  private readonly replies: SmtpReply[] = [];
  private failure: ReadOutcome | null = null;
  private waiter: Waiter | null = null;
  private bytesReceived = 0;
  private firstLine: string | null = null;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onEnd = () => this.fail({ kind: 'closed', ...this.progress(), error: null });
  private readonly onError = (error: NodeJS.ErrnoException) => this.fail({ kind: 'closed', ...this.progress(), error });

  constructor(private socket: Socket) {
    this.attach();
  }

  get current(): Socket {
    return this.socket;
  }

  /** Whether the server sent any byte at all on this connection so far. */
  get receivedAny(): boolean {
    return this.bytesReceived > 0;
  }

  send(line: string): void {
    if (!this.socket.destroyed) this.socket.write(`${line}\r\n`);
  }

  /** Waits for the next complete reply, at most `timeoutMs`. */
  readReply(timeoutMs: number): Promise<ReadOutcome> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve({ kind: 'reply', reply: ready });
    if (this.failure) return Promise.resolve(this.failure);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve({ kind: 'timeout', ...this.progress() });
      }, timeoutMs);
      this.waiter = { resolve, timer };
    });
  }

  /**
   * Hands the socket over to a TLS layer. Everything buffered so far is dropped, including bytes the
   * server sent after its 220 to STARTTLS: RFC 3207 4.2 says nothing learned before TLS may be trusted,
   * and a reply smuggled in before the handshake is a known injection attack (CVE-2011-0411).
   */
  detach(): Socket {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onEnd);
    this.forget();
    return this.socket;
  }

  /** Continues the dialogue on the TLS socket that now wraps the old one. */
  adopt(socket: Socket): void {
    this.socket = socket;
    this.forget();
    this.attach();
  }

  /** Ends any pending read (abort or overall deadline) and destroys the socket. */
  stop(): void {
    this.fail({ kind: 'stopped' });
    this.socket.destroy();
  }

  private attach(): void {
    this.socket.on('data', this.onData);
    this.socket.on('end', this.onEnd);
    this.socket.on('error', this.onError);
    this.socket.on('close', this.onEnd);
  }

  private forget(): void {
    this.splitter.clear();
    this.assembler.reset();
    this.replies.length = 0;
    this.failure = null;
  }

  private progress(): { received: boolean; midReply: boolean; firstLine: string | null } {
    const firstLine = this.firstLine ?? (this.splitter.pendingBytes > 0 ? this.splitter.pendingText() : null);
    return { received: this.bytesReceived > 0, midReply: this.splitter.pendingBytes > 0 || this.assembler.inProgress, firstLine };
  }

  private receive(chunk: Buffer): void {
    if (this.failure) return;
    this.bytesReceived += chunk.length;
    try {
      for (const line of this.splitter.push(chunk)) {
        this.firstLine ??= line;
        const reply = this.assembler.push(line);
        if (reply) this.replies.push(reply);
      }
      if (this.splitter.error) throw this.splitter.error;
    } catch (error) {
      if (!(error instanceof SmtpProtocolError)) throw error;
      // Stop reading at once: an endless line must not keep filling memory or the event loop.
      this.socket.pause();
      this.fail({ kind: 'protocol', error, firstLine: this.firstLine ?? error.line });
    }
    this.deliver();
  }

  /** Hands the waiting reader the next reply, or the failure once no reply is left. */
  private deliver(): void {
    if (!this.waiter) return;
    const reply = this.replies.shift();
    const outcome: ReadOutcome | null = reply ? { kind: 'reply', reply } : this.failure;
    if (!outcome) return;
    const { resolve, timer } = this.waiter;
    this.waiter = null;
    clearTimeout(timer);
    resolve(outcome);
  }

  private fail(outcome: ReadOutcome): void {
    this.failure ??= outcome;
    this.deliver();
  }
}
