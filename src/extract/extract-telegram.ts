// **extract-telegram** runs every extractor over one telegram and gathers an ExtractionResult.
// compileExtractors() does the per-build work once (lexicons, authority matchers);
// extractTelegram() is pure and per telegram.

import { segmentText } from '../text/segment.js';
import { compareSpans } from '../text/span.js';
import { compileAuthorities, type CompiledAuthorities } from './authorities.js';
import { compileClaimRules, extractClaims, type CompiledClaimRules } from './claims.js';
import { compileEventRules, extractEvents, type CompiledEventRules } from './events.js';
import { compileHeaderRules, extractHeader, type CompiledHeaderRules } from './header.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import { compileNameRules, extractMentions, type CompiledNameRules } from './mentions.js';
import { compileQuantityRules, extractQuantities, type CompiledQuantityRules } from './quantities.js';
import type { EntityDescription, ExtractionResult, ReportItem } from './record.js';
import { findUncoveredText } from './uncovered.js';

export interface Extractors {
  readonly authorities: CompiledAuthorities;
  readonly header: CompiledHeaderRules;
  readonly names: CompiledNameRules;
  readonly quantities: CompiledQuantityRules;
  readonly claims: CompiledClaimRules;
  readonly events: CompiledEventRules;
}

/** Compiles lexicons and authorities once per build. Throws ConfigError on malformed data files. */
export function compileExtractors(raw: RawInputs): Extractors {
  return {
    authorities: compileAuthorities(raw),
    header: compileHeaderRules(raw),
    names: compileNameRules(raw),
    quantities: compileQuantityRules(raw),
    claims: compileClaimRules(raw),
    events: compileEventRules(raw),
  };
}

export interface TelegramSource {
  readonly slug: string;
  readonly file: string;
  readonly text: string;
}

/** Extracts every record from one telegram. Never throws on unusual text: it reports instead. */
export function extractTelegram(source: TelegramSource, x: Extractors): ExtractionResult {
  const doc: SourceDoc = { ...source, segments: segmentText(source.text, x.header.segmenter) };
  const head = extractHeader(doc, x.header, x.authorities);
  const named = extractMentions(doc, x.names, x.authorities);
  const counted = extractQuantities(doc, x.quantities, named.mentions);
  const said = extractClaims(doc, x.claims, named.mentions, head.header, head.sender);
  const happened = extractEvents(doc, x.events, named.mentions, counted.quantities, head.header, head.sender, said.quotedTelegrams);

  const entities = new Map<string, EntityDescription>();
  for (const e of [...(head.entities ?? []), ...named.entities]) entities.set(`${e.type}/${e.slug}`, e);

  const partial = {
    mentions: named.mentions,
    quantities: counted.quantities,
    claims: said.claims,
    events: happened.events,
  };
  const report: ReportItem[] = [
    ...head.report,
    ...named.report,
    ...counted.report,
    ...said.report,
    ...happened.report,
    ...findUncoveredText(doc, head.header, partial),
  ].sort((a, b) => compareSpans(a.span, b.span) || a.code.localeCompare(b.code));

  return {
    slug: source.slug,
    file: source.file,
    text: source.text,
    header: head.header,
    ...(head.sender ? { sender: head.sender } : {}),
    ...(head.recipient ? { recipient: head.recipient } : {}),
    mentions: named.mentions,
    quantities: counted.quantities,
    claims: said.claims,
    events: happened.events,
    quotedTelegrams: said.quotedTelegrams,
    entities: [...entities.values()].sort((a, b) =>
      `${a.type}/${a.slug}`.localeCompare(`${b.type}/${b.slug}`),
    ),
    report,
  };
}
