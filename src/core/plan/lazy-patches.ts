import type { Operation } from 'fast-json-patch';

import { diffConfig, diffFromNothing, maskPatch } from './diff-config.js';
import type { JsonValue } from '../text/json.js';

// A planned change's taskContentPatch and taskParamPatch, computed each time they are read instead of
// held. A patch holds parsed values: for a new task, its whole config as objects, several times the
// size of the config's JSON text that the plan keeps anyway (the desired config). Each reader (the
// JSON document, the text and markdown views) reads a patch once, so a large plan is written one
// change at a time, its patches made and dropped in turn. Like define-lazy.ts: the fields stay
// enumerable, so spreading, JSON.stringify and comparisons see plain arrays, and assigning one
// replaces it with that value.

type Configs = { taskContent: JsonValue; taskParam: JsonValue };
// Where a patch goes from (the last applied config; null: nothing applied yet) and to.
export type PatchSource = { from: Configs | null; to: Configs };

const SOURCE = Symbol('patched from');
const FIELDS = { taskContentPatch: 'taskContent', taskParamPatch: 'taskParam' } as const;
type PatchField = keyof typeof FIELDS;

// One descriptor per field, shared by every object: per-object closures would give each its own
// hidden class, which costs more memory than the patches saved.
const DESCRIPTORS = Object.fromEntries(
  Object.entries(FIELDS).map(([field, config]) => [
    field,
    {
      enumerable: true,
      configurable: true,
      get(this: { [SOURCE]: PatchSource }): Operation[] {
        const { from, to } = this[SOURCE];
        return maskPatch(from === null ? diffFromNothing(to[config]) : diffConfig(from[config] ?? {}, to[config]));
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, field, { value, enumerable: true, writable: true, configurable: true });
      },
    } satisfies PropertyDescriptor,
  ]),
) as Record<PatchField, PropertyDescriptor>;

// Adds taskContentPatch then taskParamPatch to `target`, in that order, computed from `source`.
export function defineLazyPatches(target: object, source: PatchSource): void {
  // Stryker disable next-line BooleanLiteral: the link to the source is never enumerated nor defined twice on one object, so its flags change no result
  Object.defineProperty(target, SOURCE, { value: source, enumerable: false, writable: true, configurable: true });
  for (const field of Object.keys(FIELDS) as PatchField[]) Object.defineProperty(target, field, DESCRIPTORS[field]);
}

// `to[field] = from[field]` for every field but those left out, in `from`'s order, keeping the
// patches lazy (and unmade) when they are lazy in `from`.
export function copyWithLazyPatches(from: object, to: object, leaveOut: ReadonlySet<string>): void {
  const source = (from as { [SOURCE]?: PatchSource })[SOURCE];
  // Stryker disable next-line BooleanLiteral,ConditionalExpression: the flags as above; always defining the link only adds one to nothing, never followed (never defining it is caught by the tests)
  if (source !== undefined) Object.defineProperty(to, SOURCE, { value: source, enumerable: false, writable: true, configurable: true });
  for (const field of Object.keys(from)) {
    if (leaveOut.has(field)) continue;
    // A field lazy in `from` has its source there: defineLazyPatches sets both.
    // Stryker disable next-line OptionalChaining: a key of Object.keys(from) always has its own descriptor
    const lazy = field in FIELDS && Object.getOwnPropertyDescriptor(from, field)?.get === DESCRIPTORS[field as PatchField].get;
    if (lazy) Object.defineProperty(to, field, DESCRIPTORS[field as PatchField]);
    else (to as Record<string, unknown>)[field] = (from as Record<string, unknown>)[field];
  }
}
