// Lint rules, including the layering rule: dependencies point one way
// (renderer → shared, shell → core → shared, sync-server → shared + core/db). A wrong import fails lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const electronImport = { group: ['electron', 'electron/*'], message: 'core and shared are plain Node/browser code: never import electron.' };
const intoShell = { group: ['**/shell/**', '**/main/shell'], message: 'only the Electron entry may use the shell.' };
const intoRenderer = { group: ['**/renderer/**'], message: 'the renderer is reached only over the REST API.' };
const intoMain = { group: ['**/main/**', '../main/*', '**/core/**'], message: 'this layer may not reach into the main process.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench-results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // The central list of bent rules (STYLE.md: one place says where and why).
      // Unused arguments prefixed with _ are interface conformance, not dead code.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'no-console': 'off',
    },
  },
  layer(['src/main/core/**', 'src/main/workers/**', 'src/main/headless.ts'], [electronImport, intoShell, intoRenderer]),
  layer(['src/shared/**'], [electronImport, intoShell, intoRenderer, intoMain]),
  layer(['src/renderer/**'], [electronImport, intoMain]),
  layer(['src/preload/**'], [intoMain, intoRenderer]),
  layer(['src/sync-server/**'], [
    electronImport,
    intoShell,
    intoRenderer,
    { group: ['**/core/!(db)/**', '**/core/!(db)'], message: 'the sync server may use only shared/ and core/db.' },
  ]),
);
