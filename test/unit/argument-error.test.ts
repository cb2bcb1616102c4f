import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argumentError } from '../../src/cli/argument-error';

function refusal(args: string[]): string {
  try {
    parseArgs({ args, allowPositionals: false, options: { ports: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return argumentError(error);
  }
  throw new Error('parseArgs took it');
}

describe('argumentError', () => {
  it.each([
    [['--bogus'], '--bogus is not an option.'],
    [['-x'], '-x is not an option.'],
    [['--ports'], '--ports needs a value.'],
    [['--json=yes'], '--json takes no value.'],
    [['--help=1'], '--help takes no value.'],
    [['mail.example.net'], 'There are more arguments than the command takes.'],
  ])('%j: %s', (args, words) => {
    expect(refusal(args)).toBe(words);
  });
});
