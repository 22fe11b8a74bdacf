// **require-tool** takes an external tool's name (a command on PATH, or "python3:<module>" for a
// module of Debian's /usr/bin/python3) and its Debian package, and returns whether tests that need
// it run: locally a missing tool skips them with a message naming the package; with CI=true it
// fails them (the suite's beforeAll calls assertAvailable()).

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Debian's interpreter: `python3` on PATH may be a pyenv one without the Debian modules. */
export const PYTHON = '/usr/bin/python3';

export interface ToolRequirement {
  readonly name: string;
  readonly debianPackage: string;
  readonly missing: boolean;
  /** True when the tests that need the tool are skipped (missing, and not in CI). */
  readonly skip: boolean;
  /** Says what is missing and which package provides it. */
  readonly message: string;
  /** Throws (failing the tests) when the tool is missing. */
  readonly assertAvailable: () => void;
}

function onPath(command: string, path: string): boolean {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function pythonModuleImports(module: string): boolean {
  const result = spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

/**
 * Checks for a tool once, at collection time. `name` is a command ("rapper") or "python3:<module>"
 * ("python3:rdflib", imported by /usr/bin/python3).
 * @example
 * const rapper = requireTool('rapper', 'raptor2-utils');
 * describe.skipIf(rapper.skip)('rapper', () => { beforeAll(rapper.assertAvailable); … });
 */
export function requireTool(name: string, debianPackage: string, env: NodeJS.ProcessEnv = process.env): ToolRequirement {
  const module = name.startsWith('python3:') ? name.slice('python3:'.length) : undefined;
  const missing = module !== undefined ? !pythonModuleImports(module) : !onPath(name, env['PATH'] ?? '');
  const what = module !== undefined ? `the Python module ${module} (for ${PYTHON})` : `the command ${name}`;
  const message = `${what} is missing: install the Debian package ${debianPackage} (apt-get install ${debianPackage})`;
  const ci = env['CI'] === 'true';
  const skip = missing && !ci;
  if (skip) process.stderr.write(`skipped: ${message}\n`);
  return {
    name,
    debianPackage,
    missing,
    skip,
    message,
    assertAvailable: () => {
      if (missing) throw new Error(message);
    },
  };
}
