// Golden test of the first telegram's records: counts per record kind and the (speaker, speech act,
// point) of every claim in text order, compared with first-telegram.expected.json. A change in what
// the extractors find shows up here as a readable diff; UPDATE_GOLDEN=1 rewrites the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileExtractors, extractTelegram } from '../../src/extract/extract-telegram.js';
import type { EntityRef, ExtractionResult } from '../../src/extract/record.js';
import { loadInputs } from '../../src/load-inputs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const GOLDEN = resolve(HERE, 'first-telegram.expected.json');
const SLUG = '1950-10-07-roshchin-to-filippov';

/** What the golden file holds. */
interface Golden {
  readonly counts: Readonly<Record<string, number>>;
  /** [speaker slug or null, speech-act key, point as printed or null], in text order. */
  readonly claims: readonly (readonly [string | null, string, string | null])[];
}

let result: ExtractionResult;

const ref = (e: EntityRef | undefined): string | null => (e === undefined ? null : `${e.type}/${e.slug}`);

/** Counts per record kind (events split by their kind), plus copies, identifiers, entities and report items. */
function countsOf(r: ExtractionResult): Record<string, number> {
  const counts: Record<string, number> = {
    mention: r.mentions.length,
    entity: r.entities.length,
    quantity: r.quantities.length,
    claim: r.claims.length,
    'quoted-telegram': r.quotedTelegrams.length,
    copy: r.header.copies.length,
    identifier: r.header.identifiers.length,
    'report-item': r.report.length,
  };
  for (const e of r.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function claimsOf(r: ExtractionResult): Golden['claims'] {
  return [...r.claims]
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
    .map((c) => [ref(c.claimant), c.speechAct, c.pointAsPrinted ?? null] as const);
}

beforeAll(async () => {
  const inputs = await loadInputs(resolve(ROOT, 'data'));
  const telegram = inputs.telegrams.find((t) => t.slug === SLUG);
  if (!telegram) throw new Error(`data/telegrams/${SLUG}.txt is missing`);
  result = extractTelegram({ slug: telegram.slug, file: telegram.file, text: telegram.text }, compileExtractors(inputs.raw));
  if (process.env['UPDATE_GOLDEN'] === '1') {
    const golden: Golden = { counts: countsOf(result), claims: claimsOf(result) };
    writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1).replace(/\[\n\s+("[^"\n]*"|null),\n\s+("[^"\n]*"),\n\s+("[^"\n]*"|null)\n\s+\]/g, '[$1, $2, $3]')}\n`);
  }
});

describe('first telegram: records against the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
  const golden = (): Golden => JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;

  it('has the expected number of records of each kind', () => {
    expect(countsOf(result)).toEqual(golden().counts);
  });

  it('has the expected (speaker, speech act, point) of every claim, in text order', () => {
    expect(claimsOf(result)).toEqual(golden().claims);
  });

  it('the golden file itself says what the design says: Mao speaks every claim but the sender\'s one, points 1–4 then 1–3', () => {
    const { claims, counts } = golden();
    expect(counts['copy']).toBe(8);
    expect(counts['meeting']).toBe(1);
    expect(counts['travel']).toBe(1);
    const speakers = claims.map(([speaker]) => speaker);
    expect(speakers.filter((s) => s !== 'Person/mao-zedong')).toEqual(['Person/nikolai-roshchin']);
    const points = claims.map(([, , point]) => point).filter((p): p is string => p !== null);
    expect(points.filter((p, i) => i === 0 || p !== points[i - 1])).toEqual(['1.', '2.', '3.', '4.', '1.', '2.', '3.']);
  });
});
