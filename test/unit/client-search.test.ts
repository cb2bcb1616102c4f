import { describe, expect, it } from 'vitest';
import { CLIENTS } from '../../src/core/clients/registry';
import { searchClients, serviceNamed, withinEdits } from '../../src/extension/popup/client-search';

const first = (query: string) => searchClients(query, 'en')[0]?.id;

describe('client search', () => {
  // The names people type for their mail, and the program the picker should put first.
  const expected: [string, string][] = [
    ['hotmail', 'outlook-new'],
    ['outlook.com', 'outlook-new'],
    ['live', 'windows-live-mail'],
    ['yahoo', 'other'],
    ['icloud', 'apple-mail'],
    ['gmx', 'other'],
    ['web.de', 'other'],
    ['gmail', 'gmail-web'],
  ];
  for (const [query, id] of expected) {
    it(`"${query}" leads to ${id}`, () => {
      expect(first(query)).toBe(id);
      expect(first(query.toUpperCase())).toBe(id);
    });
  }

  it('an address or a half-typed name finds the service too', () => {
    expect(first('ana@hotmail.com')).toBe('outlook-new');
    expect(first('pepe@hotmail.es')).toBe('outlook-new');
    expect(first('hotm')).toBe('outlook-new');
    expect(first('luis@gmx.net')).toBe('other');
    expect(first('someone@web.de')).toBe('other');
    expect(first('me@icloud.com')).toBe('apple-mail');
    expect(searchClients('hotmail', 'en').map((client) => client.id)).toContain('windows-mail');
  });

  it('program names still work as before, and a service name is not found inside other words', () => {
    expect(first('thunderbird')).toBe('thunderbird');
    expect(first('outlook 2003')).toBe('outlook-2003');
    expect(searchClients('outlook', 'en').map((client) => client.id)).toContain('outlook-classic');
    expect(serviceNamed('thunderbird')).toBeNull();
    expect(serviceNamed('deliver')).toBeNull();
    expect(searchClients('', 'en')).toHaveLength(CLIENTS.length);
    expect(searchClients('zzzz', 'en')).toEqual([]);
  });

  it('forgives a slip or two when nothing matches as typed', () => {
    expect(first('thunderbrid')).toBe('thunderbird');
    expect(first('thundrbird')).toBe('thunderbird');
    expect(first('samsng')).toBe('samsung-email');
    expect(first('iphnoe')).toBe('ios-mail');
    expect(first('em clinet')).toBe('em-client');
    expect(searchClients('outlok', 'en').map((client) => client.id)).toContain('outlook-classic');
    // A mistyped service still leads to its programs first.
    expect(first('hotmial')).toBe('outlook-new');
    expect(first('gmial')).toBe('gmail-web');
    // In Spanish too, against the Spanish names.
    expect(searchClients('correo windws', 'es')[0]?.id).toBe('windows-mail');
    // Nothing near is still nothing, and short words are not stretched.
    expect(searchClients('zzzz', 'en')).toEqual([]);
    expect(searchClients('xyz', 'en')).toEqual([]);
    for (const word of ['love', 'life', 'vive', 'movil', 'give']) expect(searchClients(word, 'es'), word).toEqual([]);
    expect(first('aple mail')).toBe('apple-mail');
  });

  it('a generic word beside a program\'s name neither hides the program nor brings in a service', () => {
    expect(searchClients('thunderbird mail', 'en').map((client) => client.id)).toEqual(['thunderbird']);
    expect(searchClients('thunderbird email', 'es').map((client) => client.id)).toEqual(['thunderbird']);
    expect(first('new outlook mail')).toBe('outlook-new');
    expect(searchClients('correo outlook', 'es').map((client) => client.id)).toContain('outlook-classic');
    // "mail" is not a slip of "gmail" or "ymail".
    for (const query of ['thunderbird mail', 'microsoft mail', 'mail for windows', 'outlook email', 'windos mail']) {
      expect(searchClients(query, 'en').map((client) => client.id), query).not.toContain('gmail-web');
    }
  });

  it('an address at a domain no service list names still leads to the program by the domain\'s name', () => {
    expect(searchClients('ana@outlook.es', 'es').map((client) => client.id)).toContain('outlook-new');
    expect(searchClients('ana@outlok.com', 'en').map((client) => client.id)).toContain('outlook-classic');
  });

  it('a number is not stretched into another year or version', () => {
    expect(searchClients('outlok 2016', 'en').map((client) => client.id)).not.toContain('windows-live-mail');
    expect(first('outlok 2016')).toBe('outlook-classic');
  });

  it('keeps the results of a query that matches as typed', () => {
    // "outlook" is a word of several programs: the slips of other words are not added to it.
    const exact = searchClients('outlook', 'en').map((client) => client.id);
    expect(exact).not.toContain('thunderbird');
    expect(searchClients('thunderbird', 'en').map((client) => client.id)).toEqual(['thunderbird']);
  });

  it('counts edits as insert, delete, replace and a swap of neighbours', () => {
    expect(withinEdits('thunderbrid', 'thunderbird', 1)).toBe(true);
    expect(withinEdits('outlok', 'outlook', 1)).toBe(true);
    expect(withinEdits('samsnug', 'samsung', 1)).toBe(true);
    expect(withinEdits('samsnug', 'samsung', 0)).toBe(false);
    expect(withinEdits('gmx', 'aol', 2)).toBe(false);
    expect(withinEdits('', 'abc', 3)).toBe(true);
  });
});

describe('a mail service typed instead of a program', () => {
  it('lists its usual programs first, then every other program it may be read in', () => {
    const ids = (query: string) => searchClients(query, 'en').map((client) => client.id);
    for (const query of ['yahoo', 'gmail', 'ana@gmx.de']) {
      expect(ids(query), query).toHaveLength(CLIENTS.length);
    }
    expect(ids('yahoo')[0]).toBe('other');
    expect(ids('gmail').slice(0, 2)).toEqual(['gmail-web', 'gmail-android']);
    expect(ids('gmail')).toContain('thunderbird');
    // A program named beside the service comes first.
    expect(ids('hotmail thunderbird')[0]).toBe('thunderbird');
    expect(ids('thunderbird yahoo')[0]).toBe('thunderbird');
    // A generic word beside the service is no program's name.
    expect(ids('yahoo mail')[0]).toBe('other');
    expect(ids('gmail app').slice(0, 2)).toEqual(['gmail-web', 'gmail-android']);
  });
});

