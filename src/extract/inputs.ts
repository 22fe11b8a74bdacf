// **inputs** is the shape of the data files the extractors are driven by, after YAML parsing.
// `lexicon` maps a file's base name in data/lexicon/ ("units" for units.yaml) to its parsed
// content; `authorities` concatenates the entries of every file in data/authorities/.
// Each extractor validates the part it reads in its own `compile…` function, once per build.

import type { Segment } from '../text/segment.js';

export interface RawInputs {
  readonly lexicon: Readonly<Record<string, unknown>>;
  readonly authorities: readonly unknown[];
}

/** One telegram being extracted: the text and its segments. */
export interface SourceDoc {
  /** ASCII slug from the file name without extension. */
  readonly slug: string;
  /** Path for messages. */
  readonly file: string;
  readonly text: string;
  readonly segments: readonly Segment[];
}
