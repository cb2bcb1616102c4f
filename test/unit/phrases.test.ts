/**
 * Every sentence the checklist, its help and the agent's reply generate, for every client, every
 * recommendation (587 STARTTLS, 465 SSL/TLS, 2525, with and without a known server) and both languages,
 * read for the slips that filling templates with a client's words produces.
 */
import { describe, expect, it } from 'vitest';
import type { PortResult, ProbeReport, Recommendation } from '../../src/core/api';
import { CLIENTS } from '../../src/core/clients/registry';
import { alternativeLine, helpText, matchAdvice, settingsLine, tryInstead } from '../../src/core/clients/phrases';
import { pick, renderSteps } from '../../src/core/clients/render';
import { LOCALES, type Locale, type MailClient, type TargetSettings } from '../../src/core/clients/types';
import type { CheckedFallback } from '../../src/core/diagnosis/submission';
import { composeReply } from '../../src/core/diagnosis/reply';

/** Common English words that have no place in Spanish text outside a quoted label of the program. */
const ENGLISH = [
  'the', 'and', 'with', 'without', 'your', 'you', 'to', 'on', 'off', 'box', 'checked', 'cleared', 'if', 'fails', 'instead',
  'try', 'set', 'check', 'click', 'says', 'server', 'settings', 'outgoing', 'security', 'of', 'for', 'is', 'it', 'at', 'when',
  'answers', 'login', 'program', 'other', 'older', 'new', 'only', 'then', 'not', 'steps',
];

/** What is wrong with one generated sentence, or [] when it reads right. */
export function slips(text: string, locale: Locale): string[] {
  const found: string[] = [];
  const rule = (name: string, pattern: RegExp) => {
    if (pattern.test(text)) found.push(name);
  };
  // A switch position used as if it were the name of a choice: "with on (box checked)", 'to on (…)'.
  rule('switch position as a choice', /\b(?:with|to|con|en) (?:on|off|activad[oa]|desactivad[oa])\b/i);
  rule('switch position explained by its own label', /\b(?:on|off|activad[oa]|desactivad[oa]) \((?:box|casilla|Use|Usar)\b/i);
  // The fallback for an unknown server dropped into a sentence that checks the server's name.
  rule('checks the server against itself', /\b(?:says|is|indica|es) (?:your|su) (?:current )?(?:outgoing server|servidor de salida)/i);
  rule('doubled word', /(?<!\p{L})(\p{L}{2,})\s+\1(?!\p{L})/iu);
  rule('placeholder left over', /\{|\}|\$[A-Z_]+\$/);
  rule('undefined, null or NaN', /\b(?:undefined|null|NaN)\b/);
  rule('empty quotes or brackets', /""|“”|\(\s*\)|\[\s*\]/);
  rule('space before punctuation', / [.,;:](?!\w)/);
  rule('doubled punctuation', /(?<!\.)\.\.(?!\.)|,,|;;|\.,|,\./);
  rule('a name said twice', /(?<![\w.-])([\w.-]+\.[\w-]+) \(\1\)/);
  if (locale === 'es') {
    // The program's own labels are quoted; outside them nothing should be English.
    const unquoted = text.replace(/"[^"]*"|“[^”]*”|\S+@\S+|[\w-]+(?:\.[\w-]+)+/g, ' ');
    const words = unquoted.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = [...new Set(words.filter((word) => ENGLISH.includes(word)))];
    if (english.length > 0) found.push(`English in Spanish: ${english.join(', ')}`);
  }
  return found;
}

const SERVER = 'mail.example.net';

/** The recommendations the checklist and the reply are rendered for. */
const SETTINGS: { port: number; security: TargetSettings['security'] }[] = [
  { port: 587, security: 'starttls' },
  { port: 465, security: 'tls' },
  { port: 2525, security: 'starttls' },
];

/**
 * A check's findings: the other submission ports all not working and no alternative, another port that works (2525 has no
 * "why" sentence), or no alternative with nothing found failing (the usual other port untried, or working with another login).
 */
const FOUND: CheckedFallback[] = [
  { failed: [465, 587, 2525], alternative: null },
  { failed: [], alternative: { port: 465, security: 'tls' } },
  { failed: [2525], alternative: { port: 587, security: 'starttls' } },
  { failed: [465, 587], alternative: { port: 2525, security: 'starttls' } },
  { failed: [], alternative: null },
];

function targets(): TargetSettings[] {
  return SETTINGS.flatMap(({ port, security }) =>
    [SERVER, null].flatMap((server) => [
      { server, port, security, authentication: 'password' as const },
      // From a server check ("Use these settings"): its fallback, or none found.
      ...FOUND.filter((checked) => checked.alternative?.port !== port).map((checked) => ({
        server,
        port,
        security,
        authentication: 'password' as const,
        checked: { ...checked, failed: checked.failed.filter((number) => number !== port) },
      })),
    ]),
  );
}

function okPort(port: PortResult['port'], security: PortResult['security']): PortResult {
  return {
    port,
    address: '192.0.2.10',
    family: 4,
    state: 'ok',
    message: '',
    banner: `${SERVER} ESMTP`,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security,
    tls: null,
    auth: port === 25 ? [] : ['PLAIN', 'LOGIN'],
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
  };
}

function report(target: string, recommendation: Recommendation): ProbeReport {
  return {
    target,
    kind: target.includes('@') ? 'email' : 'host',
    server: SERVER,
    discovery: null,
    ports: [okPort(25, 'starttls'), okPort(465, 'tls'), okPort(587, 'starttls'), okPort(2525, 'starttls')],
    recommendation,
    warnings: [],
    startedAt: '2026-12-01T12:00:00.000Z',
    durationMs: 900,
    cached: false,
  };
}

/**
 * Every sentence of the checklist for one client and target: steps with details and expectations, the
 * retired note, the settings card's fallback line, the copied steps' settings line and the help sections.
 */
function checklistSentences(client: MailClient, target: TargetSettings, locale: Locale): string[] {
  const steps = renderSteps(client, target, locale).flatMap((step) => [step.text, step.detail ?? '', step.expect ?? '']);
  const help = helpText(client, target, locale);
  return [
    ...steps,
    client.retired ? pick(client.retired.note, locale) : '',
    alternativeLine(client, target, locale),
    settingsLine(client, target, locale),
    tryInstead(client, { port: 465, security: 'tls' }, locale),
    matchAdvice(client, target, locale),
    matchAdvice(client, { port: 587, security: 'tls' }, locale),
    matchAdvice(client, { port: 465, security: 'starttls' }, locale),
    help.authTitle,
    ...help.auth.flatMap((section) => [section.title, section.body]),
    help.stillTitle,
    ...help.still,
  ].filter(Boolean);
}

function replyLines(client: MailClient, target: TargetSettings, locale: Locale, checked: string): string[] {
  const recommendation: Recommendation = {
    server: SERVER,
    port: target.port,
    security: target.security,
    authentication: 'password',
    summary: '',
    alternative: target.checked?.alternative ?? null,
  };
  const found = report(checked, recommendation);
  // The ports the check found not working are refused in the report.
  const failed = target.checked?.failed ?? [];
  const ports = found.ports.map((result) => (failed.includes(result.port) ? { ...result, state: 'refused' as const, security: 'none' as const, banner: null, auth: [] } : result));
  return composeReply({ report: { ...found, ports }, client, locale, format: 'text' })
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('generated phrases', () => {
  it('the checker itself catches the slips it is meant to catch', () => {
    expect(slips('If 587 fails: port 465 with on (box checked)', 'en')).not.toEqual([]);
    expect(slips('Set "Use TLS/SSL" to on (Use TLS/SSL checked).', 'en')).not.toEqual([]);
    expect(slips('Check that Outgoing mail server (SMTP) says your current outgoing server.', 'en')).not.toEqual([]);
    expect(slips('- Security: on (box checked)', 'en')).not.toEqual([]);
    expect(slips('We checked the outgoing mail server for localhost.example (localhost.example).', 'en')).not.toEqual([]);
    expect(slips('Pruebe el puerto 465 con activada (casilla marcada).', 'es')).not.toEqual([]);
    expect(slips('Pasos en New Outlook for Windows', 'es')).not.toEqual([]);
    expect(slips('Click the the button.', 'en')).not.toEqual([]);
    expect(slips('Set Connection security to STARTTLS.', 'en')).toEqual([]);
    expect(slips('Marque "Use the same settings" y haga clic en Aceptar.', 'es')).toEqual([]);
  });

  for (const client of CLIENTS) {
    for (const locale of LOCALES) {
      it(`${client.id} (${locale}): steps, notes and help read right for every recommendation`, () => {
        const problems: string[] = [];
        for (const target of targets()) {
          for (const sentence of checklistSentences(client, target, locale)) {
            for (const slip of slips(sentence, locale)) problems.push(`${target.port}/${target.server ?? 'no server'}: ${slip}: ${sentence}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it(`${client.id} (${locale}): the agent's reply reads right for every recommendation`, () => {
        const problems: string[] = [];
        for (const target of targets().filter((entry) => entry.server !== null)) {
          for (const checked of ['customer@example.net', SERVER]) {
            for (const line of replyLines(client, target, locale, checked)) {
              for (const slip of slips(line, locale)) problems.push(`${target.port} ${checked}: ${slip}: ${line}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('what to try when the port fails', () => {
  const thunderbird = CLIENTS.find((client) => client.id === 'thunderbird')!;
  const base = { server: SERVER, port: 587, security: 'starttls' as const, authentication: 'password' as const };
  // The first line is the rule that pairs each port with its security, which names both ports whatever the check found.
  const still = (target: TargetSettings, locale: Locale = 'en') => helpText(thunderbird, target, locale).still.slice(1).join('\n');
  const none = { ...base, checked: { failed: [465, 2525], alternative: null } };

  it('without a check: the usual other port, and 2525 as a maybe', () => {
    expect(alternativeLine(thunderbird, base, 'en')).toMatch(/^If 587 fails: port 465 with /);
    expect(still(base)).toContain('Try port 465 with');
    expect(still(base)).toContain('2525');
  });

  it('after a check that found another port working: that port, and no hint towards ports it tried', () => {
    const found = { ...base, checked: { failed: [465], alternative: { port: 2525, security: 'starttls' as const } } };
    expect(alternativeLine(thunderbird, found, 'en')).toMatch(/^If 587 fails: port 2525 with /);
    expect(still(found)).toContain('Try port 2525 with');
    expect(still(found)).not.toContain('465');
    expect(still(found)).not.toContain('Some providers also accept port 2525');
  });

  it('after a check that found no other port: says so, in both languages, and names no closed port', () => {
    expect(alternativeLine(thunderbird, none, 'en')).toBe('The check found no other port that works for you instead of 587.');
    expect(alternativeLine(thunderbird, none, 'es')).toBe('La comprobación no encontró otro puerto que le funcione en lugar del 587.');
    for (const locale of LOCALES) {
      expect(still(none, locale)).not.toMatch(/465|2525/);
      expect(still(none, locale)).toContain(alternativeLine(thunderbird, none, locale));
    }
  });

  it('a port the check did not find failing is no finding: the usual other port, and the 2525 hint, stand', () => {
    // The helpdesk's profile allowed 25 and 587 only, or 465 takes only a Windows sign-in.
    const untried = { ...base, checked: { failed: [], alternative: null } };
    expect(alternativeLine(thunderbird, untried, 'en')).toMatch(/^If 587 fails: port 465 with /);
    expect(still(untried)).toContain('Try port 465 with');
    expect(still(untried)).toContain('Some providers also accept port 2525');
  });

  it("the agent's reply follows the check: its alternative, or that none was found", () => {
    const lines = (checked: CheckedFallback) => replyLines(thunderbird, { ...base, checked }, 'en', SERVER).join('\n');
    expect(lines({ failed: [], alternative: { port: 465, security: 'tls' } })).toContain('Try port 465 with');
    expect(lines({ failed: [465, 2525], alternative: null })).toContain('The check found no other port that works for you instead of 587.');
    expect(lines({ failed: [465, 2525], alternative: null })).not.toMatch(/Try port \d+/);
    expect(lines({ failed: [], alternative: null })).toContain('Try port 465 with');
  });

  it('a program that picks the encryption by the port is pointed at the fallback the check found, or at none', () => {
    const mail = CLIENTS.find((client) => client.securityModel === 'switch')!;
    const unusual = { ...base, security: 'tls' as const };
    expect(matchAdvice(mail, unusual, 'en')).toMatch(/use port 465 instead\.$/);
    expect(matchAdvice(mail, { ...unusual, checked: { failed: [465], alternative: { port: 2525, security: 'starttls' } } }, 'en')).toMatch(/use port 2525 instead\.$/);
    const noFallback = matchAdvice(mail, { ...unusual, checked: { failed: [465, 2525], alternative: null } }, 'en');
    expect(noFallback).not.toMatch(/use port/);
    expect(noFallback).toMatch(/ask your provider for the usual pairing\.$/);
  });
});
