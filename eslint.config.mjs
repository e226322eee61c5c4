// ESLint (flat config): typescript-eslint's recommended rules on everything we compile and the Node scripts.
// Import structure (cycles, deep imports, layering) is dependency-cruiser's job: .dependency-cruiser.cjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'global', 'globalThis', 'setTimeout', 'clearTimeout',
   'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'AbortController', 'TextEncoder',
   'TextDecoder', 'performance', 'structuredClone'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'apps/web/dist/**', 'apps/web/src/api/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    rules: {
      // Input sanitation matches control characters on purpose (NUL, which PostgreSQL cannot store; the DOS EOF mark).
      'no-control-regex': 'off',
      // Unused names are errors, except the `_`-prefixed ones kept to document a signature or a destructured rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
);
