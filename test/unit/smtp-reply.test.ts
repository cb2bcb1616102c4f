import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReply,
  LineSplitter,
  MAX_LINE_BYTES,
  MAX_REPLY_BYTES,
  parseEnhancedStatus,
  parseReplies,
  parseReplyLine,
  ReplyAssembler,
  SmtpProtocolError,
} from '../../src/server/smtp/reply';

/** Reply text as servers send it: printable ASCII without line ends. */
const replyText = fc.string({ unit: fc.constantFrom(...'abcXYZ 0123.-_:;()[]<>@=+/'.split('')), maxLength: 80 });
const replyCode = fc.integer({ min: 200, max: 599 });
const reply = fc.record({ code: replyCode, lines: fc.array(replyText, { minLength: 1, maxLength: 12 }) });

/** Cuts a buffer into chunks at arbitrary points, the way TCP delivers it. */
function chunked(data: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, data.length]) {
    chunks.push(data.subarray(start, point));
    start = point;
  }
  return chunks;
}

function feed(chunks: Buffer[]) {
  const splitter = new LineSplitter();
  const assembler = new ReplyAssembler();
  const replies = [];
  for (const chunk of chunks) {
    for (const line of splitter.push(chunk)) {
      const complete = assembler.push(line);
      if (complete) replies.push(complete);
    }
  }
  expect(splitter.error).toBeNull();
  return replies;
}

describe('reply lines (RFC 5321 4.2)', () => {
  it('reads code, continuation and text', () => {
    expect(parseReplyLine('220-mail.example.com ESMTP')).toEqual({ code: 220, last: false, text: 'mail.example.com ESMTP' });
    expect(parseReplyLine('250 OK')).toEqual({ code: 250, last: true, text: 'OK' });
    expect(parseReplyLine('250')).toEqual({ code: 250, last: true, text: '' });
    expect(parseReplyLine('SSH-2.0-OpenSSH_9.2')).toBeNull();
    expect(parseReplyLine('HTTP/1.1 400 Bad Request')).toBeNull();
    expect(parseReplyLine('2500 too many digits')).toBeNull();
    expect(parseReplyLine('150 not an SMTP class')).toBeNull();
  });

  it('reads enhanced status codes (RFC 3463)', () => {
    expect(parseEnhancedStatus('5.7.1 Relay access denied')).toEqual({ class: 5, subject: 7, detail: 1 });
    expect(parseEnhancedStatus('2.0.0 Ready to start TLS')).toEqual({ class: 2, subject: 0, detail: 0 });
    expect(parseEnhancedStatus('4.3.2')).toEqual({ class: 4, subject: 3, detail: 2 });
    expect(parseEnhancedStatus('3.0.0 not a class')).toBeNull();
    expect(parseEnhancedStatus('5.1234.1 too long')).toBeNull();
    expect(parseEnhancedStatus('mail.example.com ESMTP')).toBeNull();
  });

  it('joins a multi-line greeting such as postscreen\'s teaser into one reply', () => {
    const { replies, rest } = parseReplies(Buffer.from('220-mx.example.com ESMTP\r\n220-wait for it\r\n220 mx.example.com ready\r\n'));
    expect(rest).toBe(0);
    expect(replies).toEqual([{ code: 220, lines: ['mx.example.com ESMTP', 'wait for it', 'mx.example.com ready'], enhanced: null }]);
  });

  it('accepts bare LF line ends', () => {
    expect(parseReplies(Buffer.from('250-a\n250 b\n')).replies[0]?.lines).toEqual(['a', 'b']);
  });

  it('refuses a reply whose code changes mid-way', () => {
    expect(() => parseReplies(Buffer.from('250-a\r\n251 b\r\n'))).toThrow(SmtpProtocolError);
  });
});

describe('reply parsing properties', () => {
  it('parses what a server formats, however TCP splits it', () => {
    fc.assert(
      fc.property(fc.array(reply, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (replies, cuts) => {
        const wire = Buffer.from(replies.map((r) => formatReply(r.code, r.lines)).join(''));
        const parsed = feed(chunked(wire, cuts));
        expect(parsed.map((r) => ({ code: r.code, lines: r.lines }))).toEqual(replies);
      }),
    );
  });

  it('reads the enhanced status from the first line whenever it is there', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 5), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), replyText, (cls, subject, detail, text) => {
        const [parsed] = parseReplies(Buffer.from(formatReply(cls * 100 + 50, [`${cls}.${subject}.${detail} ${text}`]))).replies;
        expect(parsed?.enhanced).toEqual({ class: cls, subject, detail });
      }),
    );
  });

  it('never buffers more than a line limit, whatever bytes arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 12 }), (chunks) => {
        const splitter = new LineSplitter();
        const assembler = new ReplyAssembler();
        try {
          for (const chunk of chunks) {
            for (const line of splitter.push(Buffer.from(chunk))) {
              expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES * 3);
              assembler.push(line);
            }
            expect(splitter.pendingBytes).toBeLessThanOrEqual(MAX_LINE_BYTES);
            if (splitter.error) throw splitter.error;
          }
        } catch (error) {
          // Garbage may only ever end the dialogue as a protocol error, never as a crash.
          expect(error).toBeInstanceOf(SmtpProtocolError);
        }
      }),
    );
  });

  it('ends an endless line as soon as it passes the limit', () => {
    const splitter = new LineSplitter();
    const chunk = Buffer.alloc(1024, 0x41);
    let fed = 0;
    while (!splitter.error && fed < 100) {
      splitter.push(chunk);
      fed += 1;
    }
    expect(splitter.error?.problem).toBe('line-too-long');
    expect(fed).toBeLessThanOrEqual(MAX_LINE_BYTES / 1024 + 1);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('still returns the lines before an over-long one in the same chunk', () => {
    const splitter = new LineSplitter();
    const lines = splitter.push(Buffer.concat([Buffer.from('220 ready\r\n'), Buffer.alloc(MAX_LINE_BYTES + 1, 0x41)]));
    expect(lines).toEqual(['220 ready']);
    expect(splitter.error).toBeInstanceOf(SmtpProtocolError);
  });

  it('ends a reply that grows past 64 KiB', () => {
    const assembler = new ReplyAssembler();
    const line = `250-${'x'.repeat(1000)}`;
    let thrown: unknown = null;
    let lines = 0;
    try {
      for (; lines < 1000; lines++) assembler.push(line);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as SmtpProtocolError).problem).toBe('reply-too-long');
    expect(lines * 1006).toBeLessThanOrEqual(MAX_REPLY_BYTES + 1006);
  });
});
