// Type shim for shacl-engine 1.x (it ships no types): the parts src/validate/shacl.ts uses.
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Literal, NamedNode, Quad, Term } from '@rdfjs/types';

  /** A grapoi pointer; only its current term is read. */
  export interface TermPointer {
    readonly term?: Term;
  }

  /** One step of a property path: "subject"→"object" is forward, "object"→"subject" inverse. */
  export interface PathStep {
    readonly quantifier: string;
    readonly start: 'subject' | 'object';
    readonly end: 'subject' | 'object';
    readonly predicates: readonly NamedNode[];
  }

  export interface ValidationResult {
    readonly severity: NamedNode;
    readonly focusNode?: TermPointer;
    readonly path?: readonly PathStep[] | null;
    readonly value?: TermPointer;
    readonly message: readonly Literal[];
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    readonly results: readonly ValidationResult[];
  }

  export interface ValidatorFactory extends DataFactory {
    dataset(quads?: readonly Quad[]): DatasetCore;
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: ValidatorFactory; debug?: boolean; details?: boolean });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}
