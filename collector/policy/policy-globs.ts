// The globs of policy rules, compiled once to regular expressions. Paths use
// picomatch's path semantics (`*` stays within a directory, `**` crosses them,
// dot files included); package names, image ids and label values are single
// names, where `*` matches any characters, slashes too. Unbalanced brackets,
// braces or parentheses are refused rather than read as literal characters,
// and a leading `!` is refused: negation is what `not_path` is for.
import picomatch from 'picomatch';

export type GlobKind = 'path' | 'name';

const OPTIONS: Record<GlobKind, picomatch.PicomatchOptions> = {
  path: { dot: true, strictBrackets: true },
  name: { dot: true, strictBrackets: true, bash: true },
};

/** What is wrong with a glob of this kind, or undefined. */
export function globProblem(glob: string, kind: GlobKind): string | undefined {
  if (glob.startsWith('!')) return `${JSON.stringify(glob)}: a leading "!" (negation) is not supported${kind === 'path' ? '; use not_path' : ''}`;
  // Event paths are absolute: "usr/bin/**" would never match one.
  if (kind === 'path' && !/^[/*{]/.test(glob)) return `${JSON.stringify(glob)}: event paths are absolute, so a path glob starts with "/", "*" or "{"`;
  try {
    picomatch.makeRe(glob, OPTIONS[kind]);
  } catch (err) {
    return `${JSON.stringify(glob)} is not a valid glob: ${(err as Error).message}`;
  }
  return undefined;
}

export function compileGlob(glob: string, kind: GlobKind): RegExp {
  return picomatch.makeRe(glob, OPTIONS[kind]);
}

/** One expression for "any of these globs", so a long list costs one test per event. */
export function compileAny(globs: readonly string[], kind: GlobKind): RegExp {
  return new RegExp(globs.map((g) => `(?:${compileGlob(g, kind).source})`).join('|'));
}
