/**
 * The multilingual concepts the learned words weigh beside the words (src/core/detect/concepts.ts): one
 * idea written in many languages gives one token, inflected forms count through their stems, unrelated
 * words give none, and a badly written lexicon fails when it is built.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon, CONCEPT_FORMS, CONCEPT_MARK, conceptTokens } from '../../src/core/detect/concepts';
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

  it('matches a stem only where a word starts', () => {
    expect(conceptTokens(['ausgehende'])).toEqual(['~outgoing']);
    expect(conceptTokens(['vorausgehende', 'nichtausgehend'])).toEqual([]);
  });

  it('lists every form as the one lower-case word pageWords reads it as', () => {
    for (const [concept, forms] of Object.entries(CONCEPT_FORMS)) {
      for (const form of forms) {
        const word = form.replace(/\*$/, '');
        expect({ concept, words: pageWords(word.toLowerCase()) }).toEqual({ concept, words: [word] });
      }
    }
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

  it('refuses a form another stem already covers, so no word gets two concepts', () => {
    expect(() => buildLexicon({ enter: ['informe'], business: ['inform*'] })).toThrow(/"informe" \(enter\) is already covered by the stem "inform\*" \(business\)/);
    expect(() => buildLexicon({ blocked: ['block*'], other: ['blockchain*'] })).toThrow(/the stem "blockchain\*" \(other\) is already covered by the stem "block\*" \(blocked\)/);
    expect(() => buildLexicon({ settings: ['настройк*', 'настройки'] })).toThrow(/already covered/);
  });

  it('builds a lexicon whose lookups a custom list can drive', () => {
    const lexicon = buildLexicon({ relay: ['relay', 'relai*'] });
    expect(conceptTokens(['relais', 'smtp'], lexicon)).toEqual(['~relay']);
    expect(lexicon.concepts).toEqual(['relay']);
  });
});

describe('learnedTokens', () => {
  it('keeps a concept token apart from the word of the same name', () => {
    expect(learnedTokens('send and port')).toEqual(['send', 'and', 'port', `${CONCEPT_MARK}port`, `${CONCEPT_MARK}send`]);
    expect(pageWords(`${CONCEPT_MARK}port`)).toEqual(['port']);
  });

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
