// **index** is the public API of cablegraph: re-exports only.

export * from './errors.js';
export type * from './extract/record.js';
export type { RawInputs } from './extract/inputs.js';
export { compileExtractors, extractTelegram, type Extractors, type TelegramSource } from './extract/extract-telegram.js';
export { buildGraph } from './graph/to-quads.js';
export { validateGraph } from './validate/shacl.js';
export { loadInputs, loadRawInputs, loadTelegramFile, decodeTelegram, type LoadedInputs, type LoadedTelegram } from './load-inputs.js';
export { buildDataset, newestDateSent, DATA_FILE_NAMES, type BuildInputs, type BuildOptions, type PipelineStages, type ValidationOutcome } from './publish/build-dataset.js';
export { defaultStages } from './publish/default-stages.js';
export type { BuiltDataset, BuildReport, DatasetFile, TelegramReport } from './publish/dataset.js';
export { RDF_FORMATS, findFormatByKey, type RdfFormat, type RdfFormatName } from './publish/formats.js';
export { serializeQuads, frameTelegrams, localDocumentLoader, type SerializeOptions, type FrameOptions, type JsonLdContextDocument } from './publish/serialize.js';
export { prefixesFor, VOCABULARY_PREFIXES } from './publish/prefixes.js';
export { canonicalForm, canonicalHash } from './publish/canonical-hash.js';
export { sha256Hex, formatSha256Sums, parseSha256Sums } from './publish/checksums.js';
export { describeDataset, datasetIri } from './publish/describe-dataset.js';
export { writeDatasetFiles } from './publish/write-files.js';
export { formatBuildReport } from './publish/format-report.js';
