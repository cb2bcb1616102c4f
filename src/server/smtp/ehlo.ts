/**
 * What an EHLO reply and a first line say, as pure functions.
 * EHLO reply shape: RFC 5321 4.1.1.1 (https://www.rfc-editor.org/rfc/rfc5321#section-4.1.1.1).
 */
import type { SmtpReply } from './reply';

/**
 * The extension lines of an EHLO reply: every line after the first (which is the server's name),
 * with the keyword upper-cased (keywords are case-insensitive, RFC 5321 2.4) and parameters kept.
 */
export function ehloKeywords(reply: SmtpReply): string[] {
  return reply.lines
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const space = line.search(/[ =]/);
      return space === -1 ? line.toUpperCase() : line.slice(0, space).toUpperCase() + line.slice(space);
    });
}

export function offersStartTls(keywords: readonly string[]): boolean {
  return keywords.some((line) => line.split(' ')[0] === 'STARTTLS');
}

/** The AUTH lines' mechanisms: core reads them too (the advice on logins before STARTTLS). */
export { authMechanisms } from '../../core/diagnosis/mechanisms';

export type ForeignProtocol = 'ssh' | 'http' | 'tls' | 'pop3' | 'imap' | 'ftp-or-other' | 'unknown';

/**
 * Names the protocol a server speaks first when its first line is not SMTP, so the message can say
 * "this is an SSH server" instead of "protocol error". Only used on the greeting.
 */
export function recognizeForeignGreeting(firstLine: string): ForeignProtocol {
  if (firstLine.startsWith('SSH-')) return 'ssh';
  if (/^HTTP\/\d/.test(firstLine)) return 'http';
  // A TLS record (handshake 0x16 or alert 0x15, version 0x03) arriving where text was expected.
  const [type, version] = [firstLine.charCodeAt(0), firstLine.charCodeAt(1)];
  if ((type === 0x15 || type === 0x16) && version === 0x03) return 'tls';
  if (firstLine.startsWith('+OK')) return 'pop3';
  if (/^\* (OK|PREAUTH|BYE)/i.test(firstLine)) return 'imap';
  if (/^\d{3}[ -]/.test(firstLine)) return 'ftp-or-other';
  return 'unknown';
}

/** Cuts text a server sent to a short, printable excerpt for a message. */
export function excerpt(text: string, max = 60): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}
