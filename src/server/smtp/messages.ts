/**
 * The one sentence a person reads for each port state: what happened, and what it means for them.
 */
import type { PortState } from '../../core/api';
import { describeTlsFailure } from '../../core/diagnosis/tls-failure';
import { excerpt, type ForeignProtocol } from './ehlo';
import type { SmtpReply } from './reply';
import { describeDuration } from './timeouts';

export interface Verdict {
  state: PortState;
  message: string;
  /** The TLS library's own reason for a failed handshake, kept apart from the message for experts. */
  tlsError?: string;
}

export interface Where {
  port: number;
  address: string;
}

function at({ port, address }: Where): string {
  return `Port ${port} on ${address}`;
}

export function replyText(reply: SmtpReply): string {
  return excerpt(`${reply.code} ${reply.lines.join(' ')}`, 120);
}

const FOREIGN_NAMES: Record<ForeignProtocol, string> = {
  ssh: 'an SSH server',
  http: 'a web server',
  tls: 'a TLS server',
  pop3: 'a POP3 mail server',
  imap: 'an IMAP mail server',
  'ftp-or-other': 'a server that is not SMTP',
  unknown: 'something that is not an SMTP server',
};

/** The operating system's codes for an address it cannot reach, in words. */
const UNREACHABLE_WORDS: Record<string, string> = {
  EHOSTUNREACH: 'no route to that host',
  ENETUNREACH: 'no route to that network',
  EHOSTDOWN: 'the host is down',
  ENETDOWN: 'the probe\'s own network is down',
  EADDRNOTAVAIL: 'the probe has no address to reach it from',
  EAFNOSUPPORT: 'the probe cannot use this address family',
};

export const say = {
  refused: (where: Where): Verdict => ({
    state: 'refused',
    message: `${at(where)} refused the connection: nothing is listening there, so this port cannot be used.`,
  }),
  connectTimeout: (where: Where, ms: number): Verdict => ({
    state: 'timeout',
    message: `${at(where)} did not answer within ${describeDuration(ms)}; a firewall is probably dropping it (on your network or the server's).`,
  }),
  unreachable: (where: Where, code: string | null): Verdict => ({
    state: 'unreachable',
    message: `${at(where)} cannot be reached from the probe: ${UNREACHABLE_WORDS[code ?? ''] ?? 'there is no route to it'}; the address may be down or not routed.`,
  }),
  noGreeting: (where: Where, ms: number): Verdict => ({
    state: 'no-greeting',
    message: `${at(where)} accepted the connection but sent no SMTP greeting within ${describeDuration(ms)}; the server is overloaded or something in between holds the connection.`,
  }),
  closedBeforeGreeting: (where: Where): Verdict => ({
    state: 'no-greeting',
    message: `${at(where)} accepted the connection and closed it again without a greeting; the server is refusing this client or is misconfigured.`,
  }),
  unfinishedGreeting: (where: Where): Verdict => ({
    state: 'no-greeting',
    message: `${at(where)} started an SMTP greeting but never finished it; the server is stalling.`,
  }),
  handshakeSilent: (where: Where, ms: number): Verdict => ({
    state: 'no-greeting',
    message: `${at(where)} accepted the connection but did not answer the TLS handshake within ${describeDuration(ms)}.`,
  }),
  tlsExpected: (where: Where): Verdict => ({
    state: 'tls-expected',
    message: `${at(where)} waits for TLS from the first byte (implicit TLS, like port 465): choose SSL/TLS in the mail client, not STARTTLS.`,
  }),
  tlsUnexpected: (where: Where, sawGreeting: boolean): Verdict => ({
    state: 'tls-unexpected',
    message: sawGreeting
      ? `${at(where)} speaks plain SMTP with a 220 greeting instead of TLS: choose STARTTLS for this port, not SSL/TLS.`
      : `${at(where)} answered the TLS handshake with something that is not TLS, so it does not offer implicit TLS.`,
  }),
  notSmtp: (where: Where, kind: ForeignProtocol, firstLine: string): Verdict => ({
    state: 'not-smtp',
    message: `${at(where)} is ${FOREIGN_NAMES[kind]} ("${excerpt(firstLine, 40)}"), not an outgoing mail server.`,
  }),
  rejectedGreeting: (where: Where, reply: SmtpReply): Verdict => ({
    state: 'rejected',
    message: `${at(where)} refused to talk to the probe (${replyText(reply)}); it may block this network or be closed to clients.`,
  }),
  closingService: (where: Where, reply: SmtpReply, during: string): Verdict => ({
    state: 'rejected',
    message: `${at(where)} closed the session during ${during} (${replyText(reply)}); the server is busy or refuses this client, so try again later.`,
  }),
  /** `refused`: the commands the probe sent and the server refused (HELO only follows a 500 or 502 to EHLO). */
  ehloRefused: (where: Where, reply: SmtpReply, refused: 'EHLO' | 'EHLO and HELO'): Verdict => ({
    state: 'rejected',
    message: `${at(where)} refused the probe's ${refused} (${replyText(reply)}), so no mail client could log in here either.`,
  }),
  ok: (where: Where, security: 'starttls' | 'tls', auth: readonly string[]): Verdict => ({
    state: 'ok',
    message:
      `${at(where)} works with ${security === 'tls' ? 'implicit TLS (SSL/TLS)' : 'STARTTLS'}` +
      (auth.length > 0 ? ` and offers login (${auth.join(', ')}).` : ' but offers no login, so it takes mail for its own domains only.'),
  }),
  startTlsMissing: (where: Where, auth: readonly string[]): Verdict => ({
    state: 'starttls-missing',
    message:
      `${at(where)} speaks SMTP without offering STARTTLS, so mail and passwords would travel unencrypted` +
      (auth.length > 0 ? ` (it even offers login: ${auth.join(', ')}).` : '.'),
  }),
  startTlsRefused: (where: Where, reply: SmtpReply): Verdict => ({
    state: 'starttls-failed',
    message: `${at(where)} offers STARTTLS but refused to start it (${replyText(reply)}); the server's TLS setup is broken.`,
  }),
  startTlsHandshakeFailed: (where: Where, reason: string): Verdict => ({
    state: 'starttls-failed',
    message: `${at(where)} agreed to STARTTLS but the TLS handshake failed: ${describeTlsFailure(reason)}.`,
    tlsError: reason,
  }),
  tlsFailed: (where: Where, reason: string): Verdict => ({
    state: 'tls-failed',
    message: `${at(where)} accepted the connection but the TLS handshake failed: ${describeTlsFailure(reason)}.`,
    tlsError: reason,
  }),
  protocol: (where: Where, what: string): Verdict => ({
    state: 'protocol',
    message: `${at(where)} broke the SMTP protocol: ${what}.`,
  }),
  stalled: (where: Where, during: string, ms: number): Verdict => ({
    state: 'protocol',
    message: `${at(where)} stopped answering during ${during} (nothing within ${describeDuration(ms)}).`,
  }),
  stopped: (where: Where, state: PortState, during: string, reason: 'deadline' | 'aborted', totalMs: number): Verdict => ({
    state,
    message:
      reason === 'deadline'
        ? `${at(where)} did not finish within ${describeDuration(totalMs)} (stopped during ${during}).`
        : `The check of ${at(where).toLowerCase()} was cancelled during ${during}.`,
  }),
};
