import { isScalar, visit, type Document, type YAMLError } from 'yaml';

// yaml's own default; stated here so the message can say what the limit is.
export const MAX_ALIAS_COUNT = 100;

// The YAML parser's errors and warnings, in words a task author can act on.
export function describeYamlError(doc: Document, error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = findKeyAt(doc, error.pos[0]);
      return `duplicate key${key === null ? '' : ` ${JSON.stringify(key)}`}: a key may appear only once in a mapping`;
    }
    case 'TAB_AS_INDENT':
      return 'tab used for indentation: YAML allows only spaces';
    case 'TAG_RESOLVE_FAILED':
      return `unsupported YAML tag: ${error.message.replace(/^Unresolved tag: /, '')} (write plain values, without tags)`;
    default:
      return `invalid YAML: ${lowerFirst(error.message)}`;
  }
}

function findKeyAt(doc: Document, offset: number): string | null {
  let found: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function findAliasOffset(doc: Document, source?: string): number | null {
  let found: number | null = null;
  visit(doc, {
    Alias(_, alias) {
      if (source !== undefined && alias.source !== source) return undefined;
      found = alias.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return found;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
