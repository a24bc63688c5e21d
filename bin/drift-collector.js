#!/usr/bin/env node
// Thin launcher: the collector is TypeScript compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/collector/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
