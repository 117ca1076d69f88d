#!/usr/bin/env node
// The installed command: a thin shell over the compiled CLI (npm install compiles it on prepare).
// `npm run build` also bundles the CLI, which starts faster; the tsc output serves when there is no
// bundle, or an older one (tsc was run alone since), which would not be the code just compiled.
import { statSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const { main } = await import((modified(bundle) ?? -Infinity) >= (modified(compiled) ?? Infinity) ? bundle.href : compiled.href);

await main();
