/**
 * A reading of short texts (a table's keys, a form's labels and headings) remembered for one page: a
 * page repeats its keys ("Port", "Server", one per table), and reading and extraction ask about each of
 * them, so on a page of many tables the same long alternations would run again and again. `forget`
 * empties it; the classifier does so before and after each page (index.ts), so no page's texts are held
 * once it is read and every page is read afresh.
 */
export interface PageMemo<V> {
  (text: string): V;
  forget(): void;
}

/** Different texts remembered at most; past this the memory starts afresh. */
const LIMIT = 4096;

export function pageMemo<V>(read: (text: string) => V): PageMemo<V> {
  const known = new Map<string, V>();
  const memo = (text: string): V => {
    if (known.has(text)) return known.get(text) as V;
    const value = read(text);
    if (known.size >= LIMIT) known.clear();
    known.set(text, value);
    return value;
  };
  return Object.assign(memo, { forget: () => known.clear() });
}
