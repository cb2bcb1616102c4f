import { describe, expect, it } from 'vitest';
import { checkRequest, encodeFrame, FrameDecoder, MAX_INCOMING_BYTES, MAX_OUTGOING_BYTES, MAX_SKIPPABLE_BYTES } from '../../src/cli/native-messaging';

function frame(value: unknown): Uint8Array {
  return encodeFrame(value);
}

function raw(length: number, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  const bytes = new Uint8Array(4 + body.length);
  new DataView(bytes.buffer).setUint32(0, length, true);
  bytes.set(body, 4);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

describe('encodeFrame', () => {
  it('writes a little-endian length and UTF-8 JSON', () => {
    const bytes = encodeFrame({ a: 'é' });
    const body = '{"a":"é"}';
    expect(new DataView(bytes.buffer).getUint32(0, true)).toBe(Buffer.byteLength(body));
    expect(Buffer.from(bytes.subarray(4)).toString('utf8')).toBe(body);
  });

  it('refuses a message over the 1 MB limit Chrome puts on host replies', () => {
    expect(() => encodeFrame({ text: 'x'.repeat(MAX_OUTGOING_BYTES) })).toThrow(RangeError);
    expect(() => encodeFrame({ text: 'x'.repeat(MAX_OUTGOING_BYTES - 20) })).not.toThrow();
  });
});

describe('FrameDecoder', () => {
  it('decodes one message', () => {
    expect(new FrameDecoder().push(frame({ type: 'probe', id: 1 }))).toEqual([{ kind: 'message', value: { type: 'probe', id: 1 } }]);
  });

  it('reassembles a message split at every possible byte', () => {
    const bytes = frame({ type: 'probe', id: 'x', target: 'smtp.example.com' });
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const decoder = new FrameDecoder();
      expect(decoder.push(bytes.subarray(0, cut))).toEqual([]);
      expect(decoder.push(bytes.subarray(cut))).toEqual([{ kind: 'message', value: { type: 'probe', id: 'x', target: 'smtp.example.com' } }]);
      expect(decoder.pendingBytes).toBe(0);
    }
  });

  it('feeds byte by byte', () => {
    const decoder = new FrameDecoder();
    const bytes = concat(frame(1), frame('two'));
    const frames = [...bytes].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(frames).toEqual([{ kind: 'message', value: 1 }, { kind: 'message', value: 'two' }]);
  });

  it('returns several messages from one chunk, in order', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(concat(frame({ n: 1 }), frame({ n: 2 }), frame({ n: 3 }).subarray(0, 5)));
    expect(frames).toEqual([{ kind: 'message', value: { n: 1 } }, { kind: 'message', value: { n: 2 } }]);
    expect(decoder.push(frame({ n: 3 }).subarray(5))).toEqual([{ kind: 'message', value: { n: 3 } }]);
  });

  it('reports a zero-length message as malformed and goes on', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(concat(raw(0), frame('next')))).toEqual([
      { kind: 'malformed', reason: 'The message was empty (length 0).' },
      { kind: 'message', value: 'next' },
    ]);
  });

  it('reports bad JSON and bad UTF-8 as malformed and goes on', () => {
    const decoder = new FrameDecoder();
    const notJson = new TextEncoder().encode('{"type": probe}');
    const badUtf8 = Uint8Array.of(0x22, 0xff, 0xfe, 0x22);
    const frames = decoder.push(concat(raw(notJson.length, notJson), raw(badUtf8.length, badUtf8), frame(true)));
    expect(frames.map((f) => f.kind)).toEqual(['malformed', 'malformed', 'message']);
    expect(frames[0]).toMatchObject({ reason: /not valid JSON/ });
    expect(frames[1]).toMatchObject({ reason: /not valid UTF-8/ });
  });

  it('skips an oversize message byte for byte, across chunks, then reads the next one', () => {
    const decoder = new FrameDecoder();
    const length = MAX_INCOMING_BYTES + 10;
    const body = new Uint8Array(length).fill(0x61);
    expect(decoder.push(concat(raw(length), body.subarray(0, 1000)))).toEqual([{ kind: 'oversize', length }]);
    expect(decoder.pendingBytes).toBe(length - 1000);
    expect(decoder.push(body.subarray(1000, 500_000))).toEqual([]);
    expect(decoder.push(concat(body.subarray(500_000), frame({ after: true })))).toEqual([{ kind: 'message', value: { after: true } }]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('skips an oversize message that arrives in one chunk with the next', () => {
    const decoder = new FrameDecoder(16);
    const body = new Uint8Array(20).fill(0x20);
    expect(decoder.push(concat(raw(20, body), frame('ok')))).toEqual([{ kind: 'oversize', length: 20 }, { kind: 'message', value: 'ok' }]);
  });

  it('stops for good at a length no browser sends (the stream cannot be resynchronised)', () => {
    const decoder = new FrameDecoder();
    // "GET " read as a length: someone spoke HTTP to the host.
    const frames = decoder.push(concat(new TextEncoder().encode('GET / HTTP/1.1\r\n'), frame('late')));
    expect(frames).toEqual([{ kind: 'desync', length: 0x20544547 }]);
    expect(decoder.broken).toBe(true);
    expect(decoder.push(frame('later'))).toEqual([]);
    expect(MAX_SKIPPABLE_BYTES).toBeLessThan(0x20544547);
  });
});

describe('checkRequest', () => {
  it('accepts a probe request and deduplicates ports', () => {
    expect(checkRequest({ type: 'probe', id: 7, target: 'me@example.com', ports: [587, 25, 587] })).toEqual({
      ok: true,
      request: { type: 'probe', id: 7, target: 'me@example.com', ports: [587, 25] },
    });
    expect(checkRequest({ type: 'probe', id: 'a', target: 'example.com' })).toEqual({ ok: true, request: { type: 'probe', id: 'a', target: 'example.com' } });
  });

  it.each([
    [null, 'malformed', null],
    [[1, 2], 'malformed', null],
    ['probe', 'malformed', null],
    [42, 'malformed', null],
    [{ type: 'hello', id: 3 }, 'invalid-request', 3],
    [{ id: 4, target: 'example.com' }, 'invalid-request', 4],
    [{ type: 'probe', target: 'example.com' }, 'invalid-request', null],
    [{ type: 'probe', id: { x: 1 }, target: 'example.com' }, 'invalid-request', null],
    [{ type: 'probe', id: 5 }, 'invalid-request', 5],
    [{ type: 'probe', id: 6, target: '  ' }, 'invalid-request', 6],
    [{ type: 'probe', id: 7, target: 'x'.repeat(601) }, 'invalid-target', 7],
    [{ type: 'probe', id: 8, target: 'example.com', ports: [22] }, 'invalid-request', 8],
    [{ type: 'probe', id: 9, target: 'example.com', ports: [] }, 'invalid-request', 9],
    [{ type: 'probe', id: 10, target: 'example.com', ports: '25' }, 'invalid-request', 10],
    [{ type: 'probe', id: 11, target: 'example.com', ports: [25.5] }, 'invalid-request', 11],
  ])('refuses %j with %s', (value, code, id) => {
    const checked = checkRequest(value);
    expect(checked).toMatchObject({ ok: false, code, id });
    if (!checked.ok) expect(checked.message).toMatch(/\.$/);
  });
});
