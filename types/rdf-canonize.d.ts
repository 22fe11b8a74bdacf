// Type shim for rdf-canonize 5 (it ships no types): the parts cablegraph uses.
declare module 'rdf-canonize' {
  export interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    inputFormat?: 'application/n-quads';
    format?: 'application/n-quads';
    messageDigestAlgorithm?: string;
    maxWorkFactor?: number;
    maxDeepIterations?: number;
    signal?: AbortSignal;
    canonicalIdMap?: Map<string, string>;
  }
  export function canonize(input: string | readonly object[], options: CanonizeOptions): Promise<string>;
}
