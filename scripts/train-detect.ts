/**
 * `npm run train:detect`: learns the page classifier's weights (src/core/detect/weights.json) from the
 * corpus of real pages (test/corpus/real/), Fathom-style: the smells are fixed rules, their weights
 * and biases come from a multinomial logistic regression on the train split, early-stopped on the
 * validation split, thresholds chosen on held-out probabilities (5 folds by site over the train and
 * validation pages), everything reported on the test split.
 *
 *   npm run train:detect               train, report, write weights.json
 *   npm run train:detect -- --dry-run  train and report only
 *   npm run train:detect -- --report   report the weights already in weights.json, train nothing
 *   npm run train:detect -- --no-fixtures  leave our own fixture pages out of training
 *   npm run train:detect -- --account-only  learn the account weights, bias and threshold only, onwards
 *                                      from the shipped ones: the article weights, bias and threshold
 *                                      and the learned words (words.json) stay as shipped. The two
 *                                      kinds share only the softmax's normaliser, so new account
 *                                      screens can teach the account side without moving a single
 *                                      article's kind
 *   npm run train:detect -- --partial  write the weights even though some labelled texts are missing
 *                                      (without it, a run that lacks texts trains and reports, keeps the
 *                                      shipped weights and exits 1: a partly restored corpus must not
 *                                      replace them)
 *   npm run train:detect -- --dry-run --out DIR  and write the weights and words learned to DIR/weights.json
 *                                      and DIR/words.json, to measure a candidate elsewhere (the shipped
 *                                      files stay as they are)
 *   npm run train:detect -- --cv 5     also cross-validate by site over the train and validation pages
 *                                      (5 folds): the spread of the figures, to tell a real gain from luck
 *   npm run train:detect -- --cv 5 --errors  and list every page the held-out folds got wrong, to find
 *                                      the next rule to write without looking at the test split
 *   npm run train:detect -- --dry-run --train-share 0.5  learn from half of the training split's sites (a
 *                                      fixed choice by a hash of the site's name) and report on the same
 *                                      validation and test pages: run at a few shares, a learning curve
 *                                      that tells whether more pages of the kinds the corpus has would help
 *   DETECT_THRESHOLD=0.5 npm run train:detect  one fixed threshold for both kinds instead of choosing them
 *                                      (and no held-out folds to choose them on: a quicker run)
 *   DETECT_GATED=1 npm run train:detect  each kind learns only where its gate (smells.ts `possibleKinds`)
 *                                      lets a page through: a closed kind's logit is left out of the softmax,
 *                                      in training and, through the weights file's "gated", in scoring; a
 *                                      page its own gate shuts out teaches nothing. Measured 2026-12-05 and
 *                                      not shipped (corpus README, twenty-third session)
 *
 * Training also reads our own labelled fixture pages (test/fixtures/pages/ and its real-shapes/ folder,
 * not its holdout/ batch): they are written in our words after the shapes of real pages, and CI checks
 * them, so the weights must keep them right. Validation and test are real pages only.
 *
 * Every page counts twice, at its own address and at one that says nothing about it (a saved file's
 * file:// URL; for our fixtures, 127.0.0.1 as the browser tests serve them, whose path is the fixture's
 * file name, which we wrote): in training, in the validation loss that stops
 * it, on the held-out pages the thresholds are chosen on, and in the fixture pages those thresholds keep
 * right. The report shows the validation and test splits at both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL, SMELLS, type Model } from '../src/core/detect/index';
import { SCORED_KINDS, score, signViolations } from '../src/core/detect/model';
import { WORD_MODEL, type WordModel } from '../src/core/detect/learned-words';
import { breakdown, describeTargets, formatReport, formatTrade, gatherEvidence, predictAll, reportOf, targets, tradeRow, withWordModel, withWordScores, type Evidence, type Outcome } from './lib/detect-eval';
import { atNeutralAddress, fixtureItems, loadCorpus, SERVED_ORIGIN, withTrainShare, type CorpusItem, type Split } from './lib/real-corpus';
import { train, type Example, type Fit } from './lib/softmax';
import { fitWordModel, learnsFrom, outOfFoldScores, siteHash, WORD_TRAINING } from './lib/word-model';

const WEIGHTS_FILE = fileURLToPath(new URL('../src/core/detect/weights.json', import.meta.url));
const WORDS_FILE = fileURLToPath(new URL('../src/core/detect/words.json', import.meta.url));
const argv = process.argv.slice(2);
const args = new Set<string>();
let folds = 0;
let outDir: string | null = null;
let trainShare = 1;
for (let index = 0; index < argv.length; index += 1) {
  const arg = argv[index]!;
  if (arg === '--cv') {
    folds = Number(argv[index + 1]);
    index += 1;
    // Each fold trains on the folds that are neither held out nor its validation fold: with 2 there would be none.
    if (!Number.isInteger(folds) || folds < 3 || folds > 20) {
      console.error('train-detect: --cv needs a number of folds from 3 to 20 (e.g. --cv 5)');
      process.exit(2);
    }
  } else if (arg === '--train-share') {
    trainShare = Number(argv[index + 1]);
    index += 1;
    if (!(trainShare > 0 && trainShare <= 1)) {
      console.error('train-detect: --train-share needs the share of training sites to learn from, above 0 and at most 1 (e.g. --train-share 0.5)');
      process.exit(2);
    }
  } else if (arg === '--out') {
    outDir = argv[index + 1] ?? '';
    index += 1;
    if (outDir === '' || outDir.startsWith('--')) {
      console.error('train-detect: --out needs a folder to write the candidate weights to (e.g. --out /tmp/candidate)');
      process.exit(2);
    }
  } else if (['--dry-run', '--report', '--no-fixtures', '--errors', '--partial', '--account-only'].includes(arg)) args.add(arg);
  else {
    console.error(`train-detect: unknown option ${arg} (use --dry-run, --report, --no-fixtures, --partial, --account-only, --cv N or --errors)`);
    process.exit(2);
  }
}

const fixedThreshold = process.env.DETECT_THRESHOLD ? Number(process.env.DETECT_THRESHOLD) : null;
if (fixedThreshold !== null && !(fixedThreshold > 0 && fixedThreshold < 1)) {
  console.error(`train-detect: DETECT_THRESHOLD must be a number between 0 and 1 (not "${process.env.DETECT_THRESHOLD}")`);
  process.exit(2);
}
if (args.has('--partial') && (args.has('--dry-run') || args.has('--report'))) {
  console.error('train-detect: --partial lets a run with missing texts write its weights; --dry-run and --report write none');
  process.exit(2);
}
if (outDir !== null && !args.has('--dry-run')) {
  console.error('train-detect: --out writes a candidate beside the shipped weights, so it goes with --dry-run');
  process.exit(2);
}
if (args.has('--account-only') && args.has('--report')) {
  console.error('train-detect: --account-only trains the account weights; --report trains nothing');
  process.exit(2);
}
if (trainShare < 1 && !args.has('--dry-run')) {
  console.error('train-detect: --train-share learns from part of the corpus, so it goes with --dry-run (the shipped weights stay)');
  process.exit(2);
}
if (fixedThreshold !== null && args.has('--report')) {
  console.error('train-detect: DETECT_THRESHOLD sets the thresholds of a training run; --report trains nothing and reports the shipped thresholds');
  process.exit(2);
}

const plain = withTrainShare(loadCorpus(), trainShare);
const headlined = { items: plain.headlined };
if (trainShare < 1) {
  const sites = (items: readonly CorpusItem[]) => new Set(items.filter((item) => item.split === 'train').map((item) => item.site)).size;
  console.log(`Learning from ${sites(plain.items)} of the training split's sites (--train-share ${trainShare}); validation and test as they are.`);
}
if (args.has('--errors') && folds === 0) {
  console.error('train-detect: --errors lists the cross-validation mistakes, so it needs --cv N too');
  process.exit(2);
}
const keepShipped = plain.missing.length > 0 && !args.has('--partial') && !args.has('--dry-run') && !args.has('--report');
if (plain.missing.length > 0) {
  console.warn(`${plain.missing.length} labelled pages have no text here and are left out (npm run corpus:status lists them).`);
  if (keepShipped) console.warn('The weights learned will not be written: pass --partial to replace the shipped ones all the same.');
}
if (plain.items.length === 0) {
  console.error('No corpus texts are present in test/corpus/real/texts/: nothing to train on. See test/corpus/real/README.md.');
  process.exit(1);
}

const bySplit = <T extends { split: Split }>(items: readonly T[], split: Split): T[] => items.filter((item) => item.split === split);
/** Every page read once; each candidate model is then scored on these answers. */
const plainEvidence = gatherEvidence(plain.items);
const headlinedEvidence = gatherEvidence(headlined.items);
/**
 * Each page again at an address that says nothing (`atNeutralAddress`): a saved copy classified from a
 * file. Training and the thresholds read both, so that no weight stands in for what the page itself
 * shows: on 2026-12-06 the weights then shipped found 33 of the test split's 40 account screens at their
 * own address and 20 at a neutral one.
 */
// --report trains nothing and shows only validation and test at the neutral address.
const neutralEvidence = gatherEvidence(atNeutralAddress(args.has('--report') ? plain.items.filter((item) => item.split !== 'train') : plain.items, 'file'));
const neutralByAddress = new Map(neutralEvidence.map((page) => [page.item.address, page] as const));
/** The same pages, in the same order, at the neutral address. */
const neutralOf = (pages: readonly Evidence[]): Evidence[] =>
  pages.map((page) => {
    const neutral = neutralByAddress.get(page.item.address);
    if (!neutral) throw new Error(`train-detect: ${page.item.address} has no copy at a neutral address`);
    return neutral;
  });
const ofSplit = (evidence: readonly Evidence[], split: Split) => evidence.filter((page) => page.item.split === split);
const gated = process.env.DETECT_GATED === '1';
/**
 * With DETECT_GATED=1 each kind learns only where its gate lets a page through: a closed kind's logit is
 * left out, and a page whose own kind its gate shuts out (never to be found, whatever the weights) teaches nothing.
 */
const examplesOf = (evidence: readonly Evidence[]): Example[] =>
  gated
    ? evidence
        .filter((page) => page.item.label === 'none' || page.possible[page.item.label])
        .map((page) => ({ x: page.answers, y: page.item.label, open: [page.possible.article, page.possible.account] as const }))
    : evidence.map((page) => ({ x: page.answers, y: page.item.label }));

function toModel(fit: Fit, threshold: Model['threshold'], about: string): Model {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const weights = { article: {} as Record<string, number>, account: {} as Record<string, number> };
  SCORED_KINDS.forEach((kind, k) => {
    SMELLS.forEach((smell, j) => {
      const weight = round(fit.weights[k]![j]!);
      if (weight !== 0) weights[kind][smell.id] = weight;
    });
  });
  return { about, bias: { article: round(fit.bias[0]!), account: round(fit.bias[1]!) }, weights, threshold, ...(gated ? { gated: true } : {}) };
}

/** A model trained without some sites, and the pages of those sites scored with its learned words. */
interface HeldOut {
  fit: Fit;
  /** The held-out pages at their own addresses. */
  pages: Evidence[];
  /** The same pages at a neutral address: the thresholds are chosen on both. */
  neutral: Evidence[];
}

/**
 * The thresholds that find the most articles and accounts while keeping near misses and false accounts
 * near the issue's 2 %, judged on held-out pages: each page of the train and validation splits scored by
 * the model of the fold that did not see its site. Scored by the weights that learned from them, the
 * training pages look easier than pages on the web do (a third as many near misses flagged on the train
 * split as on validation and test, with thresholds once chosen that way). The fold models learn from
 * fewer pages than the shipped one, so their probabilities may sit a little apart from its; the
 * validation and test figures show whether the thresholds carry over. Each point over
 * 2 % costs two points of F1; ties go to the threshold nearer 0.5. Our own fixture pages stand for the
 * failure classes CI keeps right: a threshold with which the final weights get one of them wrong is
 * taken only if every threshold does.
 */
function chooseThresholds(
  heldOut: readonly HeldOut[],
  final: Fit,
  fixturePages: readonly Evidence[],
  log: (line: string) => void,
): { threshold: Model['threshold']; fixturesWrong: string[] } {
  const fixtureMistakes = (threshold: Model['threshold']) => predictAll(fixturePages, toModel(final, threshold, '')).filter((outcome) => outcome.predicted !== outcome.item.label);
  const namesOfMistakes = (threshold: Model['threshold']) =>
    fixtureMistakes(threshold).map((outcome) => `${outcome.item.address}${outcome.item.url.startsWith(`${SERVED_ORIGIN}/`) ? ' served from 127.0.0.1' : ''} (${outcome.item.label} → ${outcome.predicted})`);
  const candidates = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
  const scored: Array<{ threshold: Model['threshold']; score: number; heldOutScore: number; t: ReturnType<typeof targets>; fixtureErrors: number }> = [];
  // With --account-only the article threshold stays as shipped, like the article weights.
  for (const article of accountOnly ? [MODEL.threshold.article] : candidates) {
    for (const account of candidates) {
      const threshold = { article, account };
      const t = targets(heldOut.flatMap((fold) => predictAll([...fold.pages, ...fold.neutral], toModel(fold.fit, threshold, ''))));
      const excess = Math.max(0, t.nearMissFlagged - 0.02) + Math.max(0, t.falseAccounts - 0.02);
      const fixtureErrors = fixtureMistakes(threshold).length;
      const heldOutScore = t.articleF1 + t.accountRecall - 2 * excess - 0.001 * (Math.abs(article - 0.5) + Math.abs(account - 0.5));
      scored.push({ threshold, score: heldOutScore - 10 * fixtureErrors, heldOutScore, t, fixtureErrors });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  // The runners-up show how close the choice was: a flat top means the thresholds are a matter of taste.
  log('Thresholds on the held-out pages, best first (article / account: article F1, near misses flagged, account recall, false accounts, score):');
  for (const { threshold, score, t, fixtureErrors } of scored.slice(0, 5)) {
    const fixtureNote = fixtureErrors > 0 ? `, ${fixtureErrors} fixture page${fixtureErrors === 1 ? '' : 's'} wrong` : '';
    log(`  ${threshold.article} / ${threshold.account}: ${t.articleF1.toFixed(3)}, ${(t.nearMissFlagged * 100).toFixed(1)} %, ${t.accountRecall.toFixed(3)}, ${(t.falseAccounts * 100).toFixed(1)} %${fixtureNote}, ${score.toFixed(3)}`);
  }
  // When our fixture pages overrule the held-out pages, name the fixture pages at stake.
  const favoured = scored.reduce((best, entry) => (entry.heldOutScore > best.heldOutScore ? entry : best));
  if (favoured.fixtureErrors > 0) {
    log(`  ${favoured.threshold.article} / ${favoured.threshold.account}, which the held-out pages favour, gets fixture pages wrong: ${namesOfMistakes(favoured.threshold).join(', ')}`);
  }
  // When no threshold keeps every fixture page right, the choice names the ones it gives up.
  const chosen = scored[0]!;
  const fixturesWrong = chosen.fixtureErrors > 0 ? namesOfMistakes(chosen.threshold) : [];
  if (fixturesWrong.length > 0) log(`  Every threshold gets some fixture page wrong; the chosen one gets: ${fixturesWrong.join(', ')}`);
  return { threshold: chosen.threshold, fixturesWrong };
}

function show(title: string, outcomes: Outcome[]): void {
  console.log(`\n${formatReport(title, reportOf(outcomes))}`);
  console.log(describeTargets(outcomes));
  console.log(breakdown(outcomes));
  const withPreCheck = reportOf(outcomes, 'withPreCheck');
  console.log(`  with the content script's pre-check in front: article F1 ${withPreCheck.perClass.article.f1.toFixed(3)}, account recall ${withPreCheck.perClass.account.recall.toFixed(3)}`);
}

const counts = (items: readonly CorpusItem[]) =>
  `${items.length} (${items.filter((i) => i.label === 'article').length} articles, ${items.filter((i) => i.label === 'account').length} accounts, ${items.filter((i) => i.label === 'none').length} none)`;
console.log(`Corpus: ${counts(plain.items)}; train ${counts(bySplit(plain.items, 'train'))}, validation ${counts(bySplit(plain.items, 'validation'))}, test ${counts(bySplit(plain.items, 'test'))}`);

const accountOnly = args.has('--account-only');
/** With --account-only, the article row starts at the shipped weights and stays there. */
const heldKind = (kind: (typeof SCORED_KINDS)[number]) => accountOnly && kind === 'article';
/**
 * Where each weight starts and what the L2 penalty pulls it back to: the smell's written prior, or with
 * --account-only the shipped weight (the article row stays there; the account row is learned onwards
 * from it, a smell the shipped weights lack from its prior).
 */
const priorOf = () =>
  SCORED_KINDS.map((kind) =>
    SMELLS.map((smell) => (accountOnly && (heldKind(kind) || MODEL.weights[kind][smell.id] !== undefined) ? (MODEL.weights[kind][smell.id] ?? 0) : (smell.prior?.[kind] ?? 0))),
  );
const freeOf = () => SCORED_KINDS.map((kind) => SMELLS.map((smell) => !heldKind(kind) && (smell.only === undefined || smell.only === kind)));
const fixedBiasOf = () => SCORED_KINDS.map((kind) => (heldKind(kind) ? MODEL.bias[kind] : null));
const signOf = () => SCORED_KINDS.map((kind) => SMELLS.map((smell) => smell.sign?.[kind] ?? 0));
const fixtures = args.has('--no-fixtures') ? [] : fixtureItems(['', 'real-shapes'], 'train');
/**
 * How many times each fixture page counts in training, at each of its two addresses: each stands for a
 * whole failure class that CI must keep right. Three until 2026-12-06; the account side relearned then,
 * with every page also at a neutral address, kept every account fixture right at both addresses only
 * with six (with three, an admin's list of mailboxes at 0.72 and two account forms served from
 * 127.0.0.1 at 0.66 left no account threshold between them). In the full relearning of 2026-12-07,
 * three again got more fixture pages wrong at every threshold (seven against five).
 */
const FIXTURE_COPIES = 6;
const fixtureCopies = (examples: readonly Example[]): Example[] => Array.from({ length: FIXTURE_COPIES }, () => examples).flat();
/** Our fixtures at the address each was saved from, and as the browser tests serve them (`atNeutralAddress`). */
const fixtureEvidence = [...gatherEvidence(fixtures), ...gatherEvidence(atNeutralAddress(fixtures, 'served'))];
const wordPagesOf = (evidence: readonly Evidence[]) => evidence.map((page) => ({ words: page.words, label: page.item.label, site: page.item.site }));

/**
 * One training run. First the learned words (words.json): a word model on the training pages, and each
 * training page's score from a word model that did not see its site, which is what the smells' weights
 * learn from. Then the smells' weights: the L2 penalty chosen on the validation pages from a small grid,
 * early-stopped on them. Training counts each class alike, but the validation loss that picks the L2
 * penalty and the epoch counts each page alike (once at each of its two addresses): counted per class,
 * the validation split's few account screens, from a handful of products, would decide when the whole
 * model stops (four screens of one product once stopped it after 350 epochs). Each training page counts
 * three times: as stored, at a neutral address (its learned-words score from the same fold model, on its
 * own words, which hold no address), and with its first short line as the headline. The thresholds are
 * chosen apart from this (`chooseThresholds`).
 */
function fitModel(trainPagesAsRead: readonly Evidence[], headlinedAsRead: readonly Evidence[], validationAsRead: readonly Evidence[], log: (line: string) => void) {
  // The learned words speak for articles only; when the article side stays as shipped, so do they.
  if (accountOnly) return fitAccountSide(trainPagesAsRead, headlinedAsRead, validationAsRead, log);
  const wordPages = wordPagesOf(trainPagesAsRead);
  const wordModel = fitWordModel(wordPages);
  // A neutral copy has other words than its page (no address tokens): scored by the same fold models on its own.
  const neutralTrainAsRead = neutralOf(trainPagesAsRead);
  const scores = outOfFoldScores(wordPages, 5, WORD_TRAINING, wordPagesOf(neutralTrainAsRead));
  const unseen = scores.slice(0, wordPages.length);
  const unseenOf = new Map(trainPagesAsRead.map((page, index) => [page.item.address, unseen[index]!]));
  const trainPages = withWordScores(trainPagesAsRead, unseen);
  const headlinedTrain = withWordScores(
    headlinedAsRead,
    headlinedAsRead.map((page) => {
      const score = unseenOf.get(page.item.address);
      if (score === undefined) throw new Error(`train-detect: ${page.item.address} has a headlined copy but no training page`);
      return score;
    }),
  );
  const neutralTrain = withWordScores(neutralTrainAsRead, scores.slice(wordPages.length));
  const validationPages = withWordModel([...validationAsRead, ...neutralOf(validationAsRead)], wordModel);
  const fixturePages = withWordModel(fixtureEvidence, wordModel);
  const fixtureExamples = examplesOf(fixturePages);
  const trainExamples = [...examplesOf(trainPages), ...examplesOf(neutralTrain), ...examplesOf(headlinedTrain), ...fixtureCopies(fixtureExamples)];
  const validationExamples = examplesOf(validationPages);
  log(`Learned words: ${Object.keys(wordModel.words).length} kept of the words on at least ${WORD_TRAINING.minSites} sites' pages.`);
  log(`Training on ${trainExamples.length} examples (${trainPages.length} pages, each also at a neutral address and with a headline; ${fixtures.length} of our own fixture pages at two addresses, ${FIXTURE_COPIES} times each).`);
  const { fit, chosenL2 } = fitWeights(trainExamples, validationExamples, log);
  return { fit, chosenL2, wordModel, fixturePages };
}

/**
 * `--account-only`: the shipped article row and learned words, the account row learned. Every page is
 * scored with the shipped words (the training pages too: their article logits only enter the
 * normaliser, which an account page's low article score leaves near one).
 */
function fitAccountSide(trainPagesAsRead: readonly Evidence[], headlinedAsRead: readonly Evidence[], validationAsRead: readonly Evidence[], log: (line: string) => void) {
  const fixturePages = withWordModel(fixtureEvidence, WORD_MODEL);
  const fixtureExamples = examplesOf(fixturePages);
  const trainPages = [...trainPagesAsRead, ...neutralOf(trainPagesAsRead), ...headlinedAsRead];
  const trainExamples = [...examplesOf(withWordModel(trainPages, WORD_MODEL)), ...fixtureCopies(fixtureExamples)];
  log(`Learning the account side only, on ${trainExamples.length} examples (${trainPagesAsRead.length} pages, each also at a neutral address and with a headline; ${fixtures.length} of our own fixture pages at two addresses, ${FIXTURE_COPIES} times each); the article side and learned words stay as shipped.`);
  const validationPages = [...validationAsRead, ...neutralOf(validationAsRead)];
  const { fit, chosenL2 } = fitWeights(trainExamples, examplesOf(withWordModel(validationPages, WORD_MODEL)), log);
  return { fit, chosenL2, wordModel: WORD_MODEL, fixturePages };
}

/** The smells' weights: the L2 penalty chosen on the validation pages from a small grid, early-stopped on them. */
function fitWeights(trainExamples: readonly Example[], validationExamples: readonly Example[], log: (line: string) => void): { fit: Fit; chosenL2: number } {
  let fit: Fit | null = null;
  let chosenL2 = 0;
  for (const l2 of [0.0001, 0.0003, 0.001, 0.003]) {
    const candidate = train(trainExamples, validationExamples, { l2, prior: priorOf(), free: freeOf(), sign: signOf(), fixedBias: fixedBiasOf(), startBias: accountOnly ? [MODEL.bias.article, MODEL.bias.account] : undefined, balanceValidation: false });
    log(`L2 ${l2}: validation loss ${candidate.validationLoss.toFixed(4)} at epoch ${candidate.bestEpoch} of ${candidate.epochs}, train loss ${candidate.trainLoss.toFixed(4)}`);
    if (fit === null || candidate.validationLoss < fit.validationLoss) {
      fit = candidate;
      chosenL2 = l2;
    }
  }
  return { fit: fit!, chosenL2 };
}

/**
 * K folds by site over the train and validation pages (a site's pages stay together): each fold is
 * held out once, and its pages scored by a model trained on the others, with the next fold as its
 * validation pages. The test split is never touched. Sites are dealt round-robin after a fixed shuffle
 * (by a hash of the name), so the folds repeat from one run to the next.
 */
function heldOutFolds(k: number): HeldOut[] {
  const seen = plainEvidence.filter((page) => page.item.split !== 'test');
  const sites = [...new Set(seen.map((page) => page.item.site))].sort();
  const foldOf = new Map(sites.sort((a, b) => siteHash(a) - siteHash(b)).map((site, index) => [site, index % k] as const));
  const inFold = (page: Evidence, f: number) => foldOf.get(page.item.site) === f;
  const result: HeldOut[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const validation = seen.filter((page) => inFold(page, (fold + 1) % k));
    const trainPages = seen.filter((page) => !inFold(page, fold) && !inFold(page, (fold + 1) % k));
    const trainAddresses = new Set(trainPages.map((page) => page.item.address));
    const headlinedTrain = headlinedEvidence.filter((page) => trainAddresses.has(page.item.address));
    const { fit, wordModel: foldWords } = fitModel(trainPages, headlinedTrain, validation, () => undefined);
    const held = seen.filter((page) => inFold(page, fold));
    result.push({ fit, pages: withWordModel(held, foldWords), neutral: withWordModel(neutralOf(held), foldWords) });
  }
  return result;
}

/** The article thresholds the trade is printed at (the shipped one is marked among them when it is one). */
const TRADE_THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** The folds the thresholds are chosen on; `--cv 5` reports on the same folds instead of training them again. */
const THRESHOLD_FOLDS = 5;

let model: Model = MODEL;
let wordModel: WordModel = WORD_MODEL;
let heldOut: HeldOut[] | null = null;
if (!args.has('--report')) {
  const trained = fitModel(ofSplit(plainEvidence, 'train'), ofSplit(headlinedEvidence, 'train'), ofSplit(plainEvidence, 'validation'), (line) => console.log(line));
  const { fit, chosenL2 } = trained;
  let threshold: Model['threshold'];
  let fixturesWrong: string[] = [];
  if (fixedThreshold !== null) threshold = { article: fixedThreshold, account: fixedThreshold };
  else {
    console.log(`Choosing the thresholds on held-out pages: training ${THRESHOLD_FOLDS} more models by site, each learning from three fifths of the sites, stopping early on a fourth and scoring the last fifth…`);
    heldOut = heldOutFolds(THRESHOLD_FOLDS);
    ({ threshold, fixturesWrong } = chooseThresholds(heldOut, fit, trained.fixturePages, (line) => console.log(line)));
  }
  wordModel = {
    ...trained.wordModel,
    about: `Learned by npm run train:detect from the ${bySplit(plain.items, 'train').filter(learnsFrom).length} real training pages that are not account screens (articles against the others): the ${Object.keys(trained.wordModel.words).length} words with the largest weights of those on at least ${WORD_TRAINING.minSites} sites' pages, L2 ${WORD_TRAINING.l2}, ${WORD_TRAINING.epochs} epochs.`,
  };
  const thresholdsFrom =
    fixedThreshold !== null
      ? 'thresholds fixed by DETECT_THRESHOLD'
      : `thresholds chosen on the train and validation pages as scored by ${THRESHOLD_FOLDS} models that did not see their site, keeping our fixture pages right${
          fixturesWrong.length > 0
            ? ` but for ${fixturesWrong.join(', ')}: every threshold gets some fixture page wrong, these the fewest${accountOnly ? ' (with --account-only, the article side, kept as shipped, gets some of these wrong at every account threshold)' : ''}`
            : ''
        }`;
  const about = accountOnly
    ? `${MODEL.about.replace(/ Its account side was relearned.*$/, '')} Its account side was relearned by npm run train:detect --account-only from ${counts(bySplit(plain.items, 'train'))} real training pages and the fixtures, onwards from the shipped account weights, the article side and words kept: L2 ${chosenL2}, stopped at epoch ${fit.bestEpoch}; ${thresholdsFrom}.`
    : `Learned by npm run train:detect from ${counts(bySplit(plain.items, 'train'))} real training pages (each also at a neutral address and with a headline) and ${fixtures.length} of our own fixture pages (at their own address and served from 127.0.0.1, ${FIXTURE_COPIES} times each), L2 ${chosenL2}, stopped at epoch ${fit.bestEpoch} on ${bySplit(plain.items, 'validation').length} validation pages (each at both addresses); ${thresholdsFrom}.`;
  model = toModel(fit, threshold, about);
  console.log(`Chosen: L2 ${chosenL2}, thresholds article ${threshold.article}, account ${threshold.account}`);
}

// Read with the shipped words.json; scored here with the words just learned (the same file with --report).
const scoredPlain = withWordModel(plainEvidence, wordModel);
const scoredHeadlined = withWordModel(headlinedEvidence, wordModel);
/** " (N texts missing here)" after a split's name when part of it is absent, so partial figures are read as such. */
const absentOf = (split: Split): string => {
  const absent = plain.missing.filter((row) => row.split === split).length;
  return absent === 0 ? '' : `, ${absent} of its texts missing here`;
};
for (const split of ['train', 'validation', 'test'] as const) show(`${split} split${absentOf(split)}`, predictAll(ofSplit(scoredPlain, split), model));
const scoredNeutral = withWordModel(neutralEvidence, wordModel);
for (const split of ['validation', 'test'] as const) show(`${split} split at a neutral address${absentOf(split)}`, predictAll(ofSplit(scoredNeutral, split), model));
show(`test split, pages with a headline${absentOf('test')}`, predictAll(ofSplit(scoredHeadlined, 'test'), model));

// The article threshold trades articles found against near misses flagged; no threshold meets both of the
// issue's bars on validation, so the trade is printed for the team to choose from (corpus README).
console.log('\nThe trade at other article thresholds (account threshold as chosen):');
for (const split of ['validation', 'test'] as const) {
  const rows = TRADE_THRESHOLDS.map((threshold) => tradeRow(threshold, predictAll(ofSplit(scoredPlain, split), { ...model, threshold: { ...model.threshold, article: threshold } })));
  console.log(formatTrade(`${split} split`, rows, model.threshold.article));
}

if (folds > 0) crossValidate(folds, folds === THRESHOLD_FOLDS && heldOut !== null ? heldOut : heldOutFolds(folds));

/**
 * K-fold cross-validation over the train and validation pages, folds by site (`heldOutFolds`), each
 * held-out fold judged at the model's thresholds. Those were chosen on these same pages (with 5 folds,
 * as scored by these very models), so the pooled and per-fold F1 and near-miss share flatter them a
 * little, and the spread between folds leaves out the noise of choosing a threshold; the ranking figures
 * (AUC, recall at 2 % and 5 % of near misses) do not depend on the thresholds. Prints each fold, the
 * pooled figures and the mean ± sd, all at the pages' own addresses, then the pooled figures at a neutral one.
 */
function crossValidate(k: number, foldModels: readonly HeldOut[]): void {
  const rows: Array<ReturnType<typeof targets>> = [];
  const missedAccounts: string[] = [];
  const pooled: Outcome[] = [];
  /** Each held-out page's article probability, for figures that do not depend on the chosen threshold. */
  const ranked: Array<{ article: number; account: number; item: CorpusItem }> = [];
  const pageCount = foldModels.reduce((sum, fold) => sum + fold.pages.length, 0);
  console.log(`\nCross-validation, ${k} folds by site over ${pageCount} train and validation pages, at thresholds article ${model.threshold.article}, account ${model.threshold.account}:`);
  foldModels.forEach(({ fit, pages: held }, fold) => {
    const foldModel = toModel(fit, model.threshold, '');
    const outcomes = predictAll(held, foldModel);
    for (const page of held) {
      const { probability } = score(foldModel, page.answers, page.possible);
      ranked.push({ article: page.possible.article ? probability.article : 0, account: page.possible.account ? probability.account : 0, item: page.item });
    }
    const t = targets(outcomes);
    rows.push(t);
    pooled.push(...outcomes);
    for (const outcome of outcomes) if (outcome.item.label === 'account' && outcome.predicted !== 'account') missedAccounts.push(outcome.item.kindTag.split(':')[1] ?? outcome.item.site);
    console.log(`  fold ${fold + 1}: ${held.length} pages, article F1 ${t.articleF1.toFixed(3)}, near misses flagged ${(t.nearMissFlagged * 100).toFixed(1)} %, account recall ${t.accountRecall.toFixed(3)}, false accounts ${(t.falseAccounts * 100).toFixed(1)} %`);
  });
  const stat = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
    return { mean, sd };
  };
  const show_ = (name: string, values: number[], percent = false) => {
    const { mean, sd } = stat(values);
    const f = (v: number) => (percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(3));
    return `${name} ${f(mean)} ± ${f(sd)}`;
  };
  const tally = [...new Set(missedAccounts)].map((product) => `${product} ${missedAccounts.filter((p) => p === product).length}`);
  if (tally.length > 0) console.log(`  account pages missed when their product was held out: ${tally.join(', ')}`);
  const all = targets(pooled);
  if (args.has('--errors')) {
    const wrong = pooled.filter((outcome) => outcome.predicted !== outcome.item.label);
    console.log(`  held-out pages classified wrongly (${wrong.length}):`);
    for (const outcome of wrong.sort((a, b) => a.item.kindTag.localeCompare(b.item.kindTag))) {
      console.log(`    ${outcome.item.label} -> ${outcome.predicted}  ${outcome.item.language}  ${outcome.item.kindTag.padEnd(34)} ${outcome.item.address}`);
    }
  }
  console.log(`  all folds pooled: article F1 ${all.articleF1.toFixed(3)}, near misses flagged ${(all.nearMissFlagged * 100).toFixed(1)} %, account recall ${all.accountRecall.toFixed(3)}, false accounts ${(all.falseAccounts * 100).toFixed(1)} %`);
  const neutral = targets(foldModels.flatMap(({ fit, neutral: held }) => predictAll(held, toModel(fit, model.threshold, ''))));
  console.log(`  the same pages at a neutral address, pooled: article F1 ${neutral.articleF1.toFixed(3)}, near misses flagged ${(neutral.nearMissFlagged * 100).toFixed(1)} %, account recall ${neutral.accountRecall.toFixed(3)}, false accounts ${(neutral.falseAccounts * 100).toFixed(1)} %`);
  console.log(`  ${rankingFigures(ranked)}`);
  if (args.has('--errors')) {
    const top = ranked.filter((page) => page.item.kindTag.startsWith('near-miss:')).sort((a, b) => b.article - a.article).slice(0, 20);
    console.log('  near misses the held-out folds ranked highest:');
    for (const page of top) console.log(`    ${page.article.toFixed(3)}  ${page.item.language}  ${page.item.kindTag.padEnd(34)} ${page.item.address}`);
    const bottom = ranked.filter((page) => page.item.label === 'article').sort((a, b) => a.article - b.article).slice(0, 20);
    console.log('  articles the held-out folds ranked lowest:');
    for (const page of bottom) console.log(`    ${page.article.toFixed(3)}  ${page.item.language}  ${page.item.kindTag.padEnd(34)} ${page.item.address}`);
  }
  console.log(`  mean ± sd: ${show_('article F1', rows.map((r) => r.articleF1))}, ${show_('near misses flagged', rows.map((r) => r.nearMissFlagged), true)}, ${show_('account recall', rows.map((r) => r.accountRecall))}, ${show_('false accounts', rows.map((r) => r.falseAccounts), true)}`);
}

/**
 * How well held-out probabilities rank the pages of a kind above the pages they must not take, whatever
 * the threshold: the area under the ROC curve, and the share found at the threshold that takes at most
 * 2 % and 5 % of the others. Two models are compared on these when their chosen thresholds differ.
 */
function ranking(positives: readonly number[], negatives: readonly number[]): { auc: number; at: (share: number) => number } {
  const sorted = [...negatives].sort((a, b) => b - a);
  let wins = 0;
  for (const p of positives) for (const n of sorted) wins += p > n ? 1 : p === n ? 0.5 : 0;
  const at = (share: number) => {
    const cut = sorted[Math.floor(share * sorted.length)] ?? -1;
    return positives.filter((p) => p > cut).length / positives.length;
  };
  return { auc: wins / (positives.length * sorted.length), at };
}

/** Articles against near misses, and account pages against every page that is none. */
function rankingFigures(ranked: ReadonlyArray<{ article: number; account: number; item: CorpusItem }>): string {
  const articles = ranked.filter((page) => page.item.label === 'article').map((page) => page.article);
  const nearMisses = ranked.filter((page) => page.item.label === 'none' && page.item.kindTag.startsWith('near-miss:')).map((page) => page.article);
  const accounts = ranked.filter((page) => page.item.label === 'account').map((page) => page.account);
  const nones = ranked.filter((page) => page.item.label === 'none').map((page) => page.account);
  const lines: string[] = [];
  if (articles.length > 0 && nearMisses.length > 0) {
    const r = ranking(articles, nearMisses);
    lines.push(`ranking, all folds pooled: AUC articles vs near misses ${r.auc.toFixed(3)}, article recall with 2 % of near misses flagged ${r.at(0.02).toFixed(3)}, with 5 % ${r.at(0.05).toFixed(3)}`);
  }
  if (accounts.length > 0 && nones.length > 0) {
    const r = ranking(accounts, nones);
    lines.push(`ranking, all folds pooled: AUC accounts vs none ${r.auc.toFixed(4)}, account recall with 1 % of none taken ${r.at(0.01).toFixed(3)}, with 2 % ${r.at(0.02).toFixed(3)}`);
  }
  return lines.length > 0 ? lines.join('\n  ') : 'ranking: needs articles and near misses, or accounts and none';
}

const strongest = (kind: 'article' | 'account') =>
  Object.entries(model.weights[kind])
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 12)
    .map(([id, w]) => `${id} ${w > 0 ? '+' : ''}${w}`)
    .join(', ');
console.log(`\nStrongest article weights: ${strongest('article')}`);
console.log(`Strongest account weights: ${strongest('account')}`);

const broken = signViolations(model);
if (broken.length > 0) {
  console.error(`\n${args.has('--report') ? 'The shipped weights' : 'The trained weights'} break their smells' signs (retrain):\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
if (outDir !== null) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'weights.json'), `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(join(outDir, 'words.json'), `${JSON.stringify(wordModel)}\n`);
  console.log(`\nWrote the candidate to ${join(outDir, 'weights.json')} and ${join(outDir, 'words.json')}`);
}
if (keepShipped) {
  console.error(`\nNot written: ${plain.missing.length} labelled texts are missing, so the shipped weights stay (--partial writes them).`);
  process.exitCode = 1;
} else if (!args.has('--dry-run') && !args.has('--report')) {
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(WORDS_FILE, `${JSON.stringify(wordModel)}\n`);
  console.log(`\nWrote ${WEIGHTS_FILE} and ${WORDS_FILE}`);
}
