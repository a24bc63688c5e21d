#!/usr/bin/env node
// Thin launcher: the agent is TypeScript compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/agent/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
