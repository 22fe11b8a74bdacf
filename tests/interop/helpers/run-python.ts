// **run-python** takes a script of tests/interop/py/ and a JSON request and returns the script's
// JSON answer, run by Debian's /usr/bin/python3 (never the `python3` on PATH).

import { fileURLToPath } from 'node:url';
import { runProgram } from './interop-site.js';
import { PYTHON } from './require-tool.js';

const PY_DIR = fileURLToPath(new URL('../py/', import.meta.url));

/**
 * Runs `tests/interop/py/<script>` with `request` as JSON on stdin; resolves with the JSON it
 * prints on stdout. A non-zero exit rejects with the script's stderr (its traceback).
 */
export async function runPythonJson<T>(script: string, request: unknown, timeoutMs = 60_000): Promise<T> {
  const result = await runProgram(PYTHON, [`${PY_DIR}${script}`], { input: JSON.stringify(request), timeoutMs });
  if (result.code !== 0) throw new Error(`${script} exited with ${result.code}:\n${result.stderr}`);
  try {
    return JSON.parse(result.stdout) as T;
  } catch (error) {
    throw new Error(`${script} printed no JSON: ${result.stdout.slice(0, 500)}\n${result.stderr}`, { cause: error });
  }
}
