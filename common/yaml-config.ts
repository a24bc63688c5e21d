// The YAML half of every driftwatch config: read a file, parse it keeping line
// numbers, validate the merged settings against a TypeBox schema, and word each
// refusal as "FILE:LINE: key: what is wrong" (or "--flag: …" when a flag set the
// key), so an operator can go straight to the line. The agent and the collector
// each own their schema; only this machinery is shared.
import { readFileSync } from 'node:fs';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq } from 'yaml';
import { DriftwatchError, describeFsError, type ErrorCode } from './errors.js';

/** A config file's path and text, read or given by a test. */
export interface ConfigText {
  path: string;
  text: string;
}

/** A parsed config file: its top-level mapping and where each key sits. */
export interface ParsedConfigFile {
  path: string;
  values: Record<string, unknown>;
  /** 1-based line of the deepest key of keyPath present in the file, or undefined. */
  lineOf(keyPath: readonly string[]): number | undefined;
}

/** Where the settings came from, to name the culprit of a refusal. */
export interface SettingsOrigin {
  code: ErrorCode;
  file: ParsedConfigFile | undefined;
  /** Top-level keys set by flags (they won over the file), with the name to print: "--listen". */
  flags: ReadonlyMap<string, string>;
  /** The merged settings, to tell list items ("paths[1]") from map keys in names. */
  merged?: unknown;
}

export function readConfigText(path: string, code: ErrorCode): ConfigText {
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (err) {
    throw new DriftwatchError(code, `cannot read ${path}: ${describeFsError(err)}`);
  }
}

export function parseConfigFile(file: ConfigText, code: ErrorCode): ParsedConfigFile {
  const counter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: counter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    // Only the first line: the rest is a source excerpt, which could quote a secret.
    throw new DriftwatchError(code, `${file.path}:${first.linePos?.[0].line ?? '?'}: ${first.message.split('\n')[0]!.replace(/:$/, '')}`);
  }
  const value: unknown = doc.toJS();
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw new DriftwatchError(code, `${file.path}: expected a mapping of settings`);
  }
  const lineOf = (keyPath: readonly string[]): number | undefined => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const segment of keyPath) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (pair === undefined) break;
        offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        next = pair.value;
      } else if (isSeq(node)) {
        next = node.items[Number(segment)];
        if (next === undefined) break;
        offset = isNode(next) ? next.range?.[0] : offset;
      } else {
        break;
      }
      node = next;
    }
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
  return { path: file.path, values: (value ?? {}) as Record<string, unknown>, lineOf };
}

/** "seal.when", "paths[2]": a key path as an operator would write it. */
export function settingName(keyPath: readonly string[], values: unknown): string {
  let name = '';
  let at: unknown = values;
  for (const segment of keyPath) {
    name += Array.isArray(at) ? `[${segment}]` : name === '' ? segment : `.${segment}`;
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[segment] : undefined;
  }
  return name;
}

/** A refusal of one setting, located in the file or at the flag that set it. */
export function settingError(origin: SettingsOrigin, keyPath: readonly string[], why: string, values?: unknown): DriftwatchError {
  const top = keyPath[0] ?? '';
  const name = settingName(keyPath, values ?? origin.merged ?? origin.file?.values);
  const flag = origin.flags.get(top);
  if (flag !== undefined) {
    return new DriftwatchError(origin.code, `${flag}: ${keyPath.length > 1 ? `${name}: ` : ''}${why}`);
  }
  if (origin.file === undefined) return new DriftwatchError(origin.code, `${name}: ${why}`);
  const line = origin.file.lineOf(keyPath);
  return new DriftwatchError(origin.code, `${origin.file.path}${line === undefined ? '' : `:${line}`}: ${name}: ${why}`);
}

// TypeBox says "Expected union value" for an enum or a duration; a list of the
// accepted values, or the schema's description, says what to write instead.
function explain(error: ValueError): string {
  if (error.message === 'Unexpected property') return 'unknown setting';
  const options: unknown = (error.schema as { anyOf?: unknown }).anyOf;
  if (Array.isArray(options)) {
    const consts = options.map((o: { const?: unknown }) => o.const);
    if (consts.every((c) => typeof c === 'string')) return `expected one of ${consts.join(', ')}`;
    if (typeof error.schema.description === 'string') return `expected ${error.schema.description}`;
  }
  return error.message;
}

/** Fill the schema's defaults into values (in place), validate, and return them typed. */
export function validateSettings<T extends TSchema>(schema: T, values: Record<string, unknown>, origin: SettingsOrigin): Static<T> {
  const merged: unknown = Value.Default(schema, values);
  const error = Value.Errors(schema, merged).First();
  if (error !== undefined) {
    const keyPath = error.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    throw settingError(origin, keyPath, explain(error), merged);
  }
  return merged as Static<T>;
}

/** Freezes a validated result all the way down: settings do not change after loading. */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
