// **errors** is the one small hierarchy of errors that cablegraph raises on purpose.
// A PublisherError is a user error: the CLI prints its message on one line, never a stack.

/** Base class: `code` is stable, so tests and callers can assert on it. */
export class PublisherError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input text (stages text and extract): names the file and, where it applies, line and column. */
export class SourceError extends PublisherError {
  constructor(
    message: string,
    code: string,
    readonly file: string,
    readonly position?: { readonly line: number; readonly column: number; readonly offset: number },
    options?: { cause?: unknown },
  ) {
    super(message, code, options);
  }
}

/** A record that cannot be expressed in the ontology, or a graph that violates the shapes. */
export class MappingError extends PublisherError {}

/** Bad configuration: unknown flag value, unreadable data folder, unwritable output folder. */
export class ConfigError extends PublisherError {}

/** An error with an HTTP status; anything else reaching the HTTP edge is a masked 500. */
export class HttpError extends PublisherError {
  constructor(
    readonly status: number,
    message: string,
    code: string,
    options?: { cause?: unknown },
  ) {
    super(message, code, options);
  }
}
