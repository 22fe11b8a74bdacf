// **to-quads** takes extraction results and a base IRI and returns RDF quads in the cablegraph ontology:
// each telegram's facts and evidence in {base}graph/telegram/{slug}, entity descriptions (merged
// across telegrams) in {base}graph/entities. Deterministic: same results → same quads, same order.

import type { Literal, NamedNode, Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { MappingError } from '../errors.js';
import type {
  ClaimRecord,
  EntityDescription,
  EntityRef,
  EntityType,
  EventRecord,
  ExtractionResult,
  HeaderRecord,
  QuantityRecord,
  QuotedTelegramRecord,
  StatedDateTime,
} from '../extract/record.js';
import { offsetToLineColumn } from '../text/location.js';
import { compareSpans, spanContains, type Span } from '../text/span.js';
import { entityKind, mintFragmentIri, mintGraphIri, mintIri } from './mint-iri.js';
import { CG, OA, OWL, RDF, RDFS, SCHEMA, SKOS, SPEECH_ACT_NAMESPACE, XSD, speechActTerm, unitTerm } from './vocab.js';

const { namedNode, literal, quad } = DataFactory;

export interface BuildGraphOptions {
  /** Base IRI of the dataset, absolute and ending in "/" (e.g. "http://localhost:3000/"). */
  readonly base: string;
}

/** Longest oa:prefix / oa:suffix, in UTF-16 code units (hence also in code points). */
const QUOTE_CONTEXT_LENGTH = 32;

/**
 * Maps extraction results to quads. Throws MappingError (naming file, line and column) for a
 * record that cannot be expressed: an empty or out-of-range span, a malformed number or date.
 * @example buildGraph([result], { base: 'http://localhost:3000/' })
 */
export function buildGraph(results: readonly ExtractionResult[], options: BuildGraphOptions): Quad[] {
  const sink = createSink();
  const sorted = [...results].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.slug === sorted[i - 1]?.slug) {
      throw new MappingError(`two telegrams have the slug "${sorted[i]?.slug}" (${sorted[i - 1]?.file}, ${sorted[i]?.file}); slugs must be unique`, 'duplicate-slug');
    }
  }
  const entities = createEntityIndex();
  for (const result of sorted) addTelegram(result, options.base, sink, entities);
  addEntities(entities, options.base, sink);
  return sink.quads;
}

// ---------------------------------------------------------------------------------------------
// quad sink: deduplicates, keeps first-seen order

interface Sink {
  readonly quads: Quad[];
  add(s: NamedNode, p: NamedNode, o: NamedNode | Literal, g: NamedNode): void;
  /** No quad will be added to `g` any more: its keys are dropped (a later add throws). */
  close(g: NamedNode): void;
}

/**
 * Duplicates are looked for within each graph, and a telegram's graph forgets its keys once the
 * telegram is mapped: one set of every quad's key for the whole corpus cost as much memory as the
 * quads themselves and slowed every garbage collection of the build.
 */
function createSink(): Sink {
  const seen = new Map<string, Set<string>>();
  const closed = new Set<string>();
  const quads: Quad[] = [];
  return {
    quads,
    add(s, p, o, g) {
      let keys = seen.get(g.value);
      if (!keys) {
        if (closed.has(g.value)) throw new Error(`internal: quad added to graph <${g.value}> after it was closed`);
        keys = new Set();
        seen.set(g.value, keys);
      }
      const key = `${s.value} ${p.value} ${o.termType === 'Literal' ? `"${o.value}"^^${o.datatype.value}@${o.language}` : `<${o.value}>`}`;
      if (keys.has(key)) return;
      keys.add(key);
      quads.push(quad(s, p, o, g));
    },
    close(g) {
      seen.delete(g.value);
      closed.add(g.value);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// literals

const str = (value: string): Literal => literal(value);
const bool = (value: boolean): Literal => literal(String(value), XSD.terms.boolean);
const int = (value: number): Literal => literal(String(value), XSD.terms.integer);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Per-telegram context for messages and minting. */
interface TelegramContext {
  readonly result: ExtractionResult;
  readonly base: string;
  readonly sink: Sink;
  readonly entities: EntityIndex;
  readonly telegram: NamedNode;
  readonly graph: NamedNode;
  readonly annotations: AnnotationSpec[];
}

function where(ctx: TelegramContext, span: Span): string {
  const { line, column } = offsetToLineColumn(ctx.result.text, span.start);
  return `${ctx.result.file}:${line}:${column} (offset ${span.start})`;
}

function decimal(ctx: TelegramContext, value: string, what: string, span: Span): Literal {
  if (!DECIMAL.test(value)) {
    throw new MappingError(`${where(ctx, span)}: ${what} "${value}" is not an xsd:decimal (telegram ${ctx.result.slug})`, 'bad-decimal');
  }
  return literal(value, XSD.terms.decimal);
}

function dateLiteral(ctx: TelegramContext, d: StatedDateTime): Literal {
  const ok = d.datatype === 'date' ? DATE.test(d.value) : DATE_TIME.test(d.value);
  if (!ok) {
    throw new MappingError(`${where(ctx, d.span)}: "${d.asPrinted}" was read as "${d.value}", not an xsd:${d.datatype} (telegram ${ctx.result.slug})`, 'bad-date');
  }
  return literal(d.value, d.datatype === 'date' ? XSD.terms.date : XSD.terms.dateTime);
}

function durationLiteral(ctx: TelegramContext, value: string, span: Span): Literal {
  if (!DURATION.test(value)) {
    throw new MappingError(`${where(ctx, span)}: duration "${value}" is not an xsd:duration (telegram ${ctx.result.slug})`, 'bad-duration');
  }
  return literal(value, XSD.terms.duration);
}

/**
 * cg:timeZoneStated for a resource's dateTime values: false when any of them was printed without a
 * zone (its literal then has no offset), true when every one states it; nothing for dates only.
 */
function addTimeZoneFacts(ctx: TelegramContext, subject: NamedNode, dates: readonly (StatedDateTime | undefined)[]): void {
  const times = dates.filter((d): d is StatedDateTime => d !== undefined && d.datatype === 'dateTime');
  if (times.length === 0) return;
  ctx.sink.add(subject, CG.terms.timeZoneStated, bool(times.every((d) => d.timeZoneStated)), ctx.graph);
  for (const d of times) {
    if (d.timeZoneStated && d.timeZoneAsPrinted !== undefined) {
      ctx.sink.add(subject, CG.terms.timeZoneAsPrinted, str(d.timeZoneAsPrinted), ctx.graph);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// entities

interface EntityEntry {
  readonly types: Set<EntityType>;
  readonly descriptions: EntityDescription[];
  /** Codenames learnt from the text (an addressee printed as a codename). */
  readonly extraCodenames: Set<string>;
}

type EntityIndex = Map<string, EntityEntry>;

function createEntityIndex(): EntityIndex {
  return new Map();
}

function entityIri(base: string, ref: EntityRef): string {
  return mintIri(base, entityKind(ref.type), ref.slug);
}

function entityEntry(entities: EntityIndex, iri: string): EntityEntry {
  const found = entities.get(iri);
  if (found) return found;
  const entry: EntityEntry = { types: new Set(), descriptions: [], extraCodenames: new Set() };
  entities.set(iri, entry);
  return entry;
}

/** The IRI of a referenced entity; registers it so that it gets at least a type in the entities graph. */
function entity(ctx: TelegramContext, ref: EntityRef): NamedNode {
  const iri = entityIri(ctx.base, ref);
  entityEntry(ctx.entities, iri).types.add(ref.type);
  return namedNode(iri);
}

const ENTITY_CLASSES: Readonly<Record<EntityType, readonly NamedNode[]>> = {
  Person: [SCHEMA.terms.Person],
  Place: [SCHEMA.terms.Place],
  Country: [SCHEMA.terms.Country],
  Organization: [SCHEMA.terms.Organization],
  Group: [CG.terms.Group, SCHEMA.terms.Organization],
};

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function addEntities(entities: EntityIndex, base: string, sink: Sink): void {
  const g = namedNode(mintGraphIri(base, 'entities'));
  for (const iri of [...entities.keys()].sort(byString)) {
    const entry = entities.get(iri);
    if (!entry) continue;
    const s = namedNode(iri);
    const descriptions = [...entry.descriptions].sort(
      (a, b) => Number(b.resolved) - Number(a.resolved) || byString(a.label, b.label) || byString(JSON.stringify(a), JSON.stringify(b)),
    );
    const types = new Set<EntityType>([...entry.types, ...descriptions.map((d) => d.type)]);
    for (const type of [...types].sort(byString)) for (const c of ENTITY_CLASSES[type]) sink.add(s, RDF.terms.type, c, g);

    const primary = descriptions[0];
    if (primary) sink.add(s, SCHEMA.terms.name, str(primary.label), g);
    const codenames = new Set<string>(descriptions.flatMap((d) => d.codenames));
    const known = [...codenames, ...descriptions.flatMap((d) => [d.label, ...d.alternateNames])].map((n) => n.toLowerCase());
    for (const c of entry.extraCodenames) if (!known.includes(c.toLowerCase())) codenames.add(c);
    const alternates = new Set<string>([...descriptions.flatMap((d) => [d.label, ...d.alternateNames]), ...codenames]);
    if (primary) alternates.delete(primary.label);
    for (const a of [...alternates].sort(byString)) sink.add(s, SCHEMA.terms.alternateName, str(a), g);
    for (const c of [...codenames].sort(byString)) sink.add(s, CG.terms.codename, str(c), g);
    const sameAs = new Set(descriptions.flatMap((d) => d.sameAs));
    for (const x of [...sameAs].sort(byString)) sink.add(s, OWL.terms.sameAs, namedNode(x), g);
    const related = new Set(descriptions.flatMap((d) => d.related));
    for (const x of [...related].sort(byString)) sink.add(s, SKOS.terms.related, namedNode(x), g);
    const notes = new Set(descriptions.flatMap((d) => (d.note === undefined ? [] : [d.note])));
    for (const n of [...notes].sort(byString)) sink.add(s, RDFS.terms.comment, str(n), g);
    sink.add(s, CG.terms.resolved, bool(descriptions.some((d) => d.resolved)), g);
  }
}

// ---------------------------------------------------------------------------------------------
// evidence (oa:Annotation)

interface AnnotationSpec {
  readonly span: Span;
  readonly body: NamedNode;
  readonly motivation: NamedNode;
  /** Which property of the body the span is evidence for (header facts, speech acts, dates). */
  readonly forProperty?: NamedNode;
  /** How a mention was found. */
  readonly via?: string;
}

function annotate(ctx: TelegramContext, spec: AnnotationSpec): void {
  const { span } = spec;
  const text = ctx.result.text;
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start < span.end && span.end <= text.length)) {
    throw new MappingError(
      `${where(ctx, { start: Math.max(0, Math.min(span.start, text.length)), end: 0 })}: span [${span.start}, ${span.end}) is empty or outside the text (length ${text.length}) of telegram ${ctx.result.slug}`,
      'bad-span',
    );
  }
  ctx.annotations.push(spec);
}

function compareAnnotations(a: AnnotationSpec, b: AnnotationSpec): number {
  return (
    compareSpans(a.span, b.span) ||
    byString(a.body.value, b.body.value) ||
    byString(a.forProperty?.value ?? '', b.forProperty?.value ?? '') ||
    byString(a.motivation.value, b.motivation.value) ||
    byString(a.via ?? '', b.via ?? '')
  );
}

/** Maps UTF-16 offsets to code-point offsets (W3C Web Annotation counts code points). */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const table = new Array<number>(text.length + 1);
  table[0] = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const continuesPair = c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff;
    table[i + 1] = (table[i] ?? 0) + (continuesPair ? 0 : 1);
  }
  return (offset) => table[offset] ?? offset;
}

/**
 * At most `n` UTF-16 code units of `text` ending at `from` (prefix) or starting at `from` (suffix),
 * never splitting a surrogate pair: so also at most `n` code points, whichever way it is counted.
 */
function quoteContext(text: string, from: number, side: 'before' | 'after', n: number): string {
  const isLow = (i: number): boolean => /[\uDC00-\uDFFF]/.test(text.charAt(i));
  if (side === 'before') {
    let start = Math.max(0, from - n);
    if (start > 0 && isLow(start)) start++;
    return text.slice(start, from);
  }
  let end = Math.min(text.length, from + n);
  if (end < text.length && isLow(end)) end--;
  return text.slice(from, end);
}

function emitAnnotations(ctx: TelegramContext): void {
  const { text, slug } = ctx.result;
  const toCodePoint = codePointOffsets(text);
  const specs = [...ctx.annotations].sort(compareAnnotations);
  const g = ctx.graph;
  specs.forEach((spec, i) => {
    const aIri = mintIri(ctx.base, 'annotation', [slug, i + 1]);
    const a = namedNode(aIri);
    const target = namedNode(mintFragmentIri(aIri, 'target'));
    const position = namedNode(mintFragmentIri(aIri, 'position'));
    const quote = namedNode(mintFragmentIri(aIri, 'quote'));
    const add = (s: NamedNode, p: NamedNode, o: NamedNode | Literal): void => ctx.sink.add(s, p, o, g);
    add(a, RDF.terms.type, OA.terms.Annotation);
    add(a, OA.terms.hasBody, spec.body);
    add(a, OA.terms.motivatedBy, spec.motivation);
    if (spec.forProperty) add(a, CG.terms.forProperty, spec.forProperty);
    if (spec.via !== undefined) add(a, CG.terms.identifiedVia, str(spec.via));
    add(a, OA.terms.hasTarget, target);
    add(target, RDF.terms.type, OA.terms.SpecificResource);
    add(target, OA.terms.hasSource, ctx.telegram);
    add(target, OA.terms.hasSelector, position);
    add(target, OA.terms.hasSelector, quote);
    add(position, RDF.terms.type, OA.terms.TextPositionSelector);
    add(position, OA.terms.start, literal(String(toCodePoint(spec.span.start)), XSD.terms.nonNegativeInteger));
    add(position, OA.terms.end, literal(String(toCodePoint(spec.span.end)), XSD.terms.nonNegativeInteger));
    add(quote, RDF.terms.type, OA.terms.TextQuoteSelector);
    add(quote, OA.terms.exact, str(text.slice(spec.span.start, spec.span.end)));
    const prefix = quoteContext(text, spec.span.start, 'before', QUOTE_CONTEXT_LENGTH);
    const suffix = quoteContext(text, spec.span.end, 'after', QUOTE_CONTEXT_LENGTH);
    if (prefix !== '') add(quote, OA.terms.prefix, str(prefix));
    if (suffix !== '') add(quote, OA.terms.suffix, str(suffix));
  });
}

// ---------------------------------------------------------------------------------------------
// one telegram

/** Sorts records by span start (then longer first), keeping each one's index in the input list. */
function bySpan<T extends { readonly span: Span }>(items: readonly T[]): { readonly item: T; readonly index: number }[] {
  return items.map((item, index) => ({ item, index })).sort((a, b) => compareSpans(a.item.span, b.item.span) || a.index - b.index);
}

function addTelegram(result: ExtractionResult, base: string, sink: Sink, entities: EntityIndex): void {
  const ctx: TelegramContext = {
    result,
    base,
    sink,
    entities,
    telegram: namedNode(mintIri(base, 'telegram', result.slug)),
    graph: namedNode(mintGraphIri(base, { telegram: result.slug })),
    annotations: [],
  };
  for (const d of result.entities) entityEntry(entities, entityIri(base, d)).descriptions.push(d);

  const t = ctx.telegram;
  const add = (p: NamedNode, o: NamedNode | Literal): void => sink.add(t, p, o, ctx.graph);
  add(RDF.terms.type, CG.terms.Telegram);
  add(SCHEMA.terms.text, str(result.text));
  if (result.sender) add(SCHEMA.terms.sender, entity(ctx, result.sender));
  if (result.recipient) add(SCHEMA.terms.recipient, entity(ctx, result.recipient));

  addHeader(ctx, result.header);

  const mentioned = new Set<string>();
  for (const m of result.mentions) {
    const e = entity(ctx, m.entity);
    mentioned.add(e.value);
    annotate(ctx, { span: m.span, body: e, motivation: OA.terms.identifying, via: m.via });
  }
  for (const iri of [...mentioned].sort(byString)) add(SCHEMA.terms.mentions, namedNode(iri));

  const quoted = addQuotedTelegrams(ctx, result.quotedTelegrams);
  const quantities = addQuantities(ctx, result.quantities);
  addClaims(ctx, result.claims, quantities, quoted);
  addEvents(ctx, result.events);
  emitAnnotations(ctx);
  sink.close(ctx.graph);
}

function addHeader(ctx: TelegramContext, h: HeaderRecord): void {
  const { result, base, sink, graph } = ctx;
  const t = ctx.telegram;
  const slug = result.slug;
  const add = (s: NamedNode, p: NamedNode, o: NamedNode | Literal): void => sink.add(s, p, o, graph);
  const evidence = (span: Span, property: NamedNode, body: NamedNode = t): void =>
    annotate(ctx, { span, body, motivation: OA.terms.describing, forProperty: property });
  const mention = (ref: EntityRef): NamedNode => {
    const e = entity(ctx, ref);
    add(t, SCHEMA.terms.mentions, e);
    return e;
  };

  if (h.title) {
    add(t, SCHEMA.terms.name, str(h.title.value));
    evidence(h.title.span, SCHEMA.terms.name);
  }

  const idCounts = new Map<string, number>();
  for (const id of h.identifiers) {
    const seen = (idCounts.get(id.propertyId) ?? 0) + 1;
    idCounts.set(id.propertyId, seen);
    const i = namedNode(mintIri(base, 'identifier', [slug, seen === 1 ? id.propertyId : `${id.propertyId}-${seen}`]));
    add(t, SCHEMA.terms.identifier, i);
    add(i, RDF.terms.type, SCHEMA.terms.PropertyValue);
    add(i, SCHEMA.terms.propertyID, str(id.propertyId));
    add(i, SCHEMA.terms.value, str(id.value));
    evidence(id.span, SCHEMA.terms.value, i);
  }

  if (h.classification) {
    add(t, CG.terms.classification, str(h.classification.value));
    evidence(h.classification.span, CG.terms.classification);
  }
  if (h.issuingOffice) {
    add(t, CG.terms.issuingOfficeAsPrinted, str(h.issuingOffice.asPrinted));
    if (h.issuingOffice.entity) add(t, CG.terms.issuingOffice, mention(h.issuingOffice.entity));
    evidence(h.issuingOffice.span, CG.terms.issuingOffice);
  }

  const sent = h.dateSent ?? h.closingDate;
  if (sent) {
    add(t, SCHEMA.terms.dateSent, dateLiteral(ctx, sent));
    evidence(sent.span, SCHEMA.terms.dateSent);
  }
  if (h.closingDate) {
    add(t, CG.terms.closingDate, dateLiteral(ctx, h.closingDate));
    evidence(h.closingDate.span, CG.terms.closingDate);
  }
  if (h.dateReceived) {
    add(t, SCHEMA.terms.dateReceived, dateLiteral(ctx, h.dateReceived));
    evidence(h.dateReceived.span, SCHEMA.terms.dateReceived);
  }
  addTimeZoneFacts(ctx, t, [sent, h.closingDate, h.dateReceived]);

  if (h.receivedFrom) {
    add(t, CG.terms.receivedFromAsPrinted, str(h.receivedFrom.asPrinted));
    if (h.receivedFrom.entity) add(t, CG.terms.receivedFrom, mention(h.receivedFrom.entity));
    evidence(h.receivedFrom.span, CG.terms.receivedFrom);
  }
  if (h.priority) {
    add(t, CG.terms.priority, str(h.priority.value));
    if (h.priority.gloss !== undefined) add(t, CG.terms.priorityGloss, str(h.priority.gloss));
    evidence(h.priority.span, CG.terms.priority);
  }
  if (h.addressee) {
    const a = h.addressee;
    add(t, CG.terms.addressedAs, str(a.name));
    if (a.editorialName !== undefined) add(t, CG.terms.addressedAsEditorial, str(a.editorialName));
    if (a.entity) {
      const e = mention(a.entity);
      if (a.isCodename) entityEntry(ctx.entities, e.value).extraCodenames.add(a.name);
    }
    evidence(a.span, CG.terms.addressedAs);
  }
  if (h.signature) {
    if (h.signature.entity) mention(h.signature.entity);
    evidence(h.signature.span, SCHEMA.terms.sender);
  }

  bySpan(h.copies).forEach(({ item: c }, i) => {
    const copy = namedNode(mintIri(base, 'copy', [slug, i + 1]));
    add(t, CG.terms.copy, copy);
    add(copy, RDF.terms.type, CG.terms.Copy);
    add(copy, CG.terms.copyNumber, int(c.number));
    add(copy, CG.terms.copyNumberAsPrinted, str(c.numberAsPrinted));
    add(copy, CG.terms.recipientAsPrinted, str(c.recipientAsPrinted));
    if (c.recipient) add(copy, SCHEMA.terms.recipient, mention(c.recipient));
    annotate(ctx, { span: c.span, body: copy, motivation: OA.terms.describing });
  });

  for (const r of h.references) {
    const ref = namedNode(mintIri(base, 'ref', [slug, r.number]));
    const refIri = ref.value;
    add(t, r.relation === 'in-reply-to' ? CG.terms.inReplyTo : CG.terms.refersTo, ref);
    add(ref, RDF.terms.type, CG.terms.ReferencedTelegram);
    const id = namedNode(mintFragmentIri(refIri, 'identifier'));
    add(ref, SCHEMA.terms.identifier, id);
    add(id, RDF.terms.type, SCHEMA.terms.PropertyValue);
    add(id, SCHEMA.terms.propertyID, str('number'));
    add(id, SCHEMA.terms.value, str(r.number));
    const owner = r.ownerRole === 'sender' ? result.sender : r.ownerRole === 'recipient' ? result.recipient : undefined;
    if (owner) add(ref, SCHEMA.terms.sender, entity(ctx, owner));
    annotate(ctx, { span: r.span, body: ref, motivation: OA.terms.identifying });
  }
}

function addQuotedTelegrams(ctx: TelegramContext, quoted: readonly QuotedTelegramRecord[]): Map<number, NamedNode> {
  const iris = new Map<number, NamedNode>();
  const { sink, graph } = ctx;
  bySpan(quoted).forEach(({ item: q, index }, i) => {
    const node = namedNode(mintIri(ctx.base, 'quoted', [ctx.result.slug, i + 1]));
    iris.set(index, node);
    const add = (p: NamedNode, o: NamedNode | Literal): void => sink.add(node, p, o, graph);
    annotate(ctx, { span: q.span, body: node, motivation: OA.terms.describing });
    sink.add(ctx.telegram, CG.terms.quotes, node, graph);
    add(RDF.terms.type, CG.terms.Telegram);
    add(RDF.terms.type, CG.terms.QuotedTelegram);
    add(SCHEMA.terms.text, str(ctx.result.text.slice(q.span.start, q.span.end)));
    if (q.author) add(SCHEMA.terms.sender, entity(ctx, q.author));
    if (q.recipient) add(SCHEMA.terms.recipient, entity(ctx, q.recipient));
    if (q.dateSent) {
      add(SCHEMA.terms.dateSent, dateLiteral(ctx, q.dateSent));
      addTimeZoneFacts(ctx, node, [q.dateSent]);
      annotate(ctx, { span: q.dateSent.span, body: node, motivation: OA.terms.describing, forProperty: SCHEMA.terms.dateSent });
    }
  });
  return iris;
}

/** Quantity IRIs with their spans, by index in the result's list. */
type QuantityIndex = Map<number, { readonly node: NamedNode; readonly span: Span }>;

function quantityClass(q: QuantityRecord): NamedNode {
  if (q.reading === 'ratio' || q.numerator !== undefined || q.denominator !== undefined) return CG.terms.Ratio;
  if (q.reading === 'money' || q.currency !== undefined) return SCHEMA.terms.MonetaryAmount;
  return SCHEMA.terms.QuantitativeValue;
}

function addQuantities(ctx: TelegramContext, quantities: readonly QuantityRecord[]): QuantityIndex {
  const index: QuantityIndex = new Map();
  const ordered = bySpan(quantities);
  ordered.forEach(({ item, index: original }, i) => {
    index.set(original, { node: namedNode(mintIri(ctx.base, 'quantity', [ctx.result.slug, i + 1])), span: item.span });
  });
  for (const { item: q, index: original } of ordered) {
    const node = index.get(original)?.node;
    if (!node) continue;
    const add = (p: NamedNode, o: NamedNode | Literal): void => ctx.sink.add(node, p, o, ctx.graph);
    ctx.sink.add(ctx.telegram, CG.terms.hasQuantity, node, ctx.graph);
    add(RDF.terms.type, quantityClass(q));
    add(SCHEMA.terms.isPartOf, ctx.telegram);
    add(SCHEMA.terms.text, str(q.text));
    add(CG.terms.reading, str(q.reading));
    const value = q.value ?? (q.reading === 'absent' ? '0' : undefined);
    if (value !== undefined) add(SCHEMA.terms.value, decimal(ctx, value, 'value', q.span));
    if (q.minValue !== undefined) add(SCHEMA.terms.minValue, decimal(ctx, q.minValue, 'minValue', q.span));
    if (q.maxValue !== undefined) add(SCHEMA.terms.maxValue, decimal(ctx, q.maxValue, 'maxValue', q.span));
    if (q.numerator !== undefined) add(CG.terms.numerator, decimal(ctx, q.numerator, 'numerator', q.span));
    if (q.denominator !== undefined) add(CG.terms.denominator, decimal(ctx, q.denominator, 'denominator', q.span));
    add(CG.terms.approximate, bool(q.approximate));
    if (q.currency !== undefined) add(SCHEMA.terms.currency, str(q.currency));
    if (q.forYear !== undefined) add(CG.terms.forYear, literal(String(q.forYear).padStart(4, '0'), XSD.terms.gYear));
    if (q.duration !== undefined) add(SCHEMA.terms.duration, durationLiteral(ctx, q.duration, q.span));
    if (q.unitText !== undefined) add(SCHEMA.terms.unitText, str(q.unitText));
    if (q.countOf !== undefined) add(CG.terms.countOf, unitTerm(q.countOf));
    if (q.holder) add(CG.terms.holder, entity(ctx, q.holder));
    add(CG.terms.polarity, q.polarity === 'rejected' ? CG.terms.Rejected : CG.terms.Asserted);
    if (q.contrastWith !== undefined) {
      const other = index.get(q.contrastWith);
      if (!other || q.contrastWith === original) {
        throw new MappingError(`${where(ctx, q.span)}: quantity "${q.text}" contrasts with quantity #${q.contrastWith}, which does not exist (telegram ${ctx.result.slug})`, 'bad-contrast');
      }
      add(CG.terms.contrastsWith, other.node);
      ctx.sink.add(other.node, CG.terms.contrastsWith, node, ctx.graph);
    }
    for (const note of q.notes) add(RDFS.terms.comment, str(note));
    annotate(ctx, { span: q.span, body: node, motivation: OA.terms.describing });
  }
  return index;
}

function addClaims(ctx: TelegramContext, claims: readonly ClaimRecord[], quantities: QuantityIndex, quoted: Map<number, NamedNode>): void {
  const { result } = ctx;
  bySpan(claims).forEach(({ item: c }, i) => {
    const node = namedNode(mintIri(ctx.base, 'claim', [result.slug, i + 1]));
    const add = (p: NamedNode, o: NamedNode | Literal): void => ctx.sink.add(node, p, o, ctx.graph);
    ctx.sink.add(ctx.telegram, CG.terms.claim, node, ctx.graph);
    add(RDF.terms.type, CG.terms.Claim);
    add(SCHEMA.terms.isPartOf, ctx.telegram);
    add(SCHEMA.terms.text, str(c.text));
    if (c.claimant) add(CG.terms.claimant, entity(ctx, c.claimant));
    if (c.reportedBy) add(CG.terms.reportedBy, entity(ctx, c.reportedBy));
    add(CG.terms.speechAct, speechActTerm(c.speechAct));
    if (c.speechActLabel !== undefined) describeSpeechAct(ctx, c.speechAct, c.speechActLabel);
    add(CG.terms.verbAsPrinted, str(c.verbAsPrinted));
    if (c.pointAsPrinted !== undefined) add(CG.terms.pointAsPrinted, str(c.pointAsPrinted));
    if (c.quotedIn !== undefined) {
      const q = quoted.get(c.quotedIn);
      if (!q) {
        throw new MappingError(`${where(ctx, c.span)}: claim is quoted in quoted telegram #${c.quotedIn}, which does not exist (telegram ${result.slug})`, 'bad-quoted-index');
      }
      add(CG.terms.quotedFrom, q);
    }
    const about = new Set<string>();
    for (const m of result.mentions) if (spanContains(c.span, m.span)) about.add(entityIri(ctx.base, m.entity));
    for (const iri of [...about].sort(byString)) add(CG.terms.about, namedNode(iri));
    const inside = [...quantities.values()].filter((q) => spanContains(c.span, q.span));
    for (const q of inside) add(CG.terms.hasQuantity, q.node);
    annotate(ctx, { span: c.span, body: node, motivation: OA.terms.describing });
    annotate(ctx, { span: c.verbSpan, body: node, motivation: OA.terms.classifying, forProperty: CG.terms.speechAct });
  });
}

/** The speech-act concept with its label, in the entities graph, so that queries can show it. */
function describeSpeechAct(ctx: TelegramContext, key: string, label: string): void {
  const g = namedNode(mintGraphIri(ctx.base, 'entities'));
  const concept = speechActTerm(key);
  ctx.sink.add(concept, RDF.terms.type, SKOS.terms.Concept, g);
  ctx.sink.add(concept, SKOS.terms.prefLabel, literal(label, 'en'), g);
  ctx.sink.add(concept, SKOS.terms.inScheme, namedNode(SPEECH_ACT_NAMESPACE), g);
}

function addEvents(ctx: TelegramContext, events: readonly EventRecord[]): void {
  bySpan(events).forEach(({ item: e }, i) => {
    const node = namedNode(mintIri(ctx.base, 'event', [ctx.result.slug, i + 1]));
    const add = (p: NamedNode, o: NamedNode | Literal): void => ctx.sink.add(node, p, o, ctx.graph);
    ctx.sink.add(ctx.telegram, CG.terms.event, node, ctx.graph);
    annotate(ctx, { span: e.span, body: node, motivation: OA.terms.describing });
    if (e.kind === 'meeting') {
      add(RDF.terms.type, CG.terms.Meeting);
      if (e.startDate) {
        add(SCHEMA.terms.startDate, dateLiteral(ctx, e.startDate));
        annotate(ctx, { span: e.startDate.span, body: node, motivation: OA.terms.describing, forProperty: SCHEMA.terms.startDate });
      }
      addTimeZoneFacts(ctx, node, [e.startDate]);
      if (e.duration) {
        add(SCHEMA.terms.duration, durationLiteral(ctx, e.duration.value, e.duration.span));
        annotate(ctx, { span: e.duration.span, body: node, motivation: OA.terms.describing, forProperty: SCHEMA.terms.duration });
      }
      for (const a of e.attendees) add(SCHEMA.terms.attendee, entity(ctx, a));
      if (e.location) add(SCHEMA.terms.location, entity(ctx, e.location));
    } else {
      add(RDF.terms.type, SCHEMA.terms.TravelAction);
      for (const a of e.agents) add(SCHEMA.terms.agent, entity(ctx, a));
      for (const p of e.participants) add(SCHEMA.terms.participant, entity(ctx, p));
      if (e.from) add(SCHEMA.terms.fromLocation, entity(ctx, e.from));
      if (e.to) add(SCHEMA.terms.toLocation, entity(ctx, e.to));
      if (e.startTime) {
        add(SCHEMA.terms.startTime, dateLiteral(ctx, e.startTime));
        annotate(ctx, { span: e.startTime.span, body: node, motivation: OA.terms.describing, forProperty: SCHEMA.terms.startTime });
      }
      addTimeZoneFacts(ctx, node, [e.startTime]);
      if (e.mode !== undefined) add(CG.terms.travelMode, str(e.mode));
      add(SCHEMA.terms.actionStatus, e.status === 'potential' ? SCHEMA.terms.PotentialActionStatus : SCHEMA.terms.CompletedActionStatus);
    }
  });
}
