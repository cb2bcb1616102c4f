import { describe, expect, it } from 'vitest';
import { CLIENTS } from '../../src/core/clients/registry';
import { searchClients, serviceNamed } from '../../src/extension/popup/client-search';

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
});
