// **claims** finds reported statements: speaker, reporting verb → speech act, exact words (placeholder).

import type { SourceDoc, RawInputs } from './inputs.js';
import type { ClaimRecord, EntityRef, HeaderRecord, MentionRecord, QuotedTelegramRecord, ReportItem } from './record.js';

export interface CompiledClaimRules {
  readonly placeholder: true;
}

export function compileClaimRules(_raw: RawInputs): CompiledClaimRules {
  return { placeholder: true };
}

export interface ClaimResult {
  readonly claims: readonly ClaimRecord[];
  readonly quotedTelegrams: readonly QuotedTelegramRecord[];
  readonly report: readonly ReportItem[];
}

export function extractClaims(
  _doc: SourceDoc,
  _rules: CompiledClaimRules,
  _mentions: readonly MentionRecord[],
  _header: HeaderRecord,
  _sender: EntityRef | undefined,
): ClaimResult {
  return { claims: [], quotedTelegrams: [], report: [] };
}
