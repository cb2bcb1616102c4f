/**
 * The SMTP dialogue for one address and port: connect, greeting, EHLO, STARTTLS or implicit TLS,
 * EHLO again, QUIT. Never MAIL, RCPT, DATA or AUTH: the probe only looks.
 *
 * `runDialogue` accepts any port so tests can use fixture servers; production code goes through
 * `probePort`, which only accepts the four probe ports.
 */
import net from 'node:net';
import type { PortResult, Security, TlsFacts } from '../../core/api';
import { SmtpChannel, type ReadOutcome } from './channel';
import { tcpConnect, tlsHandshake, type OpenSocket } from './connect';
import { authMechanisms, ehloKeywords, offersStartTls, recognizeForeignGreeting } from './ehlo';
import { say, type Verdict, type Where } from './messages';
import { ProbeRun } from './run';
import { resolveTimeouts, type ProbeTimeouts } from './timeouts';
import { tlsFactsFromSocket } from './tls-facts';

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
interface Findings {
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

class Dialogue {
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

  get timeouts(): ProbeTimeouts {
    return this.run.timeouts;
  }

  async connect(): Promise<net.Socket | Verdict> {
    const { address, port, family } = this.options;
    const outcome = await this.run.wait(tcpConnect({ host: address, port, family }, this.run.within(this.timeouts.connectMs), this.options.openSocket));
    if (outcome.kind === 'connected') {
      this.run.track(outcome.socket);
      return outcome.socket;
    }
    if (this.run.stopped) return this.stoppedVerdict();
    if (outcome.kind === 'refused') return say.refused(this.where);
    if (outcome.kind === 'unreachable') return say.unreachable(this.where, outcome.code);
    return say.connectTimeout(this.where, this.timeouts.connectMs);
  }

  async read(channel: SmtpChannel, ms: number): Promise<ReadOutcome> {
    return this.run.wait({ done: channel.readReply(this.run.within(ms)), cancel: () => channel.stop() });
  }

  /** Turns a read that produced no reply into the state that explains it. */
  failedRead(outcome: Exclude<ReadOutcome, { kind: 'reply' }>, waitedMs: number): Verdict {
    if (outcome.kind === 'stopped' || this.run.stopped) return this.stoppedVerdict();
    if (outcome.kind === 'protocol') return say.protocol(this.where, lowerFirst(outcome.error.message));
    if (outcome.kind === 'closed') {
      return say.protocol(this.where, outcome.received ? `it closed the connection in the middle of a reply during ${this.phase}` : `it closed the connection without answering ${this.phase}`);
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
    const name = this.options.ehloName ?? addressLiteral(channel.current);
    channel.send(`EHLO ${name}`);
    const ehlo = await this.read(channel, this.timeouts.commandMs);
    if (ehlo.kind !== 'reply') return this.failedRead(ehlo, this.timeouts.commandMs);
    if (ehlo.reply.code === 250) return ehloKeywords(ehlo.reply);
    if (ehlo.reply.code === 421) return say.closingService(this.where, ehlo.reply, phase);
    if (ehlo.reply.code !== 500 && ehlo.reply.code !== 502) return say.ehloRefused(this.where, ehlo.reply);
    channel.send(`HELO ${name}`);
    const helo = await this.read(channel, this.timeouts.commandMs);
    if (helo.kind !== 'reply') return this.failedRead(helo, this.timeouts.commandMs);
    if (helo.reply.code === 421) return say.closingService(this.where, helo.reply, 'HELO');
    if (helo.reply.code !== 250) return say.ehloRefused(this.where, helo.reply);
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

export async function runDialogue(options: DialogueOptions): Promise<DialogueResult> {
  const run = new ProbeRun(resolveTimeouts(options.timeouts), options.signal);
  const dialogue = new Dialogue(options, run);
  let verdict: Verdict;
  try {
    verdict = await converse(dialogue);
    await dialogue.quit();
  } catch (error) {
    // A bug must still produce a result rather than a rejected promise for the caller.
    verdict = say.protocol(dialogue.where, `the probe failed unexpectedly (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    run.dispose();
  }
  const { findings } = dialogue;
  return {
    port: options.port,
    address: options.address,
    family: options.family,
    state: verdict.state,
    message: verdict.message,
    banner: findings.banner,
    ehlo: { beforeTls: findings.beforeTls, afterTls: findings.afterTls, usedHelo: findings.usedHelo },
    security: findings.security,
    tls: findings.tls,
    auth: findings.auth,
    slowGreeting: findings.slowGreeting,
    latency: { connectMs: findings.connectMs, greetingMs: findings.greetingMs, totalMs: run.elapsed() },
  };
}

async function converse(dialogue: Dialogue): Promise<Verdict> {
  const { run, options, findings, where } = dialogue;
  const connected = await dialogue.connect();
  if (!(connected instanceof net.Socket)) return connected;
  findings.connectMs = run.elapsed();
  let socket = connected;

  if (options.mode === 'implicit') {
    // RFC 8314 3.3: on the submissions port TLS starts before any SMTP byte.
    dialogue.phase = 'greeting';
    const handshake = await run.wait(tlsHandshake(socket, options.hostname, run.within(run.timeouts.commandMs)));
    if (run.stopped) return dialogue.stoppedVerdict();
    if (handshake.kind === 'timeout') return say.handshakeSilent(where, run.timeouts.commandMs);
    if (handshake.kind === 'failed') {
      return handshake.plaintextPeer ? explainPlaintextPeer(dialogue) : say.tlsFailed(where, handshake.reason);
    }
    run.track(handshake.socket);
    dialogue.recordTls(tlsFactsFromSocket(handshake.socket, options.hostname), 'tls');
    socket = handshake.socket;
  }

  const channel = new SmtpChannel(socket);
  const refusedGreeting = await dialogue.greeting(channel);
  if (refusedGreeting) {
    if (refusedGreeting.state === 'no-greeting' && options.mode === 'starttls' && !run.stopped && findings.banner === null) {
      channel.stop();
      return (await detectImplicitTls(dialogue)) ?? refusedGreeting;
    }
    return refusedGreeting;
  }

  const first = await dialogue.hello(channel, 'EHLO');
  if (!Array.isArray(first)) return first;
  if (options.mode === 'implicit') {
    findings.afterTls = first;
    findings.auth = authMechanisms(first);
    return say.ok(where, 'tls', findings.auth);
  }
  findings.beforeTls = first;
  // Without TLS the plaintext offer is the only one there is, and a person needs to know about it.
  findings.auth = authMechanisms(first);
  if (!offersStartTls(first)) return say.startTlsMissing(where, findings.auth);

  dialogue.phase = 'STARTTLS';
  channel.send('STARTTLS');
  const answer = await dialogue.read(channel, run.timeouts.commandMs);
  if (answer.kind !== 'reply') return dialogue.failedRead(answer, run.timeouts.commandMs);
  if (answer.reply.code === 421) return say.closingService(where, answer.reply, 'STARTTLS');
  if (answer.reply.code !== 220) return say.startTlsRefused(where, answer.reply);

  // RFC 3207 4.2: forget everything from before TLS, including bytes that followed the 220.
  dialogue.channelForQuit = null;
  dialogue.phase = 'the TLS handshake';
  const handshake = await run.wait(tlsHandshake(channel.detach(), options.hostname, run.within(run.timeouts.commandMs)));
  if (run.stopped) return dialogue.stoppedVerdict();
  if (handshake.kind === 'timeout') return say.startTlsHandshakeFailed(where, 'no answer to the handshake');
  if (handshake.kind === 'failed') return say.startTlsHandshakeFailed(where, handshake.reason);
  run.track(handshake.socket);
  dialogue.recordTls(tlsFactsFromSocket(handshake.socket, options.hostname), 'starttls');
  channel.adopt(handshake.socket);
  dialogue.channelForQuit = channel;
  findings.auth = [];

  const second = await dialogue.hello(channel, 'EHLO after TLS');
  if (!Array.isArray(second)) return second;
  findings.afterTls = second;
  findings.auth = authMechanisms(second);
  return say.ok(where, 'starttls', findings.auth);
}

/**
 * A silent plaintext port may be an implicit-TLS port (a client saying nothing waits forever for a
 * TLS server that waits for a ClientHello). A fresh connection that completes a handshake proves it.
 */
async function detectImplicitTls(dialogue: Dialogue): Promise<Verdict | null> {
  const { run, options } = dialogue;
  const connected = await dialogue.connect();
  if (!(connected instanceof net.Socket)) return null;
  const handshake = await run.wait(tlsHandshake(connected, options.hostname, run.within(run.timeouts.commandMs)));
  if (handshake.kind !== 'secure') return null;
  run.track(handshake.socket);
  dialogue.findings.tls = tlsFactsFromSocket(handshake.socket, options.hostname);
  const channel = new SmtpChannel(handshake.socket);
  const outcome = await dialogue.read(channel, Math.min(run.timeouts.greetingMs, run.timeouts.commandMs));
  if (outcome.kind === 'reply') {
    dialogue.findings.banner = outcome.reply.lines.join('\n');
    dialogue.channelForQuit = channel;
  }
  return say.tlsExpected(dialogue.where);
}

/**
 * OpenSSL read plaintext where TLS belonged. A fresh plaintext connection tells a plain SMTP server
 * (a 220 greeting: use STARTTLS) from something else entirely (SSH, HTTP).
 */
async function explainPlaintextPeer(dialogue: Dialogue): Promise<Verdict> {
  const { run, where } = dialogue;
  const connected = await dialogue.connect();
  if (!(connected instanceof net.Socket)) return say.tlsUnexpected(where, false);
  const channel = new SmtpChannel(connected);
  const verdict = await dialogue.greeting(channel);
  if (verdict?.state === 'not-smtp') return verdict;
  if (run.stopped) return dialogue.stoppedVerdict();
  return say.tlsUnexpected(where, dialogue.findings.banner !== null);
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
