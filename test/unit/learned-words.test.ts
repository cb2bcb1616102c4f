/**
 * The learned words (src/core/detect/learned-words.ts): how a page's words are read, how a word model
 * scores them, that a broken words.json fails loudly, and that training (scripts/lib/word-model.ts)
 * learns what the pages teach, ignores one site's own words, and never scores a page with a model that
 * saw its site.
 */
import { describe, expect, it } from 'vitest';
import { addressTokens, checkWordModel, learnedTokens, pageWords, WORD_LEAD, WORD_MODEL, WORD_TEXT, wordScore, wordWindow, type WordModel } from '../../src/core/detect/learned-words';
import { fitWordModel, foldOfSite, outOfFoldScores, WORD_TRAINING, type WordPage } from '../../scripts/lib/word-model';

describe('pageWords', () => {
  it('reads each different word once, in the order it first comes', () => {
    expect(pageWords('the outgoing server, the smtp server and the port')).toEqual(['the', 'outgoing', 'server', 'smtp', 'and', 'port']);
  });

  it('keeps hyphens and apostrophes inside words, drops one-letter words', () => {
    expect(pageWords("e-mail a l'envoi")).toEqual(['e-mail', "l'envoi"]);
  });

  it('keeps numbers only when they are mail ports', () => {
    expect(pageWords('port 587 since 2019, not 8080; 25 and 465')).toEqual(['port', '587', 'since', 'not', '25', 'and', '465']);
  });

  it('reads Japanese and Chinese, written without spaces, as pairs of characters', () => {
    expect(pageWords('送信サーバー')).toEqual(['送信', '信サ', 'サー', 'ーバ', 'バー']);
  });

  it('keeps a Latin word or a port glued to Japanese a word of its own', () => {
    expect(pageWords('smtpサーバー')).toEqual(['smtp', 'サー', 'ーバ', 'バー']);
    expect(pageWords('587番')).toEqual(['587']);
  });

  it('drops the quotes around a word', () => {
    expect(pageWords("'smtp' and 'outlook'")).toEqual(['smtp', 'and', 'outlook']);
  });

  it('reads only WORD_TEXT characters', () => {
    expect(pageWords(`${'x'.repeat(WORD_TEXT - 6)} smtp router`)).toEqual([`${'x'.repeat(WORD_TEXT - 6)}`, 'smtp']);
    expect(pageWords(`router ${'x'.repeat(WORD_TEXT)} smtp`, 7)).toEqual(['x'.repeat(WORD_TEXT)]);
  });
});

describe('addressTokens', () => {
  it('reads the words of a web address, host, path and query, each marked as an address word', () => {
    expect(addressTokens('https://support.provider.net/kb/Outgoing-SMTP-port.html?lang=de#step-2')).toEqual(['url:support', 'url:provider', 'url:net', 'url:kb', 'url:outgoing', 'url:smtp', 'url:port', 'url:html', 'url:lang', 'url:de']);
  });

  it('reads only the path of an address on a reserved host, which names nobody', () => {
    expect(addressTokens('https://help.provider.example/mail/smtp')).toEqual(['url:mail', 'url:smtp']);
    expect(addressTokens('http://localhost:8080/settings')).toEqual(['url:settings']);
    expect(addressTokens('https://mail.example.com/?_task=settings')).toEqual(['url:task', 'url:settings']);
    expect(addressTokens('https://webmail.example.org/prefs')).toEqual(['url:prefs']);
  });

  it('drops the scheme and numbers that are no mail port, as in the text', () => {
    expect(addressTokens('http://www.isp.org/2019/04/587-or-465')).toEqual(['url:www', 'url:isp', 'url:org', 'url:587', 'url:or', 'url:465']);
  });

  it('reads escaped Japanese in an address as pairs of characters', () => {
    expect(addressTokens('https://help.isp.jp/%E9%80%81%E4%BF%A1')).toEqual(['url:help', 'url:isp', 'url:jp', 'url:送信']);
  });

  it('gives a page with no web address (a file on disk) no address words', () => {
    expect(addressTokens('file:///home/someone/saved/smtp-settings.html')).toEqual([]);
    expect(addressTokens('about:blank')).toEqual([]);
    expect(addressTokens('not a url')).toEqual([]);
  });

  it('reads only the start of a very long address', () => {
    const long = addressTokens(`https://example.net/?${Array.from({ length: 400 }, (_, i) => `k${i}=v`).join('&')}`);
    expect(long.length).toBeGreaterThan(20);
    expect(long.length).toBeLessThan(80);
  });

  it('comes after the text words and their concepts in what the learned words weigh, never mixed with them', () => {
    const words = learnedTokens('configure the smtp server', 0, ['url:smtp']);
    expect(words.slice(0, 4)).toEqual(['configure', 'the', 'smtp', 'server']);
    expect(words.at(-1)).toBe('url:smtp');
    expect(words.filter((word) => word === 'url:smtp')).toHaveLength(1);
  });
});

describe('wordWindow', () => {
  it('reads a text no longer than the window whole, wherever the subject starts', () => {
    expect(wordWindow(2000, 1800)).toBe(0);
    expect(wordWindow(WORD_TEXT, WORD_TEXT - 1)).toBe(0);
  });

  it('opens WORD_LEAD characters before the subject on a long page, and keeps the window full', () => {
    expect(wordWindow(100_000, 50_000)).toBe(50_000 - WORD_LEAD);
    expect(wordWindow(100_000, 99_900)).toBe(100_000 - WORD_TEXT);
    expect(wordWindow(100_000, 300)).toBe(0);
  });

  it('starts at the beginning of a page with no word on the subject', () => {
    expect(wordWindow(100_000, 100_000)).toBe(0);
  });

  it('lets pageWords read an article behind long menus', () => {
    const text = `${'menu home news contact '.repeat(2000)}set the outgoing server port to 587`;
    const from = wordWindow(text.length, text.indexOf('outgoing'));
    expect(pageWords(text, from)).toContain('outgoing');
    expect(pageWords(text)).not.toContain('outgoing');
  });
});

describe('wordScore', () => {
  const model: WordModel = { about: 'test', bias: -1, words: { smtp: 2, router: -3 } };

  it('adds the weights of the words present to the bias, as a probability', () => {
    expect(wordScore(model, [])).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
    expect(wordScore(model, ['smtp', 'unknown'])).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
    expect(wordScore(model, ['smtp', 'router'])).toBeCloseTo(1 / (1 + Math.exp(2)), 10);
  });

  it('does not take an object\'s inherited names for words', () => {
    expect(wordScore(model, ['constructor', 'toString', 'hasOwnProperty', '__proto__'])).toBeCloseTo(wordScore(model, []), 10);
  });

  it('ships a trained model: words, with weights of both signs', () => {
    const weights = Object.values(WORD_MODEL.words);
    expect(weights.length).toBeGreaterThan(100);
    expect(weights.some((weight) => weight > 0)).toBe(true);
    expect(weights.some((weight) => weight < 0)).toBe(true);
    expect(WORD_MODEL.about).toMatch(/train:detect/);
  });
});

describe('checkWordModel', () => {
  it.each([
    [null, 'not an object'],
    [{ bias: 0, words: {} }, '"about" must be a string'],
    [{ about: '', bias: 'x', words: {} }, '"bias" must be a finite number'],
    [{ about: '', bias: 0, words: [] }, '"words" must be an object'],
    [{ about: '', bias: 0, words: { smtp: Number.NaN } }, 'the weight of "smtp" must be a finite number'],
  ])('rejects %j: %s', (value, message) => {
    expect(() => checkWordModel(value)).toThrow(`words.json: ${message}`);
  });
});

/** Articles say "outgoing", other pages "router"; each site also has a word of its own. */
function pages(sites: number): WordPage[] {
  const result: WordPage[] = [];
  for (let site = 0; site < sites; site += 1) {
    const name = `site${site}.example`;
    result.push({ words: ['outgoing', 'mail', `own${site}`], label: 'article', site: name });
    result.push({ words: ['router', 'mail', `own${site}`], label: 'none', site: name });
  }
  // An account screen says "outgoing" too; the word model does not learn from account screens.
  result.push({ words: ['router', 'account'], label: 'account', site: 'panel.example' });
  return result;
}

describe('fitWordModel', () => {
  const options = { ...WORD_TRAINING, epochs: 200 };

  it('learns the words that tell articles from the other pages', () => {
    const model = fitWordModel(pages(10), options);
    expect(model.words.outgoing).toBeGreaterThan(0.5);
    expect(model.words.router).toBeLessThan(-0.5);
    expect(wordScore(model, ['outgoing', 'mail'])).toBeGreaterThan(0.8);
    expect(wordScore(model, ['router', 'mail'])).toBeLessThan(0.2);
  });

  it('leaves out the words of fewer than minSites sites, and account screens', () => {
    const model = fitWordModel(pages(10), options);
    expect(Object.keys(model.words).some((word) => word.startsWith('own'))).toBe(false);
    expect(model.words.account).toBeUndefined();
  });

  it('keeps only the `keep` words with the largest weights', () => {
    const model = fitWordModel(pages(10), { ...options, keep: 1 });
    expect(Object.keys(model.words)).toHaveLength(1);
  });

  it('gives the same model every time', () => {
    expect(fitWordModel(pages(6), options)).toEqual(fitWordModel(pages(6), options));
  });
});

describe('outOfFoldScores', () => {
  it('scores each page with a model that never saw its site', () => {
    const all = pages(12);
    // A word only one site's article carries: a model that saw the page would learn it as an article's word.
    const marked = all.map((page) => (page.site === 'site3.example' && page.label === 'article' ? { ...page, words: [...page.words, 'marker'] } : page));
    const scores = outOfFoldScores(marked, 5, { ...WORD_TRAINING, epochs: 100, minSites: 1 });
    const fold = foldOfSite('site3.example', 5);
    const others = marked.filter((page) => foldOfSite(page.site, 5) !== fold);
    const unseen = fitWordModel(others, { ...WORD_TRAINING, epochs: 100, minSites: 1 });
    expect(unseen.words.marker).toBeUndefined();
    const seen = fitWordModel(marked, { ...WORD_TRAINING, epochs: 100, minSites: 1 });
    expect(seen.words.marker).toBeGreaterThan(0);
    marked.forEach((page, index) => {
      if (page.site !== 'site3.example') return;
      expect(scores[index]).toBeCloseTo(wordScore(unseen, page.words), 10);
      if (page.label === 'article') expect(scores[index]).toBeLessThan(wordScore(seen, page.words));
    });
  });
});
