// Checks that dependencies run one way along the pipeline: text → extract → graph → validate → publish → remote → serve.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const ORDER = ['text', 'extract', 'graph', 'validate', 'publish', 'remote', 'serve'];
/** Modules at the top of src/ that any stage may import. */
const SHARED = new Set(['errors.ts']);
/** Edges: nothing in the pipeline may import them. */
const EDGES = new Set(['cli.ts', 'server.ts', 'index.ts']);

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function stageOf(file: string): string {
  const rel = relative(SRC, file).split('/');
  return rel.length > 1 ? (rel[0] ?? '') : rel[0] ?? '';
}

describe('architecture', () => {
  const files = listTs(SRC);
  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only leftwards', (_name, file) => {
    const from = stageOf(file);
    const fromIndex = ORDER.indexOf(from);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1] ?? '');
      const to = stageOf(target.replace(/\.js$/, '.ts'));
      expect(EDGES.has(to), `${relative(SRC, file)} imports the edge ${to}`).toBe(false);
      if (SHARED.has(to) || fromIndex < 0) continue;
      const toIndex = ORDER.indexOf(to);
      if (toIndex < 0) continue;
      expect(toIndex, `${relative(SRC, file)} (${from}) imports ${to}: dependencies must run along ${ORDER.join(' → ')}`).toBeLessThanOrEqual(fromIndex);
    }
  });
});
