// **record** defines what the extractors produce: typed records that keep their evidence spans.
// This file is the contract between `extract/` (which fills it) and `graph/` (which maps it to RDF).
// Every span is [start, end) in UTF-16 code units into the telegram's original text.

import type { Span } from '../text/span.js';

/** The kinds of entity the ontology knows. `Group` is a collective reference ("the Korean friends"). */
export type EntityType = 'Person' | 'Place' | 'Organization' | 'Country' | 'Group';

/**
 * An entity description: from `data/authorities/` (resolved) or minted locally for a name the
 * authority file does not know (unresolved). `slug` is ASCII, stable, and unique within a type.
 */
export interface EntityDescription {
  readonly type: EntityType;
  readonly slug: string;
  /** Preferred label (normalised spelling, e.g. "Joseph Stalin"). */
  readonly label: string;
  /** Every other printed form known for it (codenames included). */
  readonly alternateNames: readonly string[];
  /** Codenames and pseudonyms ("Ivanov"). */
  readonly codenames: readonly string[];
  /** External IRIs that are verified to denote the same thing (owl:sameAs). Never unverified ones. */
  readonly sameAs: readonly string[];
  /** Related authority IRIs that are not the same thing (e.g. a group's state): skos:related. */
  readonly related: readonly string[];
  /** Free-text note for people (editorial hypotheses, cautions). */
  readonly note?: string;
  /** false for names minted locally because no authority entry matched. */
  readonly resolved: boolean;
}

/** A pointer to an entity: type + slug identify it; `EntityDescription`s are listed once per result. */
export interface EntityRef {
  readonly type: EntityType;
  readonly slug: string;
}

/** A value as printed, with where it was printed. */
export interface Printed<T> {
  readonly value: T;
  /** The exact printed characters (=== text.slice(span.start, span.end)). */
  readonly asPrinted: string;
  readonly span: Span;
}

/** An identifier of the telegram (cipher number, outgoing number, registry number…). */
export interface IdentifierRecord {
  /** Stable property id: "cipher-number" | "telegram-number" | "outgoing-number" | "registry-number" | … */
  readonly propertyId: string;
  readonly value: string;
  readonly span: Span;
}

/** One line of the distribution list. */
export interface CopyRecord {
  /** Normalised position in the list, 1-based, in reading order. */
  readonly number: number;
  /** The copy number exactly as printed ("1.", "3", "8 .-"). */
  readonly numberAsPrinted: string;
  readonly recipient?: EntityRef;
  /** The recipient as printed ("cde. Stalin"). */
  readonly recipientAsPrinted: string;
  readonly span: Span;
}

/** A reference to another telegram by number ("In response to Your no. 1234", "To my No. 123"). */
export interface TelegramReferenceRecord {
  /** "in-reply-to" for "in response to / in reply to / re your"; "refers-to" otherwise. */
  readonly relation: 'in-reply-to' | 'refers-to';
  /** The number as printed ("1234"). */
  readonly number: string;
  /** Whose telegram it is, when the text says ("your" → the recipient, "my" → the sender). */
  readonly ownerRole?: 'sender' | 'recipient';
  readonly span: Span;
}

/** A date/time as far as the text states it. */
export interface StatedDateTime {
  /** xsd:date ("1950-10-07") or xsd:dateTime ("1950-10-07T11:55:00", with offset only when stated). */
  readonly value: string;
  readonly datatype: 'date' | 'dateTime';
  /** True when the text states the zone (e.g. "Beijing time"); the offset is then in `value`. */
  readonly timeZoneStated: boolean;
  /** The zone as printed ("Beijing time"), when stated. */
  readonly timeZoneAsPrinted?: string;
  readonly asPrinted: string;
  readonly span: Span;
}

/** Header facts of one telegram. Every field is optional: unusual layouts yield partial headers. */
export interface HeaderRecord {
  readonly kind: 'header';
  readonly title?: Printed<string>;
  readonly identifiers: readonly IdentifierRecord[];
  readonly classification?: Printed<string>;
  /** Issuing/registering office as printed, with the normalised label in `value`. */
  readonly issuingOffice?: Printed<string> & { readonly entity?: EntityRef };
  readonly dateSent?: StatedDateTime;
  readonly copies: readonly CopyRecord[];
  readonly receivedFrom?: Printed<string> & { readonly entity?: EntityRef };
  readonly dateReceived?: StatedDateTime;
  /** Priority as printed; `value` is the normalised keyword ("URGENT"), `gloss` an editorial bracket. */
  readonly priority?: Printed<string> & { readonly gloss?: string };
  /** Addressee as printed ("To IVANOV [STALIN]"). */
  readonly addressee?: {
    readonly asPrinted: string;
    readonly span: Span;
    /** The name as printed without brackets ("IVANOV"). */
    readonly name: string;
    /** The editorial bracket's content ("STALIN"), when there is one. */
    readonly editorialName?: string;
    /** True when `name` is a codename of the entity (known from the authorities or the bracket). */
    readonly isCodename: boolean;
    readonly entity?: EntityRef;
  };
  readonly references: readonly TelegramReferenceRecord[];
  /** The signature as printed ("PETROV"), resolved to the sender. */
  readonly signature?: Printed<string> & { readonly entity?: EntityRef };
  readonly closingDate?: StatedDateTime;
}

/** A mention of an entity in the text. */
export interface MentionRecord {
  readonly kind: 'mention';
  readonly entity: EntityRef;
  /** The exact printed form. */
  readonly surface: string;
  readonly span: Span;
  /** How the mention was found: an authority surface form, or a name pattern (unresolved). */
  readonly via: 'authority' | 'name-pattern' | 'editorial-bracket';
}

/** How a quantity reads. */
export type QuantityReading =
  | 'exact'
  | 'range'
  | 'lower-bound'
  | 'upper-bound'
  | 'approximate'
  | 'absent'
  | 'ratio'
  | 'money'
  | 'duration';

/** A number in the text with what it counts. Decimal values are strings ("1500", "2200000000"). */
export interface QuantityRecord {
  readonly kind: 'quantity';
  readonly reading: QuantityReading;
  /** The exact phrase ("at least nine divisions"), possibly spanning a line break. */
  readonly text: string;
  readonly span: Span;
  readonly value?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly approximate: boolean;
  /** For ratios: "four-to-one" → 4 and 1. */
  readonly numerator?: string;
  readonly denominator?: string;
  /** ISO 4217 code for money. */
  readonly currency?: string;
  readonly forYear?: number;
  /** xsd:duration for durations ("PT1H45M"). */
  readonly duration?: string;
  /** The unit as printed ("divisions", "artillery pieces", "American dollars"). */
  readonly unitText?: string;
  /** Unit concept key from `data/lexicon/units.yaml` ("division", "artillery-piece"). */
  readonly countOf?: string;
  /** Whose quantity, where the text says ("the Americans have about 1000 aircraft"). */
  readonly holder?: EntityRef;
  /** "rejected" for the "not X" side of a contrast ("not five-six, but at least nine"). */
  readonly polarity: 'asserted' | 'rejected';
  /** Index (in the result's quantities) of the other side of a contrast, if any. */
  readonly contrastWith?: number;
  /** Ambiguities recorded, not resolved by guessing. */
  readonly notes: readonly string[];
}

/** A statement attributed to someone, as reported in the telegram. */
export interface ClaimRecord {
  readonly kind: 'claim';
  /** Who holds or says it. */
  readonly claimant?: EntityRef;
  /** Who reports it: the telegram's author, or the author of a telegram quoted inside it. */
  readonly reportedBy?: EntityRef;
  /** Speech-act concept key from `data/lexicon/reporting-verbs.yaml` ("declare", "emphasize"). */
  readonly speechAct: string;
  /** The speech act's label in the lexicon ("point out"), published as the concept's skos:prefLabel. */
  readonly speechActLabel?: string;
  /** The reporting verb as printed ("declared that"). */
  readonly verbAsPrinted: string;
  readonly verbSpan: Span;
  /** The exact words of the claim (its content, without the reporting frame when separable). */
  readonly text: string;
  readonly span: Span;
  /** The numbered point it belongs to, as printed ("3."). */
  readonly pointAsPrinted?: string;
  /** Index of the enclosing quoted telegram in `quotedTelegrams`, when inside a quotation. */
  readonly quotedIn?: number;
}

/** A meeting reported in the telegram. */
export interface MeetingRecord {
  readonly kind: 'meeting';
  readonly span: Span;
  readonly startDate?: StatedDateTime;
  /** xsd:duration, with its evidence. */
  readonly duration?: Printed<string>;
  readonly attendees: readonly EntityRef[];
  readonly location?: EntityRef;
}

/** A planned (or reported) journey. */
export interface TravelRecord {
  readonly kind: 'travel';
  readonly span: Span;
  readonly agents: readonly EntityRef[];
  /** Companions ("accompanied by …"). */
  readonly participants: readonly EntityRef[];
  readonly from?: EntityRef;
  readonly to?: EntityRef;
  readonly startTime?: StatedDateTime;
  /** "plane", "train", … as printed. */
  readonly mode?: string;
  readonly status: 'potential' | 'completed';
}

export type EventRecord = MeetingRecord | TravelRecord;

/** A telegram quoted inside the telegram ("Sidorov's telegram to … reads: …"). */
export interface QuotedTelegramRecord {
  readonly kind: 'quoted-telegram';
  readonly span: Span;
  readonly author?: EntityRef;
  readonly recipient?: EntityRef;
  readonly dateSent?: StatedDateTime;
}

/** Something the extractors saw but could not interpret; reported, never dropped. */
export interface ReportItem {
  readonly code:
    | 'unresolved-name'
    | 'uninterpreted-text'
    | 'ambiguous'
    | 'no-header'
    | 'unknown-unit'
    | 'unparsed-number'
    | (string & {});
  readonly message: string;
  readonly span: Span;
  /** 1-based line and column of span.start. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** Everything extracted from one telegram. Lists are sorted by span start. */
export interface ExtractionResult {
  /** ASCII slug from the file name without extension. */
  readonly slug: string;
  /** The file the text came from, for messages. */
  readonly file: string;
  readonly text: string;
  readonly header: HeaderRecord;
  /** The telegram's author (usually the signatory). */
  readonly sender?: EntityRef;
  readonly recipient?: EntityRef;
  readonly mentions: readonly MentionRecord[];
  readonly quantities: readonly QuantityRecord[];
  readonly claims: readonly ClaimRecord[];
  readonly events: readonly EventRecord[];
  readonly quotedTelegrams: readonly QuotedTelegramRecord[];
  /** Every entity referred to above, described once (authority or local). */
  readonly entities: readonly EntityDescription[];
  readonly report: readonly ReportItem[];
}
