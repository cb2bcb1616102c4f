import { describe, expect, it, vi } from 'vitest';
import { checkAddress, checkPorts, normalizeHostname, resolveApproved, TargetError } from '../../src/server/guard';
import { LookupUnavailableError, type DnsResolver } from '../../src/server/dns';

function resolverWith(records: { a?: string[]; aaaa?: string[] }, failure?: string): DnsResolver & { calls: string[] } {
  const calls: string[] = [];
  const answer = (list: string[] | undefined) => {
    if (failure) return Promise.reject(Object.assign(new Error(failure), { code: failure }));
    return list && list.length > 0 ? Promise.resolve(list) : Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' }));
  };
  return {
    calls,
    resolve4: vi.fn((name: string) => (calls.push(`A ${name}`), answer(records.a))),
    resolve6: vi.fn((name: string) => (calls.push(`AAAA ${name}`), answer(records.aaaa))),
    resolveMx: () => Promise.resolve([]),
    resolveSrv: () => Promise.resolve([]),
  };
}

function targetError(run: () => unknown): TargetError {
  try {
    run();
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
  throw new Error('expected a TargetError');
}

async function rejected(promise: Promise<unknown>): Promise<TargetError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TargetError)) throw new Error(`expected a TargetError, got ${String(error)}`);
  return error;
}

describe('normalizeHostname', () => {
  it('trims, lowercases and drops the trailing dot', () => {
    expect(normalizeHostname('  SMTP.Example.COM.  ')).toBe('smtp.example.com');
  });

  it('turns international names into punycode (IDNA)', () => {
    expect(normalizeHostname('mail.bücher.example')).toBe('mail.xn--bcher-kva.example');
    expect(normalizeHostname('ＭＡＩＬ．example．com')).toBe('mail.example.com');
  });

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['127.0.0.0x1', '127.0.0.1'],
    ['0x7f.0x0.0x0.0x1', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['０x7f.1', '127.0.0.1'],
    ['0xa9.254.169.254', '169.254.169.254'],
  ])('refuses the disguised address %s, naming %s, before any lookup', (input, address) => {
    const error = targetError(() => normalizeHostname(input));
    expect(error.code).toBe('refused-target');
    expect(error.message).toContain(`IP address ${address} written in an unusual form`);
  });

  it('calls a disguised public address invalid rather than refused', () => {
    const error = targetError(() => normalizeHostname('134744072'));
    expect(error).toMatchObject({ code: 'invalid-target', message: expect.stringContaining('8.8.8.8') });
  });

  it.each([
    ['[::1]', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['[2001:DB8::0:1]', '2001:db8::1'],
    // An IPv4-mapped address is the IPv4 address itself: checked (and refused or allowed) as that.
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['[::ffff:8.8.8.8]', '8.8.8.8'],
  ])('reads the IP literal %s as %s so the address check sees it', (input, canonical) => {
    expect(normalizeHostname(input)).toBe(canonical);
  });

  it.each([
    ['', /empty/],
    ['exa mple.com', /not a valid server name|letters, digits/],
    ['mail_server.example.com', /letters, digits and hyphens/],
    ['-mail.example.com', /letters, digits and hyphens/],
    ['mail..example.com', /empty part/],
    [`${'a'.repeat(64)}.example.com`, /longer than 63/],
    [`${'abcdefghi.'.repeat(26)}com`, /longer than 253/],
    ['fe80::1%eth0', /zone index/],
    ['example.123', /neither a valid IP address nor a valid server name/],
    ['mail.example.0x1f', /neither a valid IP address nor a valid server name/],
    ['256.1.1.1', /neither a valid IP address nor a valid server name/],
  ])('refuses %j with a clear sentence', (input, message) => {
    const error = targetError(() => normalizeHostname(input));
    expect(error.code).toBe('invalid-target');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/[.]$/);
  });
});

describe('checkAddress', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.254', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['169.254.169.254', /link-local.*metadata/],
    ['0.0.0.0', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.1', /multicast/],
    ['192.0.2.1', /reserved or documentation/],
    ['240.0.0.1', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['::ffff:127.0.0.1', /IPv4-mapped/],
    ['::ffff:8.8.8.8', /IPv4-mapped/],
    ['2002:7f00:1::1', /6to4/],
    ['2001:0:4136:e378::1', /Teredo/],
    ['64:ff9b::7f00:1', /NAT64/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /reserved or documentation/],
    ['::2', /global unicast/],
    ['not-an-ip', /not an IP address/],
  ])('refuses %s, saying which range', (ip, reason) => {
    const verdict = checkAddress(ip);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2a00:1450:4001:80b::201a', '2606:4700:4700::1111'])('lets the public address %s through', (ip) => {
    expect(checkAddress(ip)).toEqual({ ok: true });
  });
});

describe('resolveApproved', () => {
  it('returns every public address once, A before AAAA', async () => {
    const resolver = resolverWith({ a: ['93.184.215.14', '93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    await expect(resolveApproved('www.example.com', { resolver })).resolves.toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    expect(resolver.calls.sort()).toEqual(['A www.example.com', 'AAAA www.example.com']);
  });

  it('refuses the whole name when one of its addresses is private', async () => {
    const resolver = resolverWith({ a: ['93.184.215.14', '10.0.0.5'] });
    const error = await rejected(resolveApproved('mixed.example.com', { resolver }));
    expect(error.code).toBe('refused-target');
    expect(error.message).toMatch(/mixed\.example\.com resolves to an address that is not public/);
    // The address is not said: behind a split-horizon resolver it would map the internal DNS.
    expect(error.message).not.toContain('10.0.0.5');
  });

  it('refuses a name whose only answer is the metadata service', async () => {
    const error = await rejected(resolveApproved('rebind.example.com', { resolver: resolverWith({ a: ['169.254.169.254'] }) }));
    expect(error.code).toBe('refused-target');
  });

  it('names the unspecified and broadcast ranges in words that read as a sentence', () => {
    expect(checkAddress('0.0.0.0')).toMatchObject({ ok: false, reason: expect.stringMatching(/^0\.0\.0\.0 is in the unspecified range \(0\.0\.0\.0\/8 or ::\)/) });
    expect(checkAddress('255.255.255.255')).toMatchObject({ ok: false, reason: expect.stringMatching(/is in the broadcast range \(255\.255\.255\.255\)/) });
  });

  it('refuses a name that resolves to IPv6 loopback', async () => {
    const error = await rejected(resolveApproved('six.example.com', { resolver: resolverWith({ aaaa: ['::1'] }) }));
    expect(error.code).toBe('refused-target');
    expect(error.message).toMatch(/not public/);
    expect(error.message).not.toContain('::1');
  });

  it.each(['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.1', '[::1]', '::ffff:127.0.0.1', '10.0.0.1', '192.168.0.1', '172.16.5.4', '100.64.1.1', '169.254.169.254', 'fc00::1', 'fe80::1', 'localhost', 'mail.localhost'])(
    'refuses the literal or special name %s without asking DNS',
    async (target) => {
      const resolver = resolverWith({ a: ['93.184.215.14'] });
      const error = await rejected(resolveApproved(target, { resolver }));
      expect(error.code).toBe('refused-target');
      expect(resolver.calls).toEqual([]);
    },
  );

  it('lets loopback through only with allowPrivate (local testing)', async () => {
    const resolver = resolverWith({});
    await expect(resolveApproved('localhost', { resolver, allowPrivate: true })).resolves.toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    await expect(resolveApproved('0.0.0.0', { resolver, allowPrivate: true })).rejects.toThrow(/unspecified/);
  });

  it('says when a name has no address, and when DNS fails', async () => {
    const none = await rejected(resolveApproved('nothing.example.com', { resolver: resolverWith({}) }));
    expect(none).toMatchObject({ code: 'invalid-target' });
    expect(none.message).toMatch(/no IPv4 or IPv6 address/);
    const failing = await resolveApproved('broken.example.com', { resolver: resolverWith({}, 'ESERVFAIL') }).catch((error: unknown) => error);
    // Not bad input: a failing DNS server is told apart (the service answers 503, the CLI exits 4).
    expect(failing).toBeInstanceOf(LookupUnavailableError);
    expect((failing as Error).message).toBe('broken.example.com could not be looked up: the name\'s DNS servers answered with a failure (SERVFAIL). This is usually temporary; try again in 30 seconds.');
  });

  it('refuses an invalid name before asking DNS', async () => {
    const resolver = resolverWith({ a: ['93.184.215.14'] });
    await expect(resolveApproved('bad name', { resolver })).rejects.toMatchObject({ code: 'invalid-target' });
    expect(resolver.calls).toEqual([]);
  });
});

describe('checkPorts', () => {
  it('accepts only 25, 465, 587 and 2525, deduplicated', () => {
    expect(checkPorts([587, 465, 587, 25, 2525])).toEqual([587, 465, 25, 2525]);
  });

  it.each([[[22]], [[80, 587]], [['587']], [[587.5]], [[]], ['25'], [null], [[65536]], [[-25]]])('refuses %j', (ports) => {
    expect(targetError(() => checkPorts(ports)).code).toBe('invalid-target');
  });
});

