// **mentions** finds mentions of persons, places, organisations and countries (placeholder).

import type { SourceDoc, RawInputs } from './inputs.js';
import type { CompiledAuthorities } from './authorities.js';
import type { EntityDescription, MentionRecord, ReportItem } from './record.js';

export interface CompiledNameRules {
  readonly placeholder: true;
}

export function compileNameRules(_raw: RawInputs): CompiledNameRules {
  return { placeholder: true };
}

export interface MentionResult {
  readonly mentions: readonly MentionRecord[];
  /** Authority entities that were mentioned, plus locally minted (unresolved) ones. */
  readonly entities: readonly EntityDescription[];
  readonly report: readonly ReportItem[];
}

export function extractMentions(
  _doc: SourceDoc,
  _rules: CompiledNameRules,
  _authorities: CompiledAuthorities,
): MentionResult {
  return { mentions: [], entities: [], report: [] };
}
