/**
 * The learned part of the classifier and the tools that train and measure it: the weights file's
 * checks, the softmax scoring and decision, the trainer on data whose answer is known, the metrics,
 * and the real corpus's label file and page rendering.
 */
import { describe, expect, it } from 'vitest';
import { classifyPage, MODEL, SMELLS } from '../../src/core/detect/index';
import { checkModel, decide, score, signViolations, type Model } from '../../src/core/detect/model';
import { keyOf, pageHtml, parseLabels, siteOf } from '../../scripts/lib/real-corpus';
import { evaluate, loss, train, type Example } from '../../scripts/lib/softmax';
import { parse } from '../fixtures/pages/corpus';

const zeroModel = (overrides: Partial<Model> = {}): Model => ({
  about: 'test',
  bias: { article: 0, account: 0 },
  weights: { article: {}, account: {} },
  threshold: { article: 0.5, account: 0.5 },
  ...overrides,
});

describe('weights file', () => {
  it('the shipped weights pass the checks and say where they come from', () => {
    expect(() => checkModel(MODEL)).not.toThrow();
    expect(MODEL.about).toMatch(/train:detect/);
  });

  it('keeps every shipped weight on the side its smell allows, and names the ones that do not', () => {
    expect(signViolations(MODEL)).toEqual([]);
    const broken = zeroModel({ weights: { article: { 'text:outgoing-server': -1 }, account: { 'near-miss:printer': 0.5 } } });
    expect(signViolations(broken)).toEqual([
      'weights.article.text:outgoing-server is -1, but that smell may only push article up',
      'weights.account.near-miss:printer is 0.5, but that smell may only push account down',
    ]);
  });

  it.each([
    [null, 'not an object'],
    [{ ...zeroModel(), about: 1 }, '"about"'],
    [{ ...zeroModel(), bias: { article: 'x', account: 0 } }, 'bias.article'],
    [{ ...zeroModel(), threshold: { article: 2, account: 0.5 } }, 'threshold.article'],
    [{ ...zeroModel(), weights: { article: { 'no:such-smell': 1 }, account: {} } }, 'no:such-smell'],
    [{ ...zeroModel(), weights: { article: { [SMELLS[0]!.id]: Number.NaN }, account: {} } }, 'finite'],
  ])('refuses %j, naming %s', (value, words) => {
    expect(() => checkModel(value)).toThrow(words);
  });
});

describe('scoring', () => {
  it('gives none, article and account one third each when nothing is weighed', () => {
    const { probability } = score(zeroModel(), SMELLS.map(() => 1));
    expect(probability.none).toBeCloseTo(1 / 3);
    expect(probability.article).toBeCloseTo(1 / 3);
  });

  it('adds weight × answer to the logit and stays finite for huge logits', () => {
    const id = SMELLS[0]!.id;
    const model = zeroModel({ weights: { article: { [id]: 2 }, account: {} } });
    const answers = SMELLS.map((_, index) => (index === 0 ? 0.5 : 0));
    const { probability, parts } = score(model, answers);
    expect(parts.article[0]).toBe(1);
    expect(probability.article).toBeCloseTo(Math.E / (Math.E + 2));
    const huge = score(zeroModel({ bias: { article: 5000, account: -5000 } }), answers).probability;
    expect(huge.article).toBe(1);
    expect(Number.isFinite(huge.none)).toBe(true);
  });

  it('gives a kind only when it is likeliest and reaches its threshold', () => {
    const model = zeroModel({ threshold: { article: 0.7, account: 0.5 } });
    expect(decide(model, { none: 0.2, article: 0.6, account: 0.2 })).toBe('none');
    expect(decide(model, { none: 0.1, article: 0.75, account: 0.15 })).toBe('article');
    expect(decide(model, { none: 0.45, article: 0.05, account: 0.5 })).toBe('account');
    expect(decide(model, { none: 0.5, article: 0.1, account: 0.4 })).toBe('none');
  });

  it('shows the likelier kind of a page that is surely on the subject when the two kinds share it below their thresholds', () => {
    const model = zeroModel({ threshold: { article: 0.7, account: 0.7 } });
    expect(decide(model, { none: 0.04, article: 0.5, account: 0.46 })).toBe('article');
    // The account's note only where the account clearly leads: a near tie shows the article's, which claims no field.
    expect(decide(model, { none: 0.04, article: 0.42, account: 0.54 })).toBe('article');
    expect(decide(model, { none: 0.04, article: 0.36, account: 0.6 })).toBe('account');
    // Only among the kinds its gates let through.
    expect(decide(model, { none: 0.04, article: 0.42, account: 0.54 }, { article: true, account: false })).toBe('article');
    expect(decide(model, { none: 0.04, article: 0.42, account: 0.54 }, { article: false, account: false })).toBe('none');
    // A kind that holds little of the rest is not shown: the rest lies with a kind whose gate is shut.
    expect(decide(model, { none: 0.04, article: 0.05, account: 0.91 }, { article: true, account: false })).toBe('none');
    // A page where none is likely enough stays none.
    expect(decide(model, { none: 0.2, article: 0.4, account: 0.4 })).toBe('none');
    expect(decide(model, { none: 0.07, article: 0.5, account: 0.43 })).toBe('none');
  });

  it('leaves a kind whose gate is closed out of a gated model\'s probabilities, and only a gated one\'s', () => {
    const answers = SMELLS.map(() => 0);
    const model = zeroModel({ bias: { article: 1, account: 2 } });
    const closed = { article: true, account: false };
    const plain = score(model, answers, closed).probability;
    expect(plain.account).toBeCloseTo(Math.exp(2) / (1 + Math.E + Math.exp(2)));
    const gated = score({ ...model, gated: true }, answers, closed).probability;
    expect(gated.account).toBe(0);
    expect(gated.article).toBeCloseTo(Math.E / (1 + Math.E));
    expect(gated.none + gated.article).toBeCloseTo(1);
    // Without the gate's answer (a caller that has none) a gated model reads every kind.
    expect(score({ ...model, gated: true }, answers).probability.account).toBeCloseTo(plain.account);
    expect(() => checkModel({ ...model, gated: 'yes' })).toThrow('"gated" must be true or false');
  });

  it('classifyPage uses the model it is given', () => {
    const page = parse('<!doctype html><html><head><title>Outgoing server port 587</title></head><body><p>Set the outgoing server (SMTP) port to 587.</p></body></html>');
    expect(classifyPage(page, 'https://help.example.net/', { model: zeroModel({ bias: { article: -9, account: -9 } }) }).kind).toBe('none');
    expect(classifyPage(page, 'https://help.example.net/', { model: zeroModel({ bias: { article: 9, account: -9 } }) }).kind).toBe('article');
  });
});

describe('trainer', () => {
  // Feature 0 says article, feature 1 says account, feature 2 is noise: the trainer must find exactly that.
  function examples(count: number, seed: number): Example[] {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    return Array.from({ length: count }, (_, index) => {
      const y = (['none', 'article', 'account'] as const)[index % 3]!;
      return { x: [y === 'article' ? 0.7 + random() * 0.3 : random() * 0.3, y === 'account' ? 0.7 + random() * 0.3 : random() * 0.3, random()], y };
    });
  }

  it('learns which feature points to which class, and stops early on validation', () => {
    const fit = train(examples(90, 1), examples(30, 2), { l2: 0.001, maxEpochs: 3000, patience: 200 });
    const [article, account] = fit.weights as [number[], number[]];
    expect(article[0]).toBeGreaterThan(2);
    expect(account[1]).toBeGreaterThan(2);
    expect(Math.abs(article[2]!)).toBeLessThan(article[0]! / 3);
    expect(fit.validationLoss).toBeLessThan(0.3);
    expect(fit.bestEpoch).toBeLessThanOrEqual(fit.epochs);
  });

  it('keeps each weight on the side of zero its sign allows', () => {
    // Feature 0 says article, but its sign forbids it from speaking for an article: the weight stays at 0
    // instead of following the data; the free feature 1 still learns account.
    const sign = [[-1, 0, 0], [0, 1, 0]];
    const fit = train(examples(90, 1), examples(30, 2), { l2: 0.001, maxEpochs: 3000, patience: 200, sign });
    const [article, account] = fit.weights as [number[], number[]];
    expect(article[0]).toBe(0);
    expect(account[1]).toBeGreaterThan(2);
    const free = train(examples(90, 1), examples(30, 2), { l2: 0.001, maxEpochs: 3000, patience: 200 });
    expect(free.weights[0]![0]).toBeGreaterThan(2);
  });

  it('watches a validation loss that counts each class alike, or each page once when asked', () => {
    // A validation split of 28 pages that are none and 2 account pages, the first of them (index 0) labelled
    // against its features: per class, the two account pages weigh as much as the 28 others together.
    const validation = examples(30, 2).map((example, index) => ({ ...example, y: index === 0 || index === 2 ? 'account' : 'none' }) as Example);
    const options = { l2: 0.001, maxEpochs: 3000, patience: 200 };
    const balanced = train(examples(90, 1), validation, options);
    const plain = train(examples(90, 1), validation, { ...options, balanceValidation: false });
    const perClass = { none: 0.5 / 28, article: 0, account: 0.5 / 2 };
    expect(balanced.validationLoss).toBeCloseTo(loss(balanced.weights, balanced.bias, validation, perClass), 6);
    expect(plain.validationLoss).toBeCloseTo(loss(plain.weights, plain.bias, validation, { none: 1, article: 1, account: 1 }), 6);
  });

  it('holds one kind\'s row and bias where they are given and learns the other onwards from its start (--account-only)', () => {
    // The article row frozen at hand-set values, the account row free and started at given weights and bias.
    const prior = [[1.5, -0.5, 0.25], [0.5, 0.5, 0]];
    const free = [[false, false, false], [true, true, true]];
    const fit = train(examples(90, 1), examples(30, 2), { l2: 0.001, maxEpochs: 3000, patience: 200, prior, free, fixedBias: [-0.75, null], startBias: [0, -1] });
    expect(fit.weights[0]).toEqual([1.5, -0.5, 0.25]);
    expect(fit.bias[0]).toBe(-0.75);
    expect(fit.weights[1]![1]).toBeGreaterThan(2);
    expect(fit.bias[1]).not.toBe(-1);
    // After a single step the learned bias is still near where it started, and near 0 without a start.
    const oneStep = { maxEpochs: 1, prior, free, fixedBias: [-0.75, null] };
    expect(train(examples(90, 1), examples(30, 2), { ...oneStep, startBias: [0, -1] }).bias[1]).toBeLessThan(-0.9);
    expect(train(examples(90, 1), examples(30, 2), oneStep).bias[1]).toBeGreaterThan(-0.1);
  });

  it('learns nothing for a kind from the pages whose gate shuts it out (DETECT_GATED)', () => {
    // Every none page has the account gate closed, and feature 1 says account on all of them: with the gate
    // they cannot teach the account row that feature 1 speaks against it, without it they do.
    const data = examples(90, 1).map((example) => (example.y === 'none' ? { ...example, x: [example.x[0]!, 1, example.x[2]!] } : example));
    const gatedData = data.map((example) => ({ ...example, open: [true, example.y !== 'none'] as const }));
    const options = { l2: 0.001, maxEpochs: 3000, patience: 200 };
    const gatedFit = train(gatedData, gatedData, options);
    const plainFit = train(data, data, options);
    expect(gatedFit.weights[1]![1]).toBeGreaterThan(plainFit.weights[1]![1]! + 1);
    // A closed kind weighs nothing in the loss, however large its logit.
    const heavy = [[0, 0, 0], [0, 50, 0]];
    expect(loss(heavy, [0, 0], gatedData.filter((example) => example.y === 'none'))).toBeCloseTo(loss([[0, 0, 0], [0, 0, 0]], [0, -1000], gatedData.filter((example) => example.y === 'none')), 6);
  });

  it('refuses to train on nothing, with a sentence', () => {
    expect(() => train([], [])).toThrow(/No training examples/);
  });

  it('computes precision, recall, F1 and MCC per class', () => {
    const report = evaluate([
      { truth: 'article', predicted: 'article' },
      { truth: 'article', predicted: 'none' },
      { truth: 'none', predicted: 'none' },
      { truth: 'none', predicted: 'article' },
      { truth: 'account', predicted: 'account' },
    ]);
    expect(report.perClass.article).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.perClass.account).toMatchObject({ precision: 1, recall: 1, f1: 1, mcc: 1 });
    expect(report.confusion.none.article).toBe(1);
    expect(report.accuracy).toBeCloseTo(0.6);
  });
});

describe('real corpus files', () => {
  const header = 'address\tlabel\tlanguage\tsplit\tnote';

  it('reads labels.tsv rows with their site and kind tag', () => {
    const [row] = parseLabels(`${header}\nhttps://www.help.example.net/kb/1\tarticle\ten\ttest\tarticle:faq two paragraphs\n`);
    expect(row).toMatchObject({ site: siteOf('https://example.net/'), kindTag: 'article:faq', split: 'test' });
    expect(siteOf('owner/repo:templates/edit.html@0123')).toBe('owner/repo');
    expect(siteOf('https://Support.Example.org./it/kb/page')).toBe(siteOf('https://support.example.org/fr/kb/page'));
  });

  const site = (host: string) => siteOf(`https://${host}/page`);

  // Pairs of hosts: one owner's (one site), or a shared platform's tenants and owners who only share a suffix (two).
  it.each([
    ['support.example.com', 'example.com', true],
    ['fr.example.xyz', 'es.example.xyz', true],
    ['shop.example.it', 'www.example.fr', true],
    ['www-cc.iis.u-tokyo.ac.jp', 'u-tokyo.ac.jp', true],
    ['help.shop.co.uk', 'shop.com', true],
    ['www.isp.com.br', 'isp.com.br', true],
    ['mail.tempmail.us.com', 'www.us.edu.pl', false],
    ['cdc.web.roma2.infn.it', 'infn.it', true],
    // A short name is an owner, not a public second level: Aarhus University's hosts stay together.
    ['studerende.au.dk', 'www.au.dk', true],
    ['someone.blogspot.com', 'another.blogspot.com', false],
    ['someone.blogspot.com.br', 'someone.blogspot.com', true],
    ['www.blogspot.com', 'blogspot.com', true],
    ['team.atlassian.net', 'other.atlassian.net', false],
    ['bücher.de', 'xn--bcher-kva.de', true],
    ['sites.google.com/view/one-school', 'sites.google.com/view/other-school', false],
    ['eu.prod.webservices.mozgcp.net', 'support.mozilla.org', true],
  ])('takes %s and %s for one site: %s', (one, other, same) => {
    if (same) expect(site(one)).toBe(site(other));
    else expect(site(one)).not.toBe(site(other));
  });

  it('keeps an address host whole, and reads past user names, ports and bad ports', () => {
    expect(site('192.0.2.7')).toBe('192.0.2.7');
    expect(site('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(site('localhost')).toBe('localhost');
    expect(siteOf('https://user@help.example.com/x')).toBe(site('example.com'));
    expect(siteOf('https://help.example.com:8443/x')).toBe(site('example.com'));
    expect(() => siteOf('https://sites.google.com:99999/view/a')).not.toThrow();
  });

  it.each([
    ['https://megalodon.jp/ref/2012-0219-0930-49/www.isp.or.jp/support/mail', 'https://isp.or.jp/'],
    ['https://megalodon.jp/2012-0219-0930-49/www.isp.or.jp/support/mail', 'https://isp.or.jp/'],
    ['https://web.archive.org/web/2010/https://help.example.com:443/mail', 'https://example.com/'],
    ['https://web.archive.org/web/2010/https%3A%2F%2Fhelp.example.com%2F', 'https://example.com/'],
    ['https://web.archive.org/web/2010/https:/help.example.com/', 'https://example.com/'],
    ['http://retrosearch.org/browse?url=https%3A%2F%2Fsupport.example.org%2Fkb', 'https://example.org/'],
    // Not an address once decoded: the archive's own site.
    ['http://retrosearch.org/browse?url=https%3A%2F%2F%E0%A4%A', 'https://retrosearch.org/'],
  ])('gives the archived copy %s the site of %s', (archived, page) => {
    expect(siteOf(archived)).toBe(siteOf(page));
  });

  it.each([
    ['address\tlabel\tnote', 'first line'],
    [`${header}\nhttps://a.example/\tarticles\ten\ttest\tx`, 'label "articles"'],
    [`${header}\nhttps://a.example/\tarticle\ten\tdev\tx`, 'split "dev"'],
    [`${header}\nhttps://a.example/\tarticle\tenglish\ttest\tx`, 'language "english"'],
    [`${header}\nhttps://a.example/\tarticle\ten\ttest\tx\nhttps://a.example/\tnone\ten\ttest\ty`, 'listed twice'],
  ])('refuses a bad label file, saying what is wrong (%#)', (text, words) => {
    expect(() => parseLabels(text, 'labels.tsv')).toThrow(words);
  });

  it('names text files by the address hash', () => {
    expect(keyOf('https://example.net/')).toMatch(/^[0-9a-f]{16}$/);
    expect(keyOf('https://example.net/')).not.toBe(keyOf('https://example.net/a'));
  });

  it('makes a stored text into HTML without letting its markup through', () => {
    const html = pageHtml({ title: 'Mail <b>help</b>', text: 'Outgoing mail\n<script>alert(1)</script>\n- Port 587\n- SSL' }, true);
    const document = parse(html);
    expect(document.querySelector('h1')?.textContent).toBe('Outgoing mail');
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('li').length).toBe(2);
    expect(document.title).toBe('Mail <b>help</b>');
    expect(parse(pageHtml({ title: null, text: 'Outgoing mail' })).querySelector('h1')).toBeNull();
  });
});
