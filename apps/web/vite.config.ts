import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  // Served by the API at the site root; every asset comes from the same origin (LGWAN blocks the rest).
  base: '/',
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@yokoten/case-studies': here('../../libs/case-studies/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    // GraphiQL's Monaco editor is large by nature; it only loads on the explorer page.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        main: here('index.html'),
        explorer: here('explorer.html'),
      },
      treeshake: {
        // @yokoten/case-studies has no import-time side effects, but the bundler cannot prove it for its
        // demo data (130 cases and 60 municipalities built by function calls at module level), which the
        // library's single entry re-exports for the API: without this the whole demo set (≈ 310 kB) came
        // with every page. Declared here, only what the web client uses is bundled.
        // The same for the generated GraphQL modules (scripts/codegen.mjs): each document is its own module, re-exported by
        // generated/graphql.ts, so that a page's chunk brings only the documents it uses.
        moduleSideEffects: [
          { test: /[\\/]libs[\\/]case-studies[\\/]src[\\/]/, sideEffects: false },
          { test: /[\\/]src[\\/]graphql[\\/]generated[\\/]/, sideEffects: false },
        ],
      },
      onwarn(warning, defaultHandler) {
        // GraphiQL ships React-compiler "use no memo" directives; dropping them is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  worker: { format: 'es' },
  optimizeDeps: {
    // These modules import Monaco's workers with `?worker`, which only Vite's transform pipeline
    // understands; the dev-time pre-bundler would fail on them, so serve them untouched.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      '/open-data': { target: api, changeOrigin: false },
    },
  },
  preview: { port: 4300 },
});
