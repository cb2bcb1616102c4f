/**
 * Runs inside the benchmarked page: bench/detect.ts bundles this file with esbuild as an IIFE on the
 * global `SpaDetectBench`, so `classifyPage` runs exactly as the content script runs it, on a real
 * browser Document. The baseline is what a naive content script does: read `document.body.innerText`,
 * lowercase it and test a few keyword patterns.
 */
import { classifyPage, mightMatch } from '../src/core/detect/index';

export { classifyPage, mightMatch };

const KEYWORDS = [/smtp/, /outgoing (?:mail )?server/, /\bport\W{1,3}(?:25|465|587)\b/, /starttls|ssl\/tls/];

/**
 * Changes the width of the page and of `main` by a pixel (the page's `body.bench-reflow` rules), so every line
 * is broken again at the next layout: moving a fixed-width `main` alone would let Blink reuse its layout.
 */
function dirtyLayout(): void {
  document.body.classList.toggle('bench-reflow');
}

function naiveScan(): number {
  const text = document.body.innerText.toLowerCase();
  return KEYWORDS.filter((keyword) => keyword.test(text)).length;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface PageTimings {
  classify: number[];
  innerText: number[];
  /** The content-script bootstrap's pre-check, which decides whether the classifier loads at all. */
  preCheck: number[];
  /** innerText when the layout is already clean: shows how much of the baseline is the forced layout. */
  innerTextCleanLayout: number[];
  kind: string;
  confidence: number;
  truncated: boolean;
  keywordsFound: number;
  innerTextChars: number;
  mightMatch: boolean;
}

/**
 * `warmUp` untimed rounds, then `rounds` timed ones; each round times the classifier and the baseline,
 * in alternating order, each after dirtying the layout and in a task of its own.
 */
export async function measure(rounds: number, warmUp: number, cleanRuns: number): Promise<PageTimings> {
  const classify: number[] = [];
  const innerText: number[] = [];
  const preCheck: number[] = [];
  let kind = '';
  let confidence = 0;
  let truncated = false;
  let keywordsFound = 0;
  const timeClassify = (): number => {
    dirtyLayout();
    const started = performance.now();
    const result = classifyPage(document, location.href);
    const elapsed = performance.now() - started;
    kind = result.kind;
    confidence = result.confidence;
    truncated = result.signals.includes('budget:truncated');
    return elapsed;
  };
  const timeBaseline = (): number => {
    dirtyLayout();
    const started = performance.now();
    keywordsFound = naiveScan();
    return performance.now() - started;
  };
  for (let round = 0; round < warmUp + rounds; round += 1) {
    await nextTask();
    const classifyFirst = round % 2 === 0;
    const first = classifyFirst ? timeClassify() : timeBaseline();
    await nextTask();
    const second = classifyFirst ? timeBaseline() : timeClassify();
    // The pre-check reads no layout (a tree walk over text nodes and regular expressions), so it needs no dirty layout.
    // Ten calls per round, as one is near the browser's timer resolution (0.1 ms).
    await nextTask();
    const started = performance.now();
    for (let call = 0; call < 10; call += 1) mightMatch(document, location.href);
    const preCheckMs = (performance.now() - started) / 10;
    if (round < warmUp) continue;
    classify.push(classifyFirst ? first : second);
    innerText.push(classifyFirst ? second : first);
    preCheck.push(preCheckMs);
  }
  const innerTextCleanLayout: number[] = [];
  for (let run = 0; run < cleanRuns; run += 1) {
    await nextTask();
    void document.body.offsetWidth;
    const started = performance.now();
    naiveScan();
    innerTextCleanLayout.push(performance.now() - started);
  }
  return {
    classify,
    innerText,
    preCheck,
    innerTextCleanLayout,
    kind,
    confidence,
    truncated,
    keywordsFound,
    innerTextChars: document.body.innerText.length,
    mightMatch: mightMatch(document, location.href),
  };
}
