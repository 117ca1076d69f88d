#!/usr/bin/env node
// The installed command: a thin shell over the compiled CLI (npm install compiles it on prepare).
import { main } from '../dist/cli/main.js';

await main();
