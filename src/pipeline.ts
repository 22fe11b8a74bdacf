// **pipeline** re-exports the one place the stages are chained (publish/build-dataset.ts) under
// the name the style guide uses, with the default stages.

export { buildDataset, type BuildInputs, type BuildOptions, type PipelineStages, type ValidationOutcome } from './publish/build-dataset.js';
export { defaultStages } from './publish/default-stages.js';
