// **header** extracts header facts (title, numbers, dates, copies, addressee, references, signature).

import type { SourceDoc, RawInputs } from './inputs.js';
import type { CompiledAuthorities } from './authorities.js';
import type { EntityRef, HeaderRecord, ReportItem } from './record.js';

export interface CompiledHeaderRules {
  readonly placeholder: true;
}

export function compileHeaderRules(_raw: RawInputs): CompiledHeaderRules {
  return { placeholder: true };
}

export interface HeaderResult {
  readonly header: HeaderRecord;
  readonly sender?: EntityRef;
  readonly recipient?: EntityRef;
  readonly report: readonly ReportItem[];
}

export function extractHeader(
  _doc: SourceDoc,
  _rules: CompiledHeaderRules,
  _authorities: CompiledAuthorities,
): HeaderResult {
  return { header: { kind: 'header', identifiers: [], copies: [], references: [] }, report: [] };
}
