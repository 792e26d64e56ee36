import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/**
 * Writes `x.js.br` (brotli 11) and `x.js.gz` (gzip 9) beside every compressible file of assets/, once per
 * build, so the API sends them as they are (apps/api/src/web-assets.ts) instead of compressing each response
 * at the fast settings of its compression middleware. Files under 200 bytes and variants that save nothing are left out.
 */
function precompress(): Plugin {
  const compressible = /^assets\/.+\.(?:js|mjs|css|svg|json|html|txt|wasm|ttf)$/;
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'yokoten:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? here('../../dist/apps/web');
      const names = Object.keys(bundle).filter((name) => compressible.test(name));
      await Promise.all(
        names.map(async (name) => {
          const bytes = await readFile(join(dir, name));
          if (bytes.length < 200) return;
          const [br, gzipped] = await Promise.all([
            brotli(bytes, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
                [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gz(bytes, { level: zlib.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < bytes.length) await writeFile(join(dir, `${name}.br`), br);
          if (gzipped.length < bytes.length) await writeFile(join(dir, `${name}.gz`), gzipped);
        }),
      );
    },
  };
}

/**
 * The Japanese texts in parts (src/i18n/i18n.ts). `virtual:yokoten/ja-first-load`: the keys named in the code
 * that loads with the app (every module src/main.tsx imports statically: the layout, the home and not-found
 * pages, what they use). Each lazily loaded page (a `*.page.tsx` module under `src/features/`) gets the keys its own code
 * names that the first load lacks, bundled with it and added to i18next when its chunk runs, before it renders.
 * `virtual:yokoten/ja-rest`: all the other keys, downloaded only if a page asks for a key the build did not
 * see (i18n.ts logs it). A key counts when the code names it in a string ('home.title', its plural forms
 * 'home.count_one' with it) or starts it in a template (`language.${code}` takes all of `language`,
 * `people.status${s}` every key of `people` that starts with `status`). Filled in
 * after bundling, when the bundler knows which code loads when, and before the chunks' names are hashed.
 * `vite serve` gets all texts in the first part.
 */
const FIRST_LOAD = 'virtual:yokoten/ja-first-load';
const REST = 'virtual:yokoten/ja-rest';
const PAGE = 'virtual:yokoten/ja-page?';
// A text is a string, or a list of strings (read with `returnObjects`, e.g. declarations.text): both are leaves.
type Texts = { [key: string]: string | string[] | Texts };

/** The keys of `all` that `sources` name (see above). */
function namedTexts(all: Texts, sources: string[]): Texts {
  const picked: Texts = {};
  // 'key': the key and its plural forms; 'group': everything under it; 'start': every sibling it starts.
  const copy = (path: string[], named: 'key' | 'group' | 'start') => {
    let from: Texts = all;
    let to: Texts = picked;
    for (const [i, part] of path.entries()) {
      const last = i === path.length - 1;
      if (last && named !== 'group') {
        // The key itself and its plural forms (key_one, key_other, …), or every key the template can finish.
        for (const [key, value] of Object.entries(from)) {
          if (named === 'start' ? key.startsWith(part) : key === part || key.startsWith(`${part}_`)) to[key] = value;
        }
        return;
      }
      const next = from[part];
      if (typeof next !== 'object' || Array.isArray(next)) return;
      if (last) {
        to[part] = next;
        return;
      }
      to[part] = typeof to[part] === 'object' ? to[part] : {};
      from = next;
      to = to[part] as Texts;
    }
  };
  for (const source of sources) {
    const candidates = /\b[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+\.?|\b[A-Za-z][A-Za-z0-9]*\.(?=\$\{)/g;
    for (const match of source.matchAll(candidates)) {
      const candidate = match[0];
      const inTemplate = source.startsWith('${', match.index + candidate.length);
      const named = candidate.endsWith('.') ? 'group' : inTemplate ? 'start' : 'key';
      copy(candidate.replace(/\.$/, '').split('.'), named);
    }
  }
  return without(picked, {});
}

/** `from` without the keys of `taken` (and without empty groups). */
function without(from: Texts, taken: Texts): Texts {
  return Object.fromEntries(
    Object.entries(from).flatMap(([key, value]): Array<[string, string | string[] | Texts]> => {
      const other = taken[key];
      if (typeof value === 'string' || Array.isArray(value)) return other === undefined ? [[key, value]] : [];
      if (typeof other === 'string' || Array.isArray(other)) return [];
      const left = without(value, other ?? {});
      return Object.keys(left).length > 0 ? [[key, left]] : [];
    }),
  );
}

function splitJapaneseTexts(): Plugin {
  let serve = true;
  let all: Texts = {};
  let firstLoad: Texts | undefined;
  const placeholders = new Map<string, string>(); // virtual module id → placeholder
  const placeholderOf = (id: string) => {
    if (!placeholders.has(id)) placeholders.set(id, `__YOKOTEN_JA_TEXTS_${placeholders.size}__`);
    return placeholders.get(id) as string;
  };
  return {
    name: 'yokoten:ja-texts',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      firstLoad = undefined;
      all = JSON.parse(readFileSync(here('src/i18n/ja.json'), 'utf8')) as Texts;
    },
    resolveId: (id) => (id === FIRST_LOAD || id === REST || id.startsWith(PAGE) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith('\0virtual:yokoten/ja-')) return undefined;
      const name = id.slice(1);
      if (serve) {
        return name === FIRST_LOAD
          ? `export { default } from ${JSON.stringify(here('src/i18n/ja.json'))};`
          : name === REST
            ? 'export default {};'
            : '';
      }
      const texts = `JSON.parse(${JSON.stringify(placeholderOf(id))})`;
      if (!name.startsWith(PAGE)) return `export default ${texts};`;
      return `import { addPageTexts } from ${JSON.stringify(here('src/i18n/i18n.ts'))};\naddPageTexts(${texts});\n`;
    },
    transform(code, id) {
      // On the first line, so that the page's source map stays right.
      if (serve || id.startsWith('\0') || !/[\\/]src[\\/]features[\\/].+\.page\.tsx$/.test(id)) return null;
      return { code: `import ${JSON.stringify(PAGE + id)};${code}`, map: null };
    },
    renderChunk(code, chunk) {
      const ids = chunk.moduleIds.filter((id) => placeholders.has(id));
      if (ids.length === 0) return null;
      const named = (entry: string) => {
        const seen = new Set<string>();
        const pending = [entry];
        for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        const sources = [...seen]
          .filter((id) => id.startsWith(here('src/')) && /\.tsx?$/.test(id) && existsSync(id))
          .map((id) => readFileSync(id, 'utf8'));
        return namedTexts(all, sources);
      };
      firstLoad ??= named(here('src/main.tsx'));
      let out = code;
      for (const id of ids) {
        const name = id.slice(1);
        const texts =
          name === FIRST_LOAD
            ? firstLoad
            : name === REST
              ? without(all, firstLoad)
              : without(named(name.slice(PAGE.length)), firstLoad);
        const placeholder = new RegExp(`(["'\`])${placeholderOf(id)}\\1`);
        if (!placeholder.test(out)) this.error(`${name}: placeholder not found in ${chunk.fileName}`);
        out = out.replace(placeholder, () => JSON.stringify(JSON.stringify(texts)));
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: here('.'),
  // Served by the API at the site root; every asset comes from the same origin (LGWAN blocks the rest).
  base: '/',
  plugins: [react(), tailwindcss(), splitJapaneseTexts(), precompress()],
  resolve: {
    // rxjs (Apollo Client's observables) ships ES2015 modules under this condition and ES5 ones by default:
    // the ES5 classes and tslib helpers were ≈ 1 kB more of every first visit (docs/benchmarks.md).
    conditions: [...defaultClientConditions, 'es2015'],
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
        // The generated GraphQL modules (scripts/codegen.mjs) have no import-time side effects, but the bundler
        // cannot prove it: each document is its own module, re-exported by generated/graphql.ts, so that a
        // page's chunk brings only the documents it uses.
        moduleSideEffects: [
          { test: /[\\/]src[\\/]graphql[\\/]generated[\\/]/, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: {
          // Left to itself the bundler cut the first load's libraries into chunks by which pages and the API
          // explorer share each module (14 files for `/`); brotli compresses one file with a shared window
          // better than several. Two groups: what the explorer shares with the app (React, the part of
          // graphql-js that Apollo Client prints with, Vite's preload helper), and the app's other libraries
          // with the app's own first-load modules (`$initial`: what main.tsx imports, not what only a lazy
          // page does; the shared library's modules that lazy pages share stayed as a handful of small chunks
          // otherwise), which the explorer never loads. / 166.8 -> 164.7 kB sent on a first visit, and with the
          // app's modules 151.6 -> 148.9 kB (docs/benchmarks.md).
          groups: [
            {
              name: 'react',
              priority: 2,
              test: /node_modules[\\/](?:react|react-dom|scheduler|tslib|use-sync-external-store)[\\/]|node_modules[\\/]graphql[\\/](?:language[\\/](?:printer|visitor|kinds|ast|blockString|printString|characterClasses)|jsutils[\\/](?:inspect|devAssert))\.mjs$|^\0vite[\\/]preload-helper/,
            },
            {
              name: 'libraries',
              priority: 1,
              tags: ['$initial'],
              test: /node_modules[\\/](?:@apollo|react-router|react-router-dom|react-error-boundary|i18next|react-i18next|rxjs|optimism|@wry|html-parse-stringify|void-elements)[\\/]|apps[\\/]web[\\/]src[\\/](?!explorer[\\/]|main\.tsx$)|libs[\\/]case-studies[\\/]/,
            },
          ],
        },
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
