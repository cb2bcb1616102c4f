/**
 * SMTP reply parsing as pure functions: bytes → bounded lines → replies.
 * Reply grammar: RFC 5321 section 4.2 (https://www.rfc-editor.org/rfc/rfc5321#section-4.2).
 * Enhanced status codes: RFC 3463 section 2 (https://www.rfc-editor.org/rfc/rfc3463#section-2).
 *
 * Every buffer is bounded so a hostile server cannot make the probe grow memory: a line longer than
 * MAX_LINE_BYTES or a reply longer than MAX_REPLY_BYTES is a protocol error, not an allocation.
 */

/** RFC 5321 4.5.3.1.5 allows 512 octets per reply line; 4 KiB leaves room for chatty servers. */
export const MAX_LINE_BYTES = 4096;
/** A whole multi-line reply (EHLO with many extensions) stays far below this. */
export const MAX_REPLY_BYTES = 65536;

export interface EnhancedStatus {
  class: 2 | 4 | 5;
  subject: number;
  detail: number;
}

export interface SmtpReply {
  code: number;
  /** The text of each line, without the code and separator. */
  lines: string[];
  /** The RFC 3463 status of the first line, when the server sent one. */
  enhanced: EnhancedStatus | null;
}

export type SmtpProtocolProblem = 'line-too-long' | 'reply-too-long' | 'malformed-line' | 'code-mismatch';

export class SmtpProtocolError extends Error {
  constructor(
    readonly problem: SmtpProtocolProblem,
    message: string,
    /** The offending line, cut short, for the person reading the result. */
    readonly line: string | null = null,
  ) {
    super(message);
    this.name = 'SmtpProtocolError';
  }
}

/**
 * Splits a byte stream into lines. CRLF is the SMTP line end (RFC 5321 2.3.8); a bare LF is
 * accepted too because some servers send it, and being lenient here costs nothing.
 */
export class LineSplitter {
  private pending: Buffer = Buffer.alloc(0);
  /** Set once a line grew past the limit; from then on nothing more is read. */
  error: SmtpProtocolError | null = null;

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Bytes received but not yet ended by a line feed. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** The unfinished line received so far, for telling what kind of server is talking. */
  pendingText(): string {
    return this.pending.toString('utf8');
  }

  /**
   * Returns the complete lines in `chunk`. Lines before an over-long one are still returned (a 220
   * followed by garbage in the same packet is a 220 and then a protocol error), then `error` is set.
   */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    if (this.error) return lines;
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const lf = data.indexOf(0x0a);
      if (lf === -1) break;
      const end = lf > 0 && data[lf - 1] === 0x0d ? lf - 1 : lf;
      if (end > this.maxLineBytes) return this.overflow(lines, data);
      lines.push(data.subarray(0, end).toString('utf8'));
      data = data.subarray(lf + 1);
    }
    if (data.length > this.maxLineBytes) return this.overflow(lines, data);
    // Copy so the retained remainder does not pin the whole socket chunk in memory.
    this.pending = Buffer.from(data);
    return lines;
  }

  /** Forgets everything buffered: RFC 3207 4.2 requires discarding what arrived before TLS. */
  clear(): void {
    this.pending = Buffer.alloc(0);
    this.error = null;
  }

  private overflow(lines: string[], data: Buffer): string[] {
    this.error = lineTooLong(data.subarray(0, 80));
    this.pending = Buffer.alloc(0);
    return lines;
  }
}

function lineTooLong(start: Buffer): SmtpProtocolError {
  return new SmtpProtocolError(
    'line-too-long',
    `The server sent a line longer than ${MAX_LINE_BYTES} bytes.`,
    start.toString('utf8'),
  );
}

export interface ReplyLine {
  code: number;
  /** True for "250 text" (the last line), false for "250-text" (more follow). */
  last: boolean;
  text: string;
}

const REPLY_LINE = /^([2-5][0-9][0-9])(?:([ -])(.*))?$/s;

/** One line of a reply, or null when the line is not shaped like an SMTP reply at all. */
export function parseReplyLine(line: string): ReplyLine | null {
  const match = REPLY_LINE.exec(line);
  if (!match) return null;
  return { code: Number(match[1]), last: match[2] !== '-', text: match[3] ?? '' };
}

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})(?:\s|$)/;

export function parseEnhancedStatus(text: string): EnhancedStatus | null {
  const match = ENHANCED.exec(text);
  if (!match) return null;
  return { class: Number(match[1]) as 2 | 4 | 5, subject: Number(match[2]), detail: Number(match[3]) };
}

/** Collects reply lines into complete replies, checking the shape RFC 5321 4.2.1 requires. */
export class ReplyAssembler {
  private code: number | null = null;
  private lines: string[] = [];
  private bytes = 0;

  constructor(private readonly maxReplyBytes = MAX_REPLY_BYTES) {}

  /** True while a multi-line reply has started but its last line has not arrived. */
  get inProgress(): boolean {
    return this.code !== null;
  }

  /** The lines of an unfinished reply, for reporting what arrived before a failure. */
  get partialLines(): readonly string[] {
    return this.lines;
  }

  push(line: string): SmtpReply | null {
    const parsed = parseReplyLine(line);
    if (!parsed) {
      throw new SmtpProtocolError('malformed-line', 'The server sent a line that is not an SMTP reply.', line.slice(0, 80));
    }
    if (this.code !== null && parsed.code !== this.code) {
      throw new SmtpProtocolError(
        'code-mismatch',
        `The server changed its reply code from ${this.code} to ${parsed.code} in the middle of one reply.`,
        line.slice(0, 80),
      );
    }
    this.bytes += Buffer.byteLength(line) + 2;
    if (this.bytes > this.maxReplyBytes) {
      throw new SmtpProtocolError('reply-too-long', `The server sent a reply longer than ${this.maxReplyBytes} bytes.`);
    }
    this.code = parsed.code;
    this.lines.push(parsed.text);
    if (!parsed.last) return null;
    const reply: SmtpReply = { code: parsed.code, lines: this.lines, enhanced: parseEnhancedStatus(this.lines[0] ?? '') };
    this.reset();
    return reply;
  }

  reset(): void {
    this.code = null;
    this.lines = [];
    this.bytes = 0;
  }
}

/** Parses a whole byte stream at once (throws SmtpProtocolError); for tests and fixtures. */
export function parseReplies(data: Buffer): { replies: SmtpReply[]; rest: number } {
  const splitter = new LineSplitter();
  const assembler = new ReplyAssembler();
  const replies: SmtpReply[] = [];
  for (const line of splitter.push(data)) {
    const reply = assembler.push(line);
    if (reply) replies.push(reply);
  }
  if (splitter.error) throw splitter.error;
  return { replies, rest: splitter.pendingBytes };
}

/** Serializes a reply the way a server sends it; the inverse of the parser, used by tests and fixtures. */
export function formatReply(code: number, lines: readonly string[]): string {
  const texts = lines.length === 0 ? [''] : lines;
  return texts.map((text, i) => `${code}${i === texts.length - 1 ? ' ' : '-'}${text}\r\n`).join('');
}
