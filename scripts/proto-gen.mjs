#!/usr/bin/env node
// Regenerates proto/gen/ from proto/driftwatch/v1/*.proto with protobufjs-cli.
// `node scripts/proto-gen.mjs OUTDIR` writes elsewhere; the staleness test uses
// that to compare a fresh generation with the committed one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(repo, 'proto', 'gen'));
const protoDir = join(repo, 'proto');
const sources = readdirSync(join(protoDir, 'driftwatch', 'v1'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, 'driftwatch', 'v1', f));
const bin = (name) => join(repo, 'node_modules', '.bin', name);

mkdirSync(outDir, { recursive: true });
const js = join(outDir, 'driftwatch.js');
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'esm', '--dependency', '../runtime.js', '--force-number', '--no-verify', '--no-convert', '--no-delimited', '--no-typeurl', '-p', protoDir, '-o', js, ...sources], { cwd: protoDir, stdio: 'inherit' });
execFileSync(bin('pbts'), ['-o', join(outDir, 'driftwatch.d.ts'), js], { stdio: 'inherit' });
