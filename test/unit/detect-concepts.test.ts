/**
 * The multilingual concepts the learned words weigh beside the words (src/core/detect/concepts.ts): one
 * idea written in many languages gives one token, inflected forms count through their stems, unrelated
 * words give none, and a badly written lexicon fails when it is built.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon, CONCEPT_MARK, CONCEPTS, conceptTokens } from '../../src/core/detect/concepts';
import { learnedTokens, pageWords } from '../../src/core/detect/learned-words';

describe('conceptTokens', () => {
  it.each([
    ['en', 'set the outgoing server port and send', ['~outgoing', '~port', '~send', '~server']],
    ['fr', 'envoyer par le serveur sortant sur le port 587', ['~outgoing', '~port', '~send', '~server']],
    ['pl', 'wysyłanie przez serwer poczty wychodzącej port 587', ['~outgoing', '~port', '~send', '~server']],
    ['ru', 'отправка почты через сервер исходящей почты порт 587', ['~outgoing', '~port', '~send', '~server']],
    ['fi', 'lähtevän postin palvelimen portti 587', ['~outgoing', '~port', '~server']],
    ['el', 'διακομιστής εξερχόμενης αλληλογραφίας θύρα 587', ['~outgoing', '~port', '~server']],
  ])('gives one language-free token per idea (%s)', (_language, text, expected) => {
    expect(conceptTokens(pageWords(text))).toEqual(expected);
  });

  it('reads inflected forms through their stems, and each concept once', () => {
    expect(conceptTokens(['исходящей', 'исходящий', 'исходящие'])).toEqual(['~outgoing']);
    expect(conceptTokens(['benachrichtigungen', 'benachrichtigung'])).toEqual(['~notification']);
  });

  it('gives nothing for words that name none of its ideas', () => {
    expect(conceptTokens(pageWords('the weather in the mountains was fine all week'))).toEqual([]);
    expect(conceptTokens([])).toEqual([]);
  });

  it('needs the whole word for a form that is not a stem', () => {
    expect(conceptTokens(['porthole', 'sendai', 'serverless'])).toEqual([]);
    expect(conceptTokens(['port', 'send', 'server'])).toEqual(['~port', '~send', '~server']);
  });

  it('marks its tokens so no page word can be one', () => {
    expect(CONCEPTS.length).toBeGreaterThan(10);
    for (const token of conceptTokens(CONCEPTS.flatMap(() => ['port', 'send']))) expect(token.startsWith(CONCEPT_MARK)).toBe(true);
    expect(pageWords(`${CONCEPT_MARK}port ${CONCEPT_MARK}send`)).toEqual(['port', 'send']);
  });
});

describe('buildLexicon', () => {
  it('refuses a stem too short to be safe', () => {
    expect(() => buildLexicon({ send: ['sen*'] })).toThrow(/the stem "sen\*" of send is shorter than 4 letters/);
  });

  it('refuses a form listed twice, naming both places', () => {
    expect(() => buildLexicon({ send: ['envoi'], outgoing: ['envoi'] })).toThrow(/"envoi" is listed under send and again under outgoing/);
    expect(() => buildLexicon({ send: ['envoi', 'envoi'] })).toThrow(/listed under send and again under send/);
  });

  it('builds a lexicon whose lookups a custom list can drive', () => {
    const lexicon = buildLexicon({ relay: ['relay', 'relai*'] });
    expect(conceptTokens(['relais', 'smtp'], lexicon)).toEqual(['~relay']);
    expect(lexicon.concepts).toEqual(['relay']);
  });
});

describe('learnedTokens', () => {
  it('is the page words followed by their concepts', () => {
    const text = 'Configura il server di posta in uscita sulla porta 587';
    const words = pageWords(text.toLowerCase());
    expect(learnedTokens(text.toLowerCase())).toEqual([...words, '~outgoing', '~port', '~server']);
  });

  it('takes its concepts only from the window it reads', () => {
    const long = `${'x '.repeat(2000)}send`;
    expect(learnedTokens(long)).not.toContain('~send');
    expect(learnedTokens(long, long.indexOf('send') - 10)).toContain('~send');
  });
});
