// **default-stages** takes nothing and returns the real pipeline stages (extractors, graph
// mapping, SHACL validation) for buildDataset; tests and the benchmark may pass their own.

import type { Quad } from '@rdfjs/types';
import { compileExtractors, extractTelegram } from '../extract/extract-telegram.js';
import { buildGraph } from '../graph/to-quads.js';
import { formatValidationReport, validateGraph } from '../validate/shacl.js';
import type { PipelineStages, ValidationOutcome } from './build-dataset.js';

/** Runs SHACL and splits its results into violations (fail the build) and warnings/infos (reported). */
export async function validateWithShacl(quads: readonly Quad[], shapesTurtle: string): Promise<ValidationOutcome> {
  const report = await validateGraph(quads, shapesTurtle);
  const lines = (keep: (severity: string) => boolean) =>
    formatValidationReport({ conforms: report.conforms, violations: report.violations.filter((v) => keep(v.severity)) });
  return {
    conforms: report.conforms,
    violations: lines((s) => s === 'violation'),
    warnings: lines((s) => s !== 'violation'),
  };
}

/** The stages `build` runs: the real extractors, graph mapping and SHACL validation. */
export function defaultStages(): PipelineStages {
  return { compileExtractors, extractTelegram, buildGraph, validateGraph: validateWithShacl };
}
