// **dataset** is what a build produces in memory: the quads, every download's bytes, the report.
// `build` writes `files` to dist/; `serve` keeps the whole BuiltDataset in memory.

import type { Quad } from '@rdfjs/types';
import type { ExtractionResult, ReportItem } from '../extract/record.js';

/** One downloadable file of the dataset. */
export interface DatasetFile {
  /** File name inside dist/ (and under /download/ on the server), e.g. "cablegraph.ttl". */
  readonly fileName: string;
  readonly mediaType: string;
  /** The format-table name, or "jsonld-framed", "void", "checksums" for the other files. */
  readonly kind: string;
  readonly content: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `content`. */
  readonly sha256: string;
}

/** Per-telegram report lines and counts. */
export interface TelegramReport {
  readonly slug: string;
  readonly file: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly ReportItem[];
}

export interface BuildReport {
  readonly telegrams: readonly TelegramReport[];
  /** Totals per kind over all telegrams ("mentions", "quantities", "claims", "triples", …). */
  readonly totals: Readonly<Record<string, number>>;
  /** SHACL results of severity Warning/Info, one readable line each (violations fail the build). */
  readonly warnings?: readonly string[];
}

export interface BuiltDataset {
  /** Base IRI the dataset was minted with, ending in "/". */
  readonly base: string;
  /** Every data quad: each telegram's facts in its named graph, entity descriptions in theirs. */
  readonly quads: readonly Quad[];
  /** `quads` as sorted N-Quads text: what stores and query workers load. */
  readonly nquads: string;
  /** Every download, in a stable order. */
  readonly files: readonly DatasetFile[];
  /** RDFC-1.0 canonical hash (hex SHA-256 of the canonical N-Quads). */
  readonly canonicalHash: string;
  readonly results: readonly ExtractionResult[];
  readonly report: BuildReport;
  /** The VoID/DCAT/schema:Dataset description (default graph; also written as void.ttl). */
  readonly description?: readonly Quad[];
}
