/**
 * The agreement step of the real-page corpus (test/corpus/real/README.md, "How pages are added"): only
 * rows that a second, blind reader labelled alike reach labels.<part>.tsv.
 */
import { describe, expect, it } from 'vitest';
import { agreedRows } from '../../scripts/lib/real-corpus';

const HEAD = 'address\tlabel\tlanguage\tnote';
const staged = [
  HEAD,
  'https://isp.example/help/smtp\tarticle\ten\tarticle:client-guide outgoing server for Outlook',
  'https://nas.example/docs/alerts\tnone\ten\tnear-miss:device-smtp alert mail of a NAS',
  'https://blog.example/what-is-smtp\tarticle\tes\tarticle:faq what SMTP is',
].join('\n');

describe('agreedRows', () => {
  it('keeps the rows both readers labelled alike and lists the others with the second label', () => {
    const second = [
      'https://isp.example/help/smtp\tarticle\tarticle:client-guide\tsets the outgoing server',
      'https://blog.example/what-is-smtp\tunsure\tother:glossary\tno advice',
      'https://nas.example/docs/alerts\tnone\tnear-miss:device-smtp\tthe NAS sends',
    ].join('\n');
    const result = agreedRows(staged, second);
    expect(result.agreed.map((row) => row.split('\t')[0])).toEqual(['https://isp.example/help/smtp', 'https://nas.example/docs/alerts']);
    expect(result.disagreed).toEqual([{ row: staged.split('\n')[3], second: 'unsure' }]);
  });

  it('counts a different label as a disagreement', () => {
    const second = ['https://isp.example/help/smtp\tnone', 'https://nas.example/docs/alerts\tnone', 'https://blog.example/what-is-smtp\tarticle'].join('\n');
    expect(agreedRows(staged, second).disagreed.map((d) => d.second)).toEqual(['none']);
  });

  it('refuses a second file that misses a staged page, or names one not staged', () => {
    const partial = 'https://isp.example/help/smtp\tarticle\nhttps://nas.example/docs/alerts\tnone';
    expect(() => agreedRows(staged, partial, 'staging.x.tsv', 'second.tsv')).toThrow(/second\.tsv: no second label for 1 staged page\(s\), e\.g\. https:\/\/blog\.example\/what-is-smtp/);
    const stranger = `${partial}\nhttps://blog.example/what-is-smtp\tarticle\nhttps://other.example/\tnone`;
    expect(() => agreedRows(staged, stranger, 'staging.x.tsv', 'second.tsv')).toThrow(/1 page\(s\) that staging\.x\.tsv does not hold, e\.g\. https:\/\/other\.example\//);
  });

  it('refuses a staging file without its header, and a second label given twice or without a label', () => {
    expect(() => agreedRows(staged.split('\n').slice(1).join('\n'), '')).toThrow(/first line must be/);
    const twice = ['https://isp.example/help/smtp\tarticle', 'https://isp.example/help/smtp\tnone'].join('\n');
    expect(() => agreedRows(staged, twice, 's', 'second.tsv')).toThrow(/second\.tsv:2: https:\/\/isp\.example\/help\/smtp is labelled twice/);
    expect(() => agreedRows(staged, 'https://isp.example/help/smtp', 's', 'second.tsv')).toThrow(/second\.tsv:1: needs an address and a label/);
  });
});

describe('agreedRows on untidy files', () => {
  it('agrees only on real labels: both saying "unsure" or a misspelt label is no agreement', () => {
    const one = `${HEAD}\nhttps://a.example/\tunsure\ten\tarticle:faq\nhttps://b.example/\tArticle\ten\tarticle:faq\nhttps://c.example/\tnone\ten\tnear-miss:dns-mx-spf`;
    const second = 'https://a.example/\tunsure\nhttps://b.example/\tArticle\nhttps://c.example/\tnone';
    const result = agreedRows(one, second);
    expect(result.agreed.map((row) => row.split('\t')[0])).toEqual(['https://c.example/']);
    expect(result.disagreed.map((d) => d.second)).toEqual(['unsure', 'Article']);
  });

  it('refuses a page staged twice', () => {
    const twice = `${HEAD}\nhttps://a.example/\tnone\ten\tx\nhttps://a.example/\tarticle\ten\ty`;
    expect(() => agreedRows(twice, 'https://a.example/\tnone', 'staging.x.tsv')).toThrow(/staging\.x\.tsv:3: https:\/\/a\.example\/ is staged twice/);
  });

  it('reads past a byte-order mark, Windows line ends and stray spaces around fields', () => {
    const untidy = `\uFEFF${HEAD}\r\nhttps://a.example/ \tarticle \ten\tarticle:faq\r\n`;
    const result = agreedRows(untidy, ' https://a.example/\t article\tarticle:faq\r\n');
    expect(result.agreed).toEqual(['https://a.example/\tarticle\ten\tarticle:faq']);
  });
});
