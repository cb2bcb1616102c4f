/**
 * One host-name rule and one port-list rule (src/core), and every place that reads a host name or a
 * port list agreeing with them: target parsing, the service's guard, the options and policy, the
 * extension's stored and passed values, the autoconfig reader, the CLI, the native host and the
 * test network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostName, decodeLooseIpv4, isLocalhostName } from '../../src/core/host-name';
import { checkPortList, checkPortText, MAX_PORT_ENTRIES } from '../../src/core/port-list';
import { parseTarget } from '../../src/core/target';
import { checkRequest } from '../../src/cli/native-messaging';
import { testNetworkFromEnv } from '../../src/cli/test-network';
import { applyPolicy, checkAllowedPorts, checkHelpDomains, checkHostName as checkOptionHost, DEFAULT_OPTIONS } from '../../src/extension/settings/options-schema';
import { parseMessage } from '../../src/extension/platform/messages';
import { hostOrNull } from '../../src/extension/platform/validate';
import { parseAutoconfig } from '../../src/server/discovery/autoconfig-xml';
import { checkPorts, normalizeHostname, TargetError } from '../../src/server/guard';

/** Forms that operating systems and URL parsers read as an IPv4 address, and the address each hides. */
const DISGUISED: Array<[string, string]> = [
  ['127.0.0.0x1', '127.0.0.1'],
  ['0x7f.0x0.0x0.0x1', '127.0.0.1'],
  ['0x7F.0.0.1', '127.0.0.1'],
  ['2130706433', '127.0.0.1'],
  ['0177.0.0.1', '127.0.0.1'],
  ['127.000.000.001', '127.0.0.1'],
  ['127.1', '127.0.0.1'],
  ['127.0.1', '127.0.0.1'],
  ['0x7f000001', '127.0.0.1'],
  ['127.0.0.1.', '127.0.0.1'],
  ['１２７．０．０．１', '127.0.0.1'],
  ['169.254.43518', '169.254.169.254'],
  ['0xa9fea9fe', '169.254.169.254'],
  ['10.1', '10.0.0.1'],
  ['134744072', '8.8.8.8'],
];

describe('checkHostName (the one host-name rule)', () => {
  it('says a name with its port has a port, not that it is a bad IPv6 address', () => {
    const checked = checkHostName('smtp.example.com:587', 'outgoing server');
    expect(checked).toMatchObject({ ok: false, problem: 'port' });
    if (!checked.ok) expect(checked.message).toBe('"smtp.example.com:587" includes a port; type the outgoing server alone (the port is set apart).');
    // A help-centre domain needs a dot: words typed among the domains are not taken as one-label names.
    expect(checkHelpDomains(['help.example.com', 'not'])).toEqual({
      ok: false,
      message: 'The help-centre domain "not" has no dot; give a full domain such as help.example.com.',
      fault: { field: 'help-domain', problem: 'no-dot', value: 'not' },
    });
    expect(checkHelpDomains(['help.example.com', '192.0.2.7'])).toEqual({ ok: true, value: ['help.example.com', '192.0.2.7'] });
    // A pasted web address is said to be one, not a broken IPv6 address.
    expect(checkHostName('https://smtp.example.com/', 'outgoing server')).toMatchObject({ ok: false, problem: 'url' });
    // Two colons or more stay an IPv6 question.
    expect(checkHostName('2001:db8::1')).toMatchObject({ ok: true, kind: 'ipv6' });
    expect(checkHostName('fe80:1:2')).toMatchObject({ ok: false, problem: 'bad-ipv6' });
  });

  it.each(DISGUISED)('refuses %s as the disguised address %s, in one sentence', (input, address) => {
    const checked = checkHostName(input);
    expect(checked).toMatchObject({ ok: false, problem: 'disguised-ip', address });
    if (!checked.ok) {
      expect(checked.message).toContain(`type ${address}`);
      expect(checked.message).toMatch(/\.$/);
      expect(checked.message).not.toContain('\n');
    }
  });

  it.each([
    ['SMTP.Example.COM.', 'name', 'smtp.example.com'],
    ['mail.bücher.example', 'name', 'mail.xn--bcher-kva.example'],
    ['ＭＡＩＬ．example．com', 'name', 'mail.example.com'],
    ['0x7f.example.com', 'name', '0x7f.example.com'],
    ['127.0.0.1.nip.example', 'name', '127.0.0.1.nip.example'],
    ['192.0.2.10', 'ipv4', '192.0.2.10'],
    ['[::1]', 'ipv6', '::1'],
    ['0:0:0:0:0:0:0:1', 'ipv6', '::1'],
    ['[2001:DB8::0:1]', 'ipv6', '2001:db8::1'],
    ['::ffff:127.0.0.1', 'ipv6', '::ffff:7f00:1'],
    // SMTP's address literal (RFC 5321 4.1.3), as a mail header shows it.
    ['[192.0.2.10]', 'ipv4', '192.0.2.10'],
    ['localhost', 'name', 'localhost'],
  ])('accepts %s as %s %s', (input, kind, value) => {
    expect(checkHostName(input)).toEqual({ ok: true, kind, value });
  });

  it.each([
    ['256.1.1.1', 'not-an-address'],
    ['08.0.0.1', 'not-an-address'],
    ['example.123', 'not-an-address'],
    ['1.2.3.4.5', 'not-an-address'],
    ['fe80::1%eth0', 'zone-index'],
    ['[1.2.3.04]', 'bad-ipv6'],
    ['127.0.0.1%20', 'bad-character'],
    ['1:2:3', 'bad-ipv6'],
    ['ä@evil.example', 'bad-character'],
    ['bü/cher.example', 'bad-character'],
    ['bü\tcher.example', 'bad-character'],
    ['mail_server.example', 'bad-character'],
    ['a..b', 'empty-label'],
    ['', 'empty'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(checkHostName(input)).toMatchObject({ ok: false, problem });
  });

  it('reads inet_aton forms as the C library does', () => {
    expect(decodeLooseIpv4('1.2.3')).toBe('1.2.0.3');
    expect(decodeLooseIpv4('0x100.1')).toBeNull();
    expect(decodeLooseIpv4('1.16777216')).toBeNull();
    expect(decodeLooseIpv4('4294967295')).toBe('255.255.255.255');
    expect(decodeLooseIpv4('4294967296')).toBeNull();
  });

  it('knows the localhost names', () => {
    expect(['localhost', 'a.localhost', 'mail.b.localhost'].every(isLocalhostName)).toBe(true);
    expect(['localhost.example.com', 'notlocalhost', 'example.com'].some(isLocalhostName)).toBe(false);
  });

  it('never throws, and what it accepts it accepts again unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[0-9a-fx.:[\]]{1,24}$/)), (input) => {
        const checked = checkHostName(input);
        if (checked.ok) expect(checkHostName(checked.value)).toEqual(checked);
        else expect(checked.message).toMatch(/\.$/);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Each reader of a host name, reduced to "accepted as X" or "refused". */
const READERS: Record<string, (input: string) => string | null> = {
  parseTarget: (input) => {
    const parsed = parseTarget(input);
    return parsed.ok ? parsed.host : null;
  },
  guard: (input) => {
    try {
      return normalizeHostname(input);
    } catch (error) {
      if (error instanceof TargetError) return null;
      throw error;
    }
  },
  options: (input) => {
    const checked = checkOptionHost(input, 'The outgoing server', 'outgoing-server');
    return checked.ok ? checked.value : null;
  },
  policy: (input) => {
    const { options, problems } = applyPolicy(DEFAULT_OPTIONS, { outgoingServer: input });
    return problems.length === 0 ? options.profile.outgoingServer : null;
  },
  'stored/passed values': (input) => hostOrNull(input) ?? null,
  'page messages': (input) => {
    const message = parseMessage({ type: 'hint:open', view: 'check', clientId: null, server: input });
    return message?.type === 'hint:open' ? message.server : null;
  },
  autoconfig: (input) => {
    const xml = `<clientConfig><emailProvider id="x"><outgoingServer type="smtp"><hostname>${input.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</hostname><port>587</port><socketType>STARTTLS</socketType></outgoingServer></emailProvider></clientConfig>`;
    const parsed = parseAutoconfig(xml, { domain: 'example.com', email: null });
    return parsed.ok ? (parsed.servers[0]?.hostname ?? null) : null;
  },
};

describe('every reader of a host name follows the one rule', () => {
  const inputs = [
    ...DISGUISED.map(([input]) => input),
    'smtp.example.com',
    'SMTP.Example.com.',
    'mail.bücher.example',
    '0x7f.example.com',
    'mail_server.example.com',
    '-bad.example.com',
    `${'a'.repeat(64)}.example.com`,
    '256.1.1.1',
    'example.123',
    '192.0.2.25',
  ];
  it.each(inputs)('%s', (input) => {
    const expected = checkHostName(input);
    for (const [reader, read] of Object.entries(READERS)) {
      expect(read(input), `${reader} on ${JSON.stringify(input)}`).toBe(expected.ok ? expected.value : null);
    }
  });
});

describe('parseTarget refuses before any network work', () => {
  it.each(['127.0.0.0x1', '0x7f.0x0.0x0.0x1', 'user@0x7f.0x0.0x0.0x1', 'user@2130706433', 'user@127.1', '2130706433', '0177.0.0.1', '127.1', '127.0.0.1.'])(
    '%s with one sentence',
    (input) => {
      const parsed = parseTarget(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/IP address/);
    },
  );

  it('refuses control and direction characters anywhere, the local part of an address included', () => {
    for (const input of ['ann\u001b[2J@example.com', 'smtp.example.com\u202e', '\u2066mail.example.com']) {
      expect(parseTarget(input)).toMatchObject({ ok: false, message: expect.stringMatching(/control or direction characters/) });
    }
  });

  it('never runs discovery on a localhost name, and refuses one as a mail domain', () => {
    expect(parseTarget('foo.localhost')).toMatchObject({ ok: true, kind: 'host', host: 'foo.localhost' });
    expect(parseTarget('localhost')).toMatchObject({ ok: true, kind: 'host' });
    expect(parseTarget('user@foo.localhost')).toMatchObject({ ok: false, message: expect.stringMatching(/names this computer/) });
  });
});

describe('checkPortList (the one port-list rule)', () => {
  it('keeps the order given and counts a repeated port once', () => {
    expect(checkPortList([587, 465, 587, 25, 2525])).toEqual({ ok: true, ports: [587, 465, 25, 2525] });
    expect(checkPortText(' 587, 25 ,587,')).toEqual({ ok: true, ports: [587, 25] });
  });

  it.each([[[]], [[22]], [['587']], [[587.5]], [null], ['587'], [Array(MAX_PORT_ENTRIES + 1).fill(25)]])('refuses %j', (value) => {
    expect(checkPortList(value).ok).toBe(false);
  });

  /** Each reader of a port list, reduced to the ports it takes or null. */
  const readers: Record<string, (value: unknown[]) => number[] | null> = {
    guard: (value) => {
      try {
        return checkPorts(value);
      } catch {
        return null;
      }
    },
    options: (value) => {
      const checked = checkAllowedPorts(value);
      return checked.ok ? [...checked.value] : null;
    },
    'native host': (value) => {
      const checked = checkRequest({ type: 'probe', id: 1, target: 'smtp.example.com', ports: value });
      return checked.ok ? (checked.request.ports ?? null) : null;
    },
    'CLI test network': (value) => {
      try {
        const network = testNetworkFromEnv({ SMTP_PROBE_TEST_BLOCK_PORTS: value.join(',') }, true);
        return network ? [...network.blocked] : null;
      } catch {
        return null;
      }
    },
  };

  it.each([[[587, 587]], [[2525, 25]], [[26]], [[25, 80]], [[465]], [[]]])('every reader agrees on %j', (value) => {
    const expected = checkPortList(value);
    for (const [reader, read] of Object.entries(readers)) {
      const got = read(value);
      expect(got === null ? null : [...got].sort(), reader).toEqual(expected.ok ? [...expected.ports].sort() : null);
    }
  });
});
