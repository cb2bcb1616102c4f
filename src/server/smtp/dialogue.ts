/**
 * The SMTP dialogue for one address and port: connect, greeting, EHLO, STARTTLS or implicit TLS,
 * EHLO again, QUIT. Never MAIL, RCPT, DATA or AUTH: the probe only looks.
 *
 * `runDialogue` accepts any port so tests can use fixture servers; production code goes through
 * `probePort`, which only accepts the four probe ports.
 */
import net from 'node:net';
import { SmtpChannel } from './channel';
import { tlsHandshake } from './connect';
import { authMechanisms, offersStartTls } from './ehlo';
import { say, type Verdict } from './messages';
import { CancelScope, ProbeRun } from './run';
import { Dialogue, type DialogueOptions, type DialogueResult } from './session';
import { resolveTimeouts } from './timeouts';
import { tlsFactsFromSocket } from './tls-facts';

export type { DialogueOptions, DialogueResult };

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
    ...(verdict.tlsError === undefined ? {} : { tlsError: verdict.tlsError }),
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
    const handshake = await run.bounded(run.timeouts.commandMs, (limit) => tlsHandshake(socket, options.hostname, limit));
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
  const refusedGreeting = options.mode === 'starttls' ? await greetingOrImplicitTls(dialogue, channel) : await dialogue.greeting(channel);
  if (refusedGreeting) return refusedGreeting;

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
  const handshake = await run.bounded(run.timeouts.commandMs, (limit) => tlsHandshake(channel.detach(), options.hostname, limit));
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
 * The plaintext greeting, raced against a TLS try. A client that says nothing waits forever for a server
 * that waits for a ClientHello, so after a short silence (`tlsTryAfterMs`, at most half the greeting wait,
 * so the try always fits in the budget) a second connection tries TLS, as Thunderbird's guesser staggers
 * its tries. A greeting that arrives first wins and the try is cancelled; a handshake that completes
 * first proves implicit TLS. Any byte on the plaintext connection (a postscreen teaser) means SMTP: no try.
 */
async function greetingOrImplicitTls(dialogue: Dialogue, channel: SmtpChannel): Promise<Verdict | null> {
  const { run } = dialogue;
  const greeting = dialogue.greeting(channel).then((verdict) => ({ kind: 'greeting' as const, verdict }));
  const delay = Math.max(1, Math.min(run.timeouts.tlsTryAfterMs, run.timeouts.greetingMs / 2));
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<{ kind: 'silence' }>((resolve) => (timer = setTimeout(() => resolve({ kind: 'silence' }), delay)));
  const first = await Promise.race([greeting, silence]);
  clearTimeout(timer);
  if (first.kind === 'greeting') return afterSilentGreeting(dialogue, channel, first.verdict);
  if (run.stopped || channel.receivedAny) return (await greeting).verdict;

  const scope = new CancelScope();
  const tlsTry = detectImplicitTls(dialogue, scope).then((verdict) => ({ kind: 'tls' as const, verdict }));
  const next = await Promise.race([greeting, tlsTry]);
  if (next.kind === 'tls') {
    if (next.verdict === null) return (await greeting).verdict;
    channel.stop();
    await greeting;
    return next.verdict;
  }
  // The greeting's wait ended first. Silence (or a close) without a byte leaves the TLS try to decide.
  if (next.verdict?.state === 'no-greeting' && dialogue.findings.banner === null && !channel.receivedAny && !run.stopped) {
    return (await tlsTry).verdict ?? next.verdict;
  }
  scope.cancel();
  await tlsTry;
  return next.verdict;
}

/** A greeting that failed before any TLS try started (closed at once, or a very short wait): try TLS now. */
async function afterSilentGreeting(dialogue: Dialogue, channel: SmtpChannel, verdict: Verdict | null): Promise<Verdict | null> {
  if (verdict?.state !== 'no-greeting' || dialogue.run.stopped || dialogue.findings.banner !== null) return verdict;
  channel.stop();
  return (await detectImplicitTls(dialogue)) ?? verdict;
}

/**
 * A silent plaintext port may be an implicit-TLS port. A fresh connection that completes a handshake
 * proves it. Inside a scope, nothing is recorded once the scope is cancelled (the greeting won).
 */
async function detectImplicitTls(dialogue: Dialogue, scope?: CancelScope): Promise<Verdict | null> {
  const { run, options } = dialogue;
  const connected = await dialogue.connect(scope);
  if (!(connected instanceof net.Socket) || scope?.cancelled) return null;
  const handshake = await run.bounded(run.timeouts.commandMs, (limit) => tlsHandshake(connected, options.hostname, limit), scope);
  if (handshake.kind !== 'secure') return null;
  run.track(handshake.socket);
  if (scope?.cancelled) return null;
  const tls = tlsFactsFromSocket(handshake.socket, options.hostname);
  const channel = new SmtpChannel(handshake.socket);
  const outcome = await dialogue.read(channel, Math.min(run.timeouts.greetingMs, run.timeouts.commandMs), scope);
  if (scope?.cancelled) return null;
  dialogue.findings.tls = tls;
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
