// **events** finds meetings and planned travel, with dates resolved against the telegram's date (placeholder).

import type { SourceDoc, RawInputs } from './inputs.js';
import type { EventRecord, HeaderRecord, MentionRecord, QuantityRecord, ReportItem } from './record.js';

export interface CompiledEventRules {
  readonly placeholder: true;
}

export function compileEventRules(_raw: RawInputs): CompiledEventRules {
  return { placeholder: true };
}

export interface EventResult {
  readonly events: readonly EventRecord[];
  readonly report: readonly ReportItem[];
}

export function extractEvents(
  _doc: SourceDoc,
  _rules: CompiledEventRules,
  _mentions: readonly MentionRecord[],
  _quantities: readonly QuantityRecord[],
  _header: HeaderRecord,
): EventResult {
  return { events: [], report: [] };
}
