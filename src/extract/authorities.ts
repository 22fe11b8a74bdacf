// **authorities** compiles data/authorities/ entries into a surface-form matcher (placeholder).

import type { EntityDescription } from './record.js';
import type { RawInputs } from './inputs.js';

export interface AuthorityEntry extends EntityDescription {
  /** Printed forms to look for in texts (matched longest first). */
  readonly surfaceForms: readonly string[];
}

export interface CompiledAuthorities {
  readonly entries: readonly AuthorityEntry[];
}

export function compileAuthorities(_raw: RawInputs): CompiledAuthorities {
  return { entries: [] };
}
