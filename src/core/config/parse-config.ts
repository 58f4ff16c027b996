import { isMap, parseDocument } from 'yaml';
import { compareProblems, type Problem } from '../problem.js';
import { formatPath } from '../text/format-path.js';
import { createPositionFinder } from '../text/source-lines.js';
import { locateYamlNode } from '../text/locate-yaml-node.js';
import { describeYamlError, MAX_ALIAS_COUNT } from '../text/describe-yaml-error.js';
import { Config, CONFIG_KEYS, defaultConfig } from './config-schema.js';
import { validateSchema } from '../task/validate-schema.js';
import { findExcessiveFlowDepth } from '../task/validate-flow-depth.js';

// Parses dwsync.yaml. Pure. With problems, the config returned is the defaults, so callers
// can still report everything at once before stopping.
export function parseConfig(text: string, file: string): { config: Config; problems: Problem[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const positionOf = createPositionFinder(source);
  const problems: Problem[] = [];
  const report = (offset: number, path: string, message: string) => problems.push({ file, ...positionOf(offset), path, message });
  const fail = () => ({ config: defaultConfig, problems: problems.sort(compareProblems) });

  const deep = findExcessiveFlowDepth(source, 50);
  if (deep !== null) return (report(deep, '', 'nesting too deep: dwsync.yaml is a flat mapping of settings'), fail());
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  for (const error of [...doc.errors, ...doc.warnings]) report(error.pos[0], '', describeYamlError(doc, error));
  if (problems.length > 0) return fail();
  // An empty dwsync.yaml (or only comments) means: all defaults.
  if (doc.contents === null) return { config: defaultConfig, problems };
  if (!isMap(doc.contents)) {
    report(doc.contents.range?.[0] ?? 0, '', `dwsync.yaml must be a mapping of settings (${CONFIG_KEYS.join(', ')})`);
    return fail();
  }
  let data: unknown;
  try {
    // Stryker disable next-line ObjectLiteral: the limit is yaml's default too, named so the message can say it
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    report(doc.contents.range?.[0] ?? 0, '', `could not read dwsync.yaml: ${(error as Error).message}`);
    return fail();
  }
  const issues = validateSchema(Config, data, CONFIG_KEYS);
  for (const issue of issues) report(locateYamlNode(doc, issue.path, issue.at).offset, formatPath(issue.path), issue.message);
  if (problems.length > 0) return fail();
  return { config: Config.parse(data), problems };
}
