// **format-report** takes a BuildReport and returns it as plain text: a table of counts per kind
// per telegram with totals, then every report item as "file:line:column: code: message «text»".

import type { ReportItem } from '../extract/record.js';
import type { BuildReport } from './dataset.js';

/** Counts shown as table columns, in this order (others appear in the totals line only). */
const COLUMNS = ['mentions', 'entities', 'quantities', 'claims', 'events', 'copies', 'identifiers', 'triples'] as const;

/** Longest excerpt of source text shown per report item, in characters. */
const EXCERPT = 80;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

function formatItem(file: string, item: ReportItem): string {
  return `  ${file}:${item.line}:${item.column}: ${item.code}: ${item.message}${item.text ? ` «${excerpt(item.text)}»` : ''}`;
}

/** A fixed-width table; the first column left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

/**
 * Formats a build report for people: counts per telegram and totals, unresolved names, text that
 * produced no record, other report items, and SHACL warnings, each with file:line:column.
 */
export function formatBuildReport(report: BuildReport): string {
  const lines: string[] = [];
  const rows: string[][] = [['telegram', ...COLUMNS, 'report']];
  for (const t of report.telegrams) rows.push([t.slug, ...COLUMNS.map((c) => String(t.counts[c] ?? 0)), String(t.items.length)]);
  rows.push([
    'total',
    ...COLUMNS.map((c) => String(report.totals[c] ?? 0)),
    String(report.telegrams.reduce((n, t) => n + t.items.length, 0)),
  ]);
  lines.push(...table(rows));
  const extra = Object.entries(report.totals)
    .filter(([k]) => !(COLUMNS as readonly string[]).includes(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${v}`);
  if (extra.length) lines.push(`totals: ${extra.join(', ')}`);

  const groups: [string, (i: ReportItem) => boolean][] = [
    ['unresolved names', (i) => i.code === 'unresolved-name'],
    ['text that produced no record', (i) => i.code === 'uninterpreted-text'],
    ['other report items', (i) => i.code !== 'unresolved-name' && i.code !== 'uninterpreted-text'],
  ];
  for (const [title, keep] of groups) {
    const items = report.telegrams.flatMap((t) => t.items.filter(keep).map((i) => formatItem(t.file, i)));
    if (items.length) lines.push('', `${title} (${items.length}):`, ...items);
  }
  if (report.warnings?.length) lines.push('', `SHACL warnings (${report.warnings.length}):`, ...report.warnings.map((w) => `  ${w}`));
  return `${lines.join('\n')}\n`;
}
