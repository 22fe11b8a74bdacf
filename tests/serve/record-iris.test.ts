// recordIris follows graph/to-quads.ts: on a real build every claim, quantity and event IRI it
// computes is typed in the graph, and its schema:text is the record's text.
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/load-inputs.js';
import { buildDataset } from '../../src/publish/build-dataset.js';
import { defaultStages } from '../../src/publish/default-stages.js';
import { recordIris } from '../../src/serve/record-iris.js';

describe('recordIris on the real build', () => {
  it('names the IRIs the graph has', async () => {
    const inputs = await loadInputs('data');
    const built = await buildDataset({ raw: inputs.raw, telegrams: inputs.telegrams }, { base: 'http://localhost:3000/', stages: defaultStages() });
    const text = new Map<string, string>();
    for (const q of built.quads) if (q.predicate.value === 'https://schema.org/text') text.set(q.subject.value, q.object.value);
    let checked = 0;
    for (const r of built.results) {
      const iris = recordIris(r, built.base);
      expect(text.get(iris.telegram)).toBe(r.text);
      r.claims.forEach((c, i) => {
        expect(text.get(iris.claims[i] ?? '')).toBe(c.text);
        checked++;
      });
      r.quantities.forEach((q, i) => {
        expect(text.get(iris.quantities[i] ?? '')).toBe(q.text);
        checked++;
      });
      const subjects = new Set(built.quads.map((q) => q.subject.value));
      for (const e of iris.events) expect(subjects.has(e)).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
