// Removes dist/ so a build never runs tests compiled from files deleted since.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
