import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { operations } from '../../../src/dataworks/operations/operations.js';

// Every operation definition against the facts copied from the official SDK's models, one file per API
// version (test/fixtures/dataworks-api/<version>.facts.json; each `source` names the SDK commit).
type Facts = {
  source: string;
  operations: Record<string, { method: string; request: Record<string, { in: string; type: string; style?: string; required: boolean }>; response: unknown }>;
};
const VERSIONS = ['2020-05-18', '2024-05-18'] as const;
const SDK_REPOSITORY = { '2020-05-18': 'dataworks-public-20200518', '2024-05-18': 'dataworks-public-20240518' } as const;
const readFacts = (version: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/dataworks-api/${version}.facts.json`, import.meta.url), 'utf8')) as Facts;

// The schema as the facts write a field tree: "string" | "integer" | "boolean" | {..} | [item].
// Written here, not imported, so the check does not lean on the code it checks.
function treeOf(schema: z.ZodType): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
      return treeOf(def.innerType as z.ZodType);
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, treeOf(v)]));
    case 'array':
      return [treeOf(def.element as z.ZodType)];
    case 'number':
      return def.format === 'safeint' ? 'integer' : 'number';
    default:
      return def.type;
  }
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]));
  }
  return value;
}

for (const version of VERSIONS) {
  const facts = readFacts(version);
  const defined = Object.values(operations).filter((d) => d.version === version);

  describe(`operation definitions match the SDK models (${version})`, () => {
    it('cites the SDK commit the facts come from', () => {
      expect(facts.source).toMatch(new RegExp(`^alibabacloud-go/${SDK_REPOSITORY[version]} at [0-9a-f]{40}`));
    });

    it('defines exactly the operations the facts describe, each once', () => {
      expect(defined.map((d) => d.name).sort()).toEqual(Object.keys(facts.operations).sort());
    });

    for (const [name, fact] of Object.entries(facts.operations)) {
      describe(name, () => {
        const definition = defined.find((d) => d.name === name)!;
        it('has the SDK method and name', () => {
          expect(definition.name).toBe(name);
          expect(definition.method).toBe(fact.method);
        });
        it('declares every request parameter with the SDK position, type, list style and required flag, and no other', () => {
          expect(sortDeep(definition.params)).toEqual(sortDeep(fact.request));
        });
        it('answers with the SDK response tree, field for field', () => {
          expect(sortDeep(treeOf(definition.response))).toEqual(sortDeep(fact.response));
        });
      });
    }
  });
}

describe('the operations registry', () => {
  it('keys each operation by its name, or by its name and "2024" where both versions have that name', () => {
    for (const [key, definition] of Object.entries(operations)) {
      const shared = Object.values(operations).filter((d) => d.name === definition.name).length > 1;
      expect(key).toBe(shared && definition.version === '2024-05-18' ? `${definition.name}2024` : definition.name);
    }
  });
});
