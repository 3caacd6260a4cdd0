/**
 * Keeps the author's layout where the `yaml` library would restyle it. The library keeps comments
 * and order, but writes every flow collection one way (`{ a: 1 }` or `{a: 1}`, `[ x ]` or `[x]`)
 * while a hand-written file often mixes them. So the original document is rendered too, without
 * changes: a line the change left alone renders the same in both, and there the author's own line
 * is kept; only the lines the change made are the library's. The result must read back to exactly
 * the changed document, or the library's rendering is used as it is.
 */
import { parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

/** The lines of `after` as a list of edits against `before` (longest common subsequence). */
function commonLines(before: readonly string[], after: readonly string[]): [number, number][] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i * cols + j] = before[i] === after[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * `written` (the original file), `unchanged` (the library's rendering of it as parsed) and
 * `changed` (its rendering after the edit) give the text to write.
 */
export function keepLayout(written: string, unchanged: string, changed: string): string {
  const own = written.split('\n');
  const before = unchanged.split('\n');
  if (own.length !== before.length) return changed;
  const after = changed.split('\n');
  const kept = new Map(commonLines(before, after).map(([i, j]) => [j, i]));
  const text = after.map((line, j) => (kept.has(j) ? own[kept.get(j)!]! : line)).join('\n');
  try {
    return isDeepStrictEqual(parse(text), parse(changed)) ? text : changed;
  } catch {
    return changed;
  }
}
