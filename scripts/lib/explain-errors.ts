/**
 * `npx tsx scripts/lib/explain-errors.ts [split...]`: the corpus pages the shipped classifier gets wrong,
 * each with its label, what it was classified as, the smells that decided it and the opening of its
 * text, to see which rule is missing. Reads the texts in test/corpus/real/texts/ (not in git).
 */
import { classifyPage } from '../../src/core/detect/index';
import { parse } from './detect-eval';
import { loadCorpus, type Split } from './real-corpus';

const splits = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['train', 'validation']) as Split[];
const { items } = loadCorpus();
for (const item of items.filter((candidate) => splits.includes(candidate.split))) {
  const document = parse(item.html);
  const result = classifyPage(document, item.url);
  if (result.kind === item.label) continue;
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);
  console.log(`${item.split} ${item.label} → ${result.kind} (${result.confidence}) ${item.language} ${item.note.slice(0, 70)}\n   ${item.address.slice(0, 110)}\n   signals: ${result.signals.join(', ')}\n   text: ${text}`);
}
