// **quantities** finds numbers in digits and words with what they count (placeholder).

import type { SourceDoc, RawInputs } from './inputs.js';
import type { MentionRecord, QuantityRecord, ReportItem } from './record.js';

export interface CompiledQuantityRules {
  readonly placeholder: true;
}

export function compileQuantityRules(_raw: RawInputs): CompiledQuantityRules {
  return { placeholder: true };
}

export interface QuantityResult {
  readonly quantities: readonly QuantityRecord[];
  readonly report: readonly ReportItem[];
}

export function extractQuantities(
  _doc: SourceDoc,
  _rules: CompiledQuantityRules,
  _mentions: readonly MentionRecord[],
): QuantityResult {
  return { quantities: [], report: [] };
}
