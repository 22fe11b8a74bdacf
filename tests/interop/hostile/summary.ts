// **summary** takes the outcome of every hostile input (category, status or outcome, time) and
// returns a table per category (count, outcomes, slowest) for the console, and merges it into
// tests/artifacts/hostile-summary.json under a section name (server, transformer).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Outcome {
  readonly category: string;
  readonly label: string;
  /** An HTTP status ("413") or a transformer outcome ("graph", "error:binary-file"). */
  readonly outcome: string;
  readonly ms: number;
}

export interface CategorySummary {
  readonly category: string;
  readonly count: number;
  /** Outcome → how many inputs had it. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly slowestMs: number;
}

/** Where the summary is written (the folder is gitignored). */
export const SUMMARY_FILE = 'tests/artifacts/hostile-summary.json';

/** Groups outcomes by category, in first-seen order. */
export function summarize(outcomes: readonly Outcome[]): CategorySummary[] {
  const byCategory = new Map<string, Outcome[]>();
  for (const o of outcomes) byCategory.set(o.category, [...(byCategory.get(o.category) ?? []), o]);
  return [...byCategory].map(([category, list]) => {
    const counts: Record<string, number> = {};
    for (const o of list) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
    const outcomesSorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { category, count: list.length, outcomes: outcomesSorted, slowestMs: Math.round(Math.max(...list.map((o) => o.ms))) };
  });
}

/** A fixed-width table with a total line. */
export function formatTable(title: string, rows: readonly CategorySummary[]): string {
  const lines = rows.map((r) => [r.category, String(r.count), Object.entries(r.outcomes).map(([k, v]) => `${k}×${v}`).join(' '), `${r.slowestMs} ms`]);
  const total = rows.reduce((n, r) => n + r.count, 0);
  const all = [['category', 'inputs', 'outcomes', 'slowest'], ...lines, ['total', String(total), '', '']];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  const fmt = (l: readonly string[]) => l.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return `${title}\n${fmt(all[0] ?? [])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${all.slice(1).map(fmt).join('\n')}\n`;
}

/** Merges `{ [section]: value }` into the summary file (written atomically: temp file + rename). */
export function writeSummarySection(section: string, value: unknown, file: string = SUMMARY_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
  } catch {
    // no summary yet
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...current, [section]: value }, null, 2)}\n`);
  renameSync(temp, file);
}
