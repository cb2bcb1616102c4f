import { describe, expect, it } from 'vitest';
import type { PortResult, ProbeReport } from '../../src/core/api';
import { composeReply } from '../../src/core/diagnosis/reply';
import { generalClient, withQuestion } from '../../src/extension/agent/ask-program';
import { translator } from '../helpers/catalogue';

const ok: PortResult = {
  port: 587,
  address: '192.0.2.10',
  family: 4,
  state: 'ok',
  message: '',
  banner: 'mail.example.net ESMTP',
  ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH PLAIN'], usedHelo: false },
  security: 'starttls',
  tls: null,
  auth: ['PLAIN'],
  slowGreeting: false,
  latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
};

const report: ProbeReport = {
  target: 'customer@example.net',
  kind: 'email',
  server: 'mail.example.net',
  discovery: null,
  ports: [ok],
  recommendation: { server: 'mail.example.net', port: 587, security: 'starttls', authentication: 'password', summary: 's', alternative: null },
  warnings: [],
  startedAt: '2026-12-01T12:00:00.000Z',
  durationMs: 1,
  cached: false,
};

describe('a reply before the customer\'s mail program is known', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`asks which program they use, right after the greeting, and gives the general steps (${locale})`, () => {
      const question = translator(locale)('replyAskProgram');
      const plain = composeReply({ report, client: generalClient(), locale, format: 'text' });
      const asked = withQuestion(plain, question);
      const paragraphs = asked.split('\n\n');
      expect(paragraphs[1]).toBe(question);
      expect(paragraphs[0]).toBe(plain.split('\n\n')[0]);
      // Nothing of the reply itself is lost.
      expect(asked.replace(`${question}\n\n`, '')).toBe(plain);
      expect(asked).toContain(generalClient().name);
    });
  }

  it('a reply without paragraphs gets the question first', () => {
    expect(withQuestion('Hello', 'Which program?')).toBe('Which program?\n\nHello');
  });
});
