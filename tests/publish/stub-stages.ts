// Pipeline stages for tests: the real extractors and graph mapping, and a validation stub that
// accepts everything (or reports what it is told to), so publish tests do not depend on SHACL.
import { compileExtractors, extractTelegram } from '../../src/extract/extract-telegram.js';
import { buildGraph } from '../../src/graph/to-quads.js';
import type { PipelineStages, ValidationOutcome } from '../../src/publish/build-dataset.js';

/** The real stages with validation replaced by a fixed outcome. */
export function stubStages(outcome: Partial<ValidationOutcome> = {}): PipelineStages {
  return {
    compileExtractors,
    extractTelegram,
    buildGraph,
    validateGraph: () => Promise.resolve({ conforms: true, violations: [], warnings: [], ...outcome }),
  };
}
