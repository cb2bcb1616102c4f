/**
 * Where a JSON text goes wrong and what is wrong there, in terms a person editing a settings file can act
 * on ("line 3: a comma is missing"), instead of the engine's "Unexpected token 'o'…". Only consulted after
 * JSON.parse has failed, so it need not build values; it walks the text once. Pure.
 */

export type JsonProblem =
  | 'empty'
  /** The text stops before the value is complete (a missing } or ] or "). */
  | 'cut-off'
  /** Two entries without a comma between them. */
  | 'missing-comma'
  /** A name without a colon after it. */
  | 'missing-colon'
  /** A comma right before } or ]. */
  | 'trailing-comma'
  /** A name or text in 'single quotes'. */
  | 'single-quotes'
  /** A name without quotes. */
  | 'unquoted-name'
  /** A comment (JSON has none). */
  | 'comment'
  /** A line break or control character inside quotes. */
  | 'line-break-in-text'
  /** A backslash that starts no valid escape. */
  | 'bad-escape'
  /** Something that is not a value where one is needed (a word, a stray character). */
  | 'not-a-value'
  /** More after the complete value. */
  | 'extra-text';

export interface JsonFault {
  problem: JsonProblem;
  /** 1-based, counted in characters as an editor shows them. */
  line: number;
  column: number;
  /** The character (or word) found there, when there is one. */
  found: string | null;
  /** At the very first character of the text (spaces aside): the file is likely not JSON at all. */
  atStart: boolean;
}

class Fault extends Error {
  constructor(
    readonly problem: JsonProblem,
    readonly at: number,
    readonly found: string | null = null,
  ) {
    super(problem);
  }
}

/** The fault in `text`, or null when it is valid JSON. */
export function findJsonFault(text: string): JsonFault | null {
  let index = 0;

  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index += 1;
    if (text.startsWith('//', index) || text.startsWith('/*', index)) throw new Fault('comment', index, text.slice(index, index + 2));
  };
  const peek = () => text[index];
  const word = (at: number) => /^[^\s{}[\],:"']{1,20}/.exec(text.slice(at))?.[0] ?? text[at] ?? null;

  const string = () => {
    const start = index;
    index += 1; // the opening quote
    for (;;) {
      if (index >= text.length) throw new Fault('cut-off', start);
      const char = text[index]!;
      if (char === '"') {
        index += 1;
        return;
      }
      if (char === '\\') {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) throw new Fault('bad-escape', index, text.slice(index, index + 6));
          index += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) throw new Fault('bad-escape', index, text.slice(index, index + 2));
        index += 2;
        continue;
      }
      if (char < ' ') throw new Fault('line-break-in-text', index, null);
      index += 1;
    }
  };

  const value = (): void => {
    skipSpace();
    const char = peek();
    if (char === undefined) throw new Fault('cut-off', index);
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === "'") throw new Fault('single-quotes', index, "'");
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index));
    if (number && /[-\d]/.test(char)) {
      index += number[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, index)) {
        index += literal.length;
        return;
      }
    }
    throw new Fault('not-a-value', index, word(index));
  };

  /** After an entry: a comma, or the closing bracket; anything else means a missing comma (or a cut-off text). */
  const afterEntry = (close: '}' | ']'): boolean => {
    skipSpace();
    const char = peek();
    if (char === undefined) throw new Fault('cut-off', index);
    if (char === close) {
      index += 1;
      return false;
    }
    if (char === ',') {
      const comma = index;
      index += 1;
      skipSpace();
      if (peek() === close) throw new Fault('trailing-comma', comma, ',');
      return true;
    }
    throw new Fault('missing-comma', index, word(index));
  };

  const object = () => {
    index += 1;
    skipSpace();
    if (peek() === '}') {
      index += 1;
      return;
    }
    for (;;) {
      skipSpace();
      const char = peek();
      if (char === undefined) throw new Fault('cut-off', index);
      if (char === "'") throw new Fault('single-quotes', index, "'");
      if (char !== '"') throw new Fault('unquoted-name', index, word(index));
      string();
      skipSpace();
      if (peek() === undefined) throw new Fault('cut-off', index);
      if (peek() !== ':') throw new Fault('missing-colon', index, word(index));
      index += 1;
      value();
      if (!afterEntry('}')) return;
    }
  };

  const array = () => {
    index += 1;
    skipSpace();
    if (peek() === ']') {
      index += 1;
      return;
    }
    for (;;) {
      value();
      if (!afterEntry(']')) return;
    }
  };

  try {
    skipSpace();
    if (index >= text.length) throw new Fault('empty', index);
    value();
    skipSpace();
    if (index < text.length) throw new Fault('extra-text', index, word(index));
    return null;
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    const column = error.at - (before.lastIndexOf('\n') + 1) + 1;
    return { problem: error.problem, line, column, found: error.found, atStart: before.trim() === '' };
  }
}
