// ESLint flat config: typescript-eslint's recommended rules; no console in the pipeline.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'tests/artifacts/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/cli.ts', 'src/server.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
