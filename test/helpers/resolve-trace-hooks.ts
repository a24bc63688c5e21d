// Module customization hook (node:module register): writes every specifier
// resolved by import, from any module, to the file named by
// DRIFTWATCH_RESOLVE_TRACE. Catches a static import anywhere in the graph.
import { appendFileSync } from 'node:fs';
import type { ResolveHook } from 'node:module';

export const resolve: ResolveHook = (specifier, context, next) => {
  const out = process.env.DRIFTWATCH_RESOLVE_TRACE;
  if (out !== undefined) appendFileSync(out, `${specifier}\n`);
  return next(specifier, context);
};
