// Writes dist/bundle/ (run by `npm run build`, after tsc): the CLI and its batch worker as minified
// ESM with their dependencies, which bin/plan-report.js loads when present. One file read and
// compiled instead of some two hundred modules resolved one by one is most of a cold start saved.
// The Node API (dist/index.js) stays the unbundled tsc output. Dynamic imports stay lazy: they
// become chunks of their own, loaded when a command or format needs them.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/**
 * Modules find the package's files (templates/, schema/, starter/, package.json) relative to their
 * own place in dist/: in the bundle, import.meta.url is made that place again. The batch pool is
 * the exception: the worker it starts is the bundle's own, beside the chunk the pool ends up in.
 */
const KEEP_BUNDLE_URL = new Set([path.join(dist, 'batch', 'pool.js')]);

/** Every chunk is written to outdir itself: from there, a module's own place in dist/ is this URL. */
const placeFromBundle = (file) => `new URL(${JSON.stringify(path.relative(outdir, file).split(path.sep).join('/'))}, import.meta.url).href`;

const importMetaAtSource = {
  name: 'import-meta-at-source',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + path.sep) || KEEP_BUNDLE_URL.has(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', placeFromBundle(args.path)), loader: 'js' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { cli: path.join(dist, 'cli', 'main.js'), worker: path.join(dist, 'batch', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The CommonJS dependencies (commander, handlebars) require Node's modules: give them a require.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [importMetaAtSource],
  logLevel: 'warning',
});
