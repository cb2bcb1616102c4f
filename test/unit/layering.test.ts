/**
 * ARCHITECTURE.md's one rule about dependencies: `extension`, `server` and `cli` import `core`, and
 * `core` imports none of them; `server` and `cli` never reach into the extension either. Checked on the
 * import statements of every source file, so a shortcut across the layers fails here and not in review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The top folder under src/ each relative import of `file` lands in. */
function importedLayers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  // package.json (the version) sits above src/ and belongs to no layer.
  return specifiers.filter((specifier) => !specifier.endsWith('/package.json')).map((specifier) => relative(SRC, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!);
}

describe('layers', () => {
  it.each([
    ['core', ['core']],
    ['server', ['core', 'server']],
    ['cli', ['core', 'server', 'cli']],
  ])('src/%s imports only from %j', (layer, allowed) => {
    const offenders = sources(join(SRC, layer)).flatMap((file) =>
      importedLayers(file)
        .filter((target) => !allowed.includes(target))
        .map((target) => `${relative(SRC, file)} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds a crossing when there is one', () => {
    expect(importedLayers(join(SRC, 'extension/check/check-state.ts'))).toContain('core');
  });
});
