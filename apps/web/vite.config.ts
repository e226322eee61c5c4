import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Largest first load (the entry chunk, its static imports and the CSS), gzipped; the build fails above it. */
const FIRST_LOAD_BUDGET = 250 * 1024;

/** Prints the gzipped size of what a first visit downloads and fails the build over {@link FIRST_LOAD_BUDGET}. */
function firstLoadBudget(): Plugin {
  return {
    name: 'first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      if (!entry || entry.type !== 'chunk') return this.error('no entry chunk');
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const file = bundle[name];
        if (file?.type === 'chunk') {
          for (const dep of file.imports) visit(dep);
          for (const css of file.viteMetadata?.importedCss ?? []) seen.add(css);
        }
      };
      visit(entry.fileName);
      let total = 0;
      for (const name of seen) {
        const file = bundle[name];
        if (!file) continue;
        total += gzipSync(file.type === 'chunk' ? file.code : file.source).length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      process.stdout.write(`web: first load ${kb(total)} gzipped in ${seen.size} files (budget ${kb(FIRST_LOAD_BUDGET)})\n`);
      if (total > FIRST_LOAD_BUDGET) this.error(`the first load is ${kb(total)} gzipped, over the budget of ${kb(FIRST_LOAD_BUDGET)}`);
    },
  };
}

// React's JSX goes through Vite 8's built-in oxc transform (automatic runtime): no plugin needed for a build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  plugins: [firstLoadBudget()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries' "use client" directives mean nothing in a client-only bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run web:dev`: the UI with hot reload, the API from `npm start` on :3000
    proxy: { '/v1': 'http://127.0.0.1:3000', '/docs-json': 'http://127.0.0.1:3000' },
  },
});
