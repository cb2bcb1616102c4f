/**
 * Multinomial logistic regression with "none" as the reference class (logit 0), trained by full-batch
 * Adam on the class-balanced cross-entropy plus an L2 penalty, early-stopped on the validation loss.
 * Small on purpose: a few hundred pages and some sixty smells train in well under a second.
 */

export const CLASSES = ['none', 'article', 'account'] as const;
export type ClassName = (typeof CLASSES)[number];

export interface Example {
  x: readonly number[];
  y: ClassName;
  /** [article, account]: whether the page's gate lets each kind through; a closed kind's logit is left out. */
  open?: readonly [boolean, boolean];
}

export interface Fit {
  /** [article, account] × features. */
  weights: number[][];
  bias: number[];
  /** Epoch of the kept weights, and how many ran before the validation loss stopped improving. */
  bestEpoch: number;
  epochs: number;
  trainLoss: number;
  validationLoss: number;
}

export interface TrainOptions {
  l2?: number;
  learningRate?: number;
  maxEpochs?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  /**
   * [article, account] × features: where each weight starts and what the L2 penalty pulls it back to.
   * Zero by default; a rule's written prior lets a rare but telling smell keep its sign when the
   * training pages happen to hold few examples of it.
   */
  prior?: number[][];
  /** [article, account] × features: false where a weight must stay at its prior (a smell that speaks for one kind only). */
  free?: boolean[][];
  /**
   * [article, account] × features: 1 where a weight may not go below 0, -1 where it may not go above 0,
   * 0 where it may take either sign. Each step is projected back into these bounds.
   */
  sign?: number[][];
  /**
   * Whether the validation loss that early stopping watches counts each class as much as the others
   * (true, the default) or each page once (false).
   */
  balanceValidation?: boolean;
  /**
   * [article, account]: a bias that stays where it is given (null: learned from 0). With `prior` and
   * `free`, this holds one kind's whole row as shipped while the other kind's row is learned.
   */
  fixedBias?: ReadonlyArray<number | null>;
  /** [article, account]: where the learned biases start (0 by default). */
  startBias?: readonly number[];
}

function probabilities(weights: number[][], bias: number[], x: readonly number[], open?: readonly [boolean, boolean]): number[] {
  const logits = [0, ...weights.map((row, k) => (open !== undefined && !open[k] ? -Infinity : row.reduce((sum, w, j) => sum + w * (x[j] ?? 0), bias[k]!)))];
  const top = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/** Per-class weights so that each class counts as much as the others, whatever its size. */
function classWeights(examples: readonly Example[]): Record<ClassName, number> {
  const counts = { none: 0, article: 0, account: 0 };
  for (const example of examples) counts[example.y] += 1;
  const present = CLASSES.filter((name) => counts[name] > 0).length;
  const weight = (name: ClassName) => (counts[name] === 0 ? 0 : examples.length / (present * counts[name]));
  return { none: weight('none'), article: weight('article'), account: weight('account') };
}

export function loss(weights: number[][], bias: number[], examples: readonly Example[], balance = classWeights(examples)): number {
  if (examples.length === 0) return 0;
  let total = 0;
  let mass = 0;
  for (const example of examples) {
    const p = probabilities(weights, bias, example.x, example.open)[CLASSES.indexOf(example.y)]!;
    total -= balance[example.y] * Math.log(Math.max(p, 1e-12));
    mass += balance[example.y];
  }
  return total / mass;
}

export function train(trainSet: readonly Example[], validation: readonly Example[], options: TrainOptions = {}): Fit {
  if (trainSet.length === 0) throw new Error('No training examples: is the corpus present? (npm run corpus:status)');
  const features = trainSet[0]!.x.length;
  const { l2 = 0.01, learningRate = 0.05, maxEpochs = 6000, patience = 500 } = options;
  const free = options.free;
  const prior = options.prior ?? [Array.from({ length: features }, () => 0), Array.from({ length: features }, () => 0)];
  const balance = classWeights(trainSet);
  const validationBalance = options.balanceValidation === false ? { none: 1, article: 1, account: 1 } : classWeights(validation.length > 0 ? validation : trainSet);
  const weights = [[...prior[0]!], [...prior[1]!]];
  const bias = [0, 1].map((k) => options.fixedBias?.[k] ?? options.startBias?.[k] ?? 0);
  // Adam's moments, one per parameter: weights row-major, then the two biases.
  const size = 2 * features + 2;
  const m = Array.from({ length: size }, () => 0);
  const v = Array.from({ length: size }, () => 0);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  let best = { loss: Infinity, epoch: 0, weights: weights.map((row) => [...row]), bias: [...bias] };
  let epoch = 0;
  const mass = trainSet.reduce((sum, example) => sum + balance[example.y], 0);
  for (epoch = 1; epoch <= maxEpochs; epoch += 1) {
    const gradient = Array.from({ length: size }, () => 0);
    for (const example of trainSet) {
      const p = probabilities(weights, bias, example.x, example.open);
      const target = CLASSES.indexOf(example.y);
      const w = balance[example.y] / mass;
      for (let k = 0; k < 2; k += 1) {
        const error = (p[k + 1]! - (target === k + 1 ? 1 : 0)) * w;
        for (let j = 0; j < features; j += 1) gradient[k * features + j]! += error * (example.x[j] ?? 0);
        gradient[2 * features + k]! += error;
      }
    }
    for (let k = 0; k < 2; k += 1) for (let j = 0; j < features; j += 1) gradient[k * features + j]! += l2 * (weights[k]![j]! - (prior[k]![j] ?? 0));
    for (let index = 0; index < size; index += 1) {
      const g = gradient[index]!;
      m[index] = beta1 * m[index]! + (1 - beta1) * g;
      v[index] = beta2 * v[index]! + (1 - beta2) * g * g;
      const step = (learningRate * (m[index]! / (1 - beta1 ** epoch))) / (Math.sqrt(v[index]! / (1 - beta2 ** epoch)) + epsilon);
      if (index < 2 * features) {
        const [k, j] = [Math.floor(index / features), index % features];
        if (free?.[k]?.[j] !== false) {
          weights[k]![j]! -= step;
          const direction = options.sign?.[k]?.[j] ?? 0;
          if (direction * weights[k]![j]! < 0) weights[k]![j] = 0;
        }
      }
      else if ((options.fixedBias?.[index - 2 * features] ?? null) === null) bias[index - 2 * features]! -= step;
    }
    const watched = loss(weights, bias, validation.length > 0 ? validation : trainSet, validationBalance);
    if (watched < best.loss - 1e-6) best = { loss: watched, epoch, weights: weights.map((row) => [...row]), bias: [...bias] };
    else if (epoch - best.epoch >= patience) break;
  }
  return {
    weights: best.weights,
    bias: best.bias,
    bestEpoch: best.epoch,
    epochs: Math.min(epoch, maxEpochs),
    trainLoss: loss(best.weights, best.bias, trainSet, balance),
    validationLoss: best.loss,
  };
}

export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  mcc: number;
  support: number;
}

export interface Report {
  perClass: Record<ClassName, ClassReport>;
  /** confusion[truth][predicted] */
  confusion: Record<ClassName, Record<ClassName, number>>;
  accuracy: number;
  total: number;
}

export function evaluate(pairs: ReadonlyArray<{ truth: ClassName; predicted: ClassName }>): Report {
  const confusion = Object.fromEntries(CLASSES.map((truth) => [truth, Object.fromEntries(CLASSES.map((p) => [p, 0]))])) as Report['confusion'];
  for (const { truth, predicted } of pairs) confusion[truth][predicted] += 1;
  const total = pairs.length;
  const perClass = {} as Record<ClassName, ClassReport>;
  for (const name of CLASSES) {
    const tp = confusion[name][name];
    const fp = CLASSES.reduce((sum, truth) => sum + (truth === name ? 0 : confusion[truth][name]), 0);
    const fn = CLASSES.reduce((sum, predicted) => sum + (predicted === name ? 0 : confusion[name][predicted]), 0);
    const tn = total - tp - fp - fn;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    const mcc = denominator === 0 ? 0 : (tp * tn - fp * fn) / denominator;
    perClass[name] = { precision, recall, f1, mcc, support: tp + fn };
  }
  const correct = CLASSES.reduce((sum, name) => sum + confusion[name][name], 0);
  return { perClass, confusion, accuracy: total === 0 ? 0 : correct / total, total };
}

export function formatReport(title: string, report: Report): string {
  const f = (value: number) => value.toFixed(3);
  const lines = [`${title} (${report.total} pages, accuracy ${f(report.accuracy)})`];
  lines.push('  class      precision  recall  F1     MCC    support');
  for (const name of CLASSES) {
    const c = report.perClass[name];
    lines.push(`  ${name.padEnd(9)}  ${f(c.precision).padEnd(9)}  ${f(c.recall).padEnd(6)}  ${f(c.f1)}  ${f(c.mcc).padStart(6)}  ${c.support}`);
  }
  lines.push(`  confusion (rows truth, columns predicted): ${CLASSES.join(' / ')}`);
  for (const truth of CLASSES) lines.push(`  ${truth.padEnd(9)}  ${CLASSES.map((p) => String(report.confusion[truth][p]).padStart(5)).join(' ')}`);
  return lines.join('\n');
}
