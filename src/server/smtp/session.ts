/**
 * One port check in progress: what was learned so far, which phase it is in, and the steps every
 * path shares (connect, read, greeting, EHLO/HELO, QUIT), each turning failures into a Verdict.
 */
import net from 'node:net';
import type { PortResult, Security, TlsFacts } from '../../core/api';
import { SmtpChannel, type ReadOutcome } from './channel';
import { tcpConnect, type OpenSocket } from './connect';
import { ehloKeywords, recognizeForeignGreeting } from './ehlo';
import { say, type Verdict, type Where } from './messages';
import type { CancelScope, ProbeRun } from './run';
import type { ProbeTimeouts } from './timeouts';

export interface DialogueOptions {
  address: string;
  family: 4 | 6;
  port: number;
  /** `starttls`: plaintext greeting, then STARTTLS when offered (25, 587, 2525). `implicit`: TLS first (465). */
  mode: 'starttls' | 'implicit';
  /** Name for SNI and the certificate check; may be the IP itself. */
  hostname: string;
  timeouts?: Partial<ProbeTimeouts>;
  signal?: AbortSignal;
  ehloName?: string;
  /** Test seam: how the TCP socket is opened (a socket that never connects simulates a firewall). */
  openSocket?: OpenSocket;
}

export type DialogueResult = Omit<PortResult, 'port'> & { port: number };

/** What the dialogue learned so far; every exit path reports it, so a failure late still shows the banner. */
export interface Findings {
  banner: string | null;
  beforeTls: string[] | null;
  afterTls: string[] | null;
  usedHelo: boolean;
  security: Security;
  tls: TlsFacts | null;
  auth: string[];
  slowGreeting: boolean;
  connectMs: number | null;
  greetingMs: number | null;
}

type Phase = 'connect' | 'greeting' | 'EHLO' | 'STARTTLS' | 'the TLS handshake' | 'EHLO after TLS';

/** A server gets a short while to answer QUIT; its answer changes nothing in the result. */
const QUIT_WAIT_MS = 2000;

export class Dialogue {
  readonly where: Where;
  readonly findings: Findings = {
    banner: null,
    beforeTls: null,
    afterTls: null,
    usedHelo: false,
    security: 'none',
    tls: null,
    auth: [],
    slowGreeting: false,
    connectMs: null,
    greetingMs: null,
  };
  phase: Phase = 'connect';
  /** Set once a complete greeting arrived: from then on the session ends politely with QUIT. */
  channelForQuit: SmtpChannel | null = null;

  constructor(
    readonly options: DialogueOptions,
    readonly run: ProbeRun,
  ) {
    this.where = { port: options.port, address: options.address };
  }

  get timeouts(): Required<ProbeTimeouts> {
    return this.run.timeouts;
  }

  async connect(scope?: CancelScope): Promise<net.Socket | Verdict> {
    const { address, port, family } = this.options;
    const outcome = await this.run.bounded(this.timeouts.connectMs, (limit) => tcpConnect({ host: address, port, family }, limit, this.options.openSocket), scope);
    if (outcome.kind === 'connected') {
      this.run.track(outcome.socket);
      return outcome.socket;
    }
    if (this.run.stopped) return this.stoppedVerdict();
    if (outcome.kind === 'refused') return say.refused(this.where);
    if (outcome.kind === 'unreachable') return say.unreachable(this.where, outcome.code);
    return say.connectTimeout(this.where, this.timeouts.connectMs);
  }

  async read(channel: SmtpChannel, ms: number, scope?: CancelScope): Promise<ReadOutcome> {
    return this.run.bounded(ms, (limit) => ({ done: channel.readReply(limit), cancel: () => channel.stop() }), scope);
  }

  /** Turns a read that produced no reply into the state that explains it. */
  failedRead(outcome: Exclude<ReadOutcome, { kind: 'reply' }>, waitedMs: number): Verdict {
    if (outcome.kind === 'stopped' || this.run.stopped) return this.stoppedVerdict();
    if (outcome.kind === 'protocol') return say.protocol(this.where, lowerFirst(outcome.error.message));
    if (outcome.kind === 'closed') {
      // Part of a reply, not the greeting that came before the command: the greeting is the connection's first bytes.
      return say.protocol(this.where, outcome.midReply ? `it closed the connection in the middle of a reply during ${this.phase}` : `it closed the connection without answering ${this.phase}`);
    }
    return say.stalled(this.where, this.phase, waitedMs);
  }

  stoppedVerdict(): Verdict {
    const state = this.phase === 'connect' ? 'timeout' : this.phase === 'greeting' ? 'no-greeting' : 'protocol';
    return say.stopped(this.where, state, this.phase === 'connect' ? 'the connect' : this.phase, this.run.stopReason ?? 'aborted', this.timeouts.totalMs);
  }

  /**
   * Waits for the final "220 " line. A multi-line "220-" greeting (Postfix postscreen's teaser) is not
   * the end: a client that speaks before the last line is dropped as a spambot (RFC 5321 4.3.1, postscreen(8)).
   */
  async greeting(channel: SmtpChannel): Promise<Verdict | null> {
    this.phase = 'greeting';
    const started = this.run.elapsed();
    const outcome = await this.read(channel, this.timeouts.greetingMs);
    if (outcome.kind !== 'reply') return this.failedGreeting(outcome);
    this.findings.greetingMs = this.run.elapsed() - started;
    this.findings.slowGreeting = this.findings.greetingMs > this.timeouts.slowGreetingMs;
    this.findings.banner = outcome.reply.lines.join('\n');
    this.channelForQuit = channel;
    if (outcome.reply.code === 220) return null;
    // RFC 5321 3.1: 554 means "no service here"; 421 means "not now". Both refuse the session.
    if (outcome.reply.code >= 400) return say.rejectedGreeting(this.where, outcome.reply);
    return say.protocol(this.where, `it greeted with code ${outcome.reply.code} instead of 220`);
  }

  private failedGreeting(outcome: Exclude<ReadOutcome, { kind: 'reply' }>): Verdict {
    if (outcome.kind === 'stopped' || this.run.stopped) return this.stoppedVerdict();
    const firstLine = outcome.firstLine;
    // Text that does not start like a reply code is another protocol talking (SSH-2.0-..., HTTP/1.1 ...).
    if (firstLine !== null && firstLine.length > 0 && !/^\d/.test(firstLine)) {
      return say.notSmtp(this.where, recognizeForeignGreeting(firstLine), firstLine);
    }
    if (outcome.kind === 'protocol') return say.protocol(this.where, lowerFirst(outcome.error.message));
    if (outcome.kind === 'closed') {
      return outcome.received ? say.protocol(this.where, 'it closed the connection in the middle of its greeting') : say.closedBeforeGreeting(this.where);
    }
    return outcome.received ? say.unfinishedGreeting(this.where) : say.noGreeting(this.where, this.timeouts.greetingMs);
  }

  /** EHLO, and HELO when the server does not know EHLO (RFC 5321 4.1.4: 500/502 to EHLO). */
  async hello(channel: SmtpChannel, phase: 'EHLO' | 'EHLO after TLS'): Promise<string[] | Verdict> {
    this.phase = phase;
    const name = safeEhloName(this.options.ehloName) ?? addressLiteral(channel.current);
    channel.send(`EHLO ${name}`);
    const ehlo = await this.read(channel, this.timeouts.commandMs);
    if (ehlo.kind !== 'reply') return this.failedRead(ehlo, this.timeouts.commandMs);
    if (ehlo.reply.code === 250) return ehloKeywords(ehlo.reply);
    if (ehlo.reply.code === 421) return say.closingService(this.where, ehlo.reply, phase);
    if (ehlo.reply.code !== 500 && ehlo.reply.code !== 502) return say.ehloRefused(this.where, ehlo.reply, 'EHLO');
    channel.send(`HELO ${name}`);
    const helo = await this.read(channel, this.timeouts.commandMs);
    if (helo.kind !== 'reply') return this.failedRead(helo, this.timeouts.commandMs);
    if (helo.reply.code === 421) return say.closingService(this.where, helo.reply, 'HELO');
    if (helo.reply.code !== 250) return say.ehloRefused(this.where, helo.reply, 'EHLO and HELO');
    this.findings.usedHelo = true;
    return [];
  }

  recordTls(facts: TlsFacts, security: 'starttls' | 'tls'): void {
    this.findings.tls = facts;
    this.findings.security = security;
  }

  /** RFC 5321 4.1.1.10: the client ends with QUIT; the answer is awaited briefly and then ignored. */
  async quit(): Promise<void> {
    const channel = this.channelForQuit;
    if (!channel || this.run.stopped || channel.current.destroyed) return;
    channel.send('QUIT');
    await this.read(channel, QUIT_WAIT_MS);
  }
}

/**
 * A configured EHLO name is used only when it is a plain domain or address literal (RFC 5321 4.1.3):
 * a CR or LF in it would let a caller smuggle a second command (MAIL, RCPT...) onto the wire.
 */
function safeEhloName(name: string | undefined): string | null {
  return name !== undefined && /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[A-Za-z0-9.:]{2,60}\])$/.test(name) ? name : null;
}

/** RFC 5321 4.1.4: a client without a meaningful name greets with its address literal. */
function addressLiteral(socket: net.Socket): string {
  const local = socket.localAddress ?? '127.0.0.1';
  return net.isIPv6(local) ? `[IPv6:${local}]` : `[${local}]`;
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
