import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonFault, type JsonProblem } from '../../src/extension/settings/json-fault';
import { JSON_PROBLEMS, jsonFaultWords } from '../../src/extension/options/json-fault-words';
import { translator } from '../helpers/catalogue';

const fault = (text: string) => {
  const found = findJsonFault(text);
  return found && `${found.problem} ${found.line}:${found.column}${found.found ? ` ${found.found}` : ''}`;
};

describe('findJsonFault', () => {
  it('names the place and the problem of the usual mistakes in a hand-edited settings file', () => {
    expect(fault('')).toBe('empty 1:1');
    expect(fault('  \n ')).toBe('empty 2:2');
    expect(fault('{"format": "smtp-port-assistant-settings", ')).toBe('cut-off 1:44');
    expect(fault('{\n  "a": 1\n  "b": 2\n}')).toBe('missing-comma 3:3 "');
    expect(fault('{\n  "a": 1,\n}')).toBe('trailing-comma 2:9 ,');
    expect(fault('[1, 2,]')).toBe('trailing-comma 1:6 ,');
    expect(fault("{'a': 1}")).toBe("single-quotes 1:2 '");
    expect(fault('{"a": \'x\'}')).toBe("single-quotes 1:7 '");
    expect(fault('{a: 1}')).toBe('unquoted-name 1:2 a');
    expect(fault('{"a" 1}')).toBe('missing-colon 1:6 1');
    expect(fault('{"a": 1} // mine')).toBe('comment 1:10 //');
    expect(fault('{"a": "two\nlines"}')).toBe('line-break-in-text 1:11');
    expect(fault('{"a": "C:\\q"}')).toBe('bad-escape 1:10 \\q');
    expect(fault('{"a": yes}')).toBe('not-a-value 1:7 yes');
    // What JSON.parse calls "Unexpected token 'o'": a file that is not JSON at all.
    expect(fault('not json')).toBe('not-a-value 1:1 not');
    expect(fault('{"a": 1}}')).toBe('extra-text 1:9 }');
    expect(fault('{"a": 1}\n{"b": 2}')).toBe('extra-text 2:1 {');
    expect(fault('{"a": [1, 2}')).toBe('missing-comma 1:12 }');
    expect(fault('{"a": "open')).toBe('cut-off 1:7');
  });

  it('finds nothing wrong in valid JSON, however it is laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(findJsonFault(JSON.stringify(value, null, indent))).toBeNull();
      }),
    );
    expect(findJsonFault('\uFEFF{}')).not.toBeNull();
  });

  it('agrees with JSON.parse on whether damaged text is valid', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', "'", ':', 'x', '\n', '\\', '{', '[', '1'), (value, position, insert) => {
        const text = JSON.stringify(value, null, 1) ?? '';
        const at = text.length === 0 ? 0 : position % text.length;
        const damaged = text.slice(0, at) + insert + text.slice(at + (position % 2));
        let valid = true;
        try {
          JSON.parse(damaged);
        } catch {
          valid = false;
        }
        expect(findJsonFault(damaged) === null, JSON.stringify(damaged)).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the import error in the person\'s language', () => {
  const en = translator('en');
  const es = translator('es');

  it('says where and what in both languages, for every problem', () => {
    for (const problem of Object.keys(JSON_PROBLEMS) as JsonProblem[]) {
      const fault = { problem, line: 3, column: 7, found: 'yes', atStart: false };
      for (const [translate, lineWord] of [[en, 'line'], [es, 'línea']] as const) {
        const words = jsonFaultWords(fault, translate);
        expect(words, problem).not.toContain('$');
        expect(words, problem).toMatch(/[.]$/);
        if (problem !== 'empty') expect(words, problem).toContain(`${lineWord} 3`);
      }
      expect(jsonFaultWords(fault, es)).not.toBe(jsonFaultWords(fault, en));
    }
  });

  it('the file from the old bug report reads as plain words, not as "Unexpected token"', () => {
    const words = (text: string) => jsonFaultWords(findJsonFault(text)!, en);
    expect(words('{"format": "smtp-port-assistant-settings", ')).toBe('the file stops too early (line 1, column 44): a closing }, ] or quote is missing, or the file was cut off.');
    expect(words('one: two')).toBe('this is not a settings file (a settings file starts with “{”).');
    expect(words('{\n  "version": 1\n  "profile": {}\n}')).toBe('line 3, column 3: a comma is missing between two entries.');
    expect(words('{"version": yes}')).toBe('line 1, column 13: “yes” is not a value; texts need double quotes around them.');
  });
});
