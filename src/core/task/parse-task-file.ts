import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import { compareProblems, type Problem } from '../problem.js';
import { namedTaskKey, taskKey, type Task } from './task.js';
import type { JsonValue } from '../text/json.js';
import { locateJsonPath } from '../text/locate-json-path.js';
import { findManagedContentWarnings } from './find-managed-content-warnings.js';
import { findClearSecrets } from './find-clear-secrets.js';
import { defineLazyJson } from '../text/define-lazy.js';
import { flatText } from '../text/flat-text.js';
import { findJsonSyntaxError } from '../text/find-json-syntax-error.js';
import { formatPath, type PathSegment } from '../text/format-path.js';
import { createPositionFinder, findPosition } from '../text/source-lines.js';
import { locateInScalar, locateYamlNode } from '../text/locate-yaml-node.js';
import { describeYamlError, findAliasOffset, MAX_ALIAS_COUNT } from '../text/describe-yaml-error.js';
import { CLOSED_KEYS, TaskDocument } from './task-schema.js';
import { validateSchema, type Issue } from './validate-schema.js';
import { validateJsonValue } from './validate-json-value.js';
import { validateTaskContent } from './validate-task-content.js';
import { validateTaskIdentity } from './validate-task-identity.js';
import { findExcessiveFlowDepth, MAX_FLOW_DEPTH } from './validate-flow-depth.js';
import { validateSchedule } from '../schedule/validate-schedule.js';
import type { Schedule } from '../schedule/schedule-schema.js';
import { errorMessage } from '../../errors.js';

// Warnings do not stop a run: they are located like problems and printed as warnings.
export type ParsedTaskFile = { tasks: Task[]; problems: Problem[]; warnings: Problem[] };

const MAX_YAML_ERRORS = 3;

type Report = (offset: number, path: string, message: string) => void;

// Parses one task file (one task per YAML document) into tasks and located problems. Pure.
// Positions are computed only when there is a problem, so a valid file costs one YAML parse,
// one schema check and one walk of its values.
export function parseTaskFile(text: string, file: string): ParsedTaskFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: Problem[] = [];
  const positionOf = createPositionFinder(source); // lazy: builds its line table on first use
  const report: Report = (offset, path, message) => {
    problems.push({ file, ...positionOf(offset), path, message });
  };
  const warnings: Problem[] = [];
  const warn: Report = (offset, path, message) => {
    warnings.push({ file, ...positionOf(offset), path, message });
  };

  const deep = findExcessiveFlowDepth(source);
  if (deep !== null) {
    report(deep, '', `nesting too deep: expected at most ${MAX_FLOW_DEPTH} levels of [ ] or { }`);
    return { tasks: [], problems, warnings };
  }

  const tasks: Task[] = [];
  let documents = 0;
  for (const doc of parseAllDocuments(source, { prettyErrors: false, uniqueKeys: true })) {
    if (doc.errors.length > 0 || doc.warnings.length > 0) {
      // After the first few, the parser's errors are mostly echoes of the first ones.
      const errors = [...doc.errors, ...doc.warnings].slice(0, MAX_YAML_ERRORS);
      for (const error of errors) report(error.pos[0], '', describeYamlError(doc, error));
      documents++;
      continue;
    }
    // An empty document, e.g. after a trailing `---`.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    documents++;
    const task = parseTaskDocument(doc, source, file, report, warn);
    if (task) tasks.push(task);
  }
  // An empty file (or one of only comments) is reported rather than skipped: a task file that
  // declares nothing is almost always a mistake, and dropping it silently would hide that task.
  if (documents === 0) report(0, '', 'no task in file: expected a YAML mapping with projectId, fileId (or name and folder), taskParam and taskContent');
  problems.sort(compareProblems);
  return { tasks, problems, warnings: warnings.sort(compareProblems) };
}

function parseTaskDocument(doc: Document, source: string, file: string, report: Report, warn: Report): Task | null {
  const contents = doc.contents!;
  const start = contents.range?.[0] ?? 0;
  if (!isMap(contents)) {
    const found = isScalar(contents) ? `a single value (${JSON.stringify(String(contents.value)).slice(0, 40)})` : 'a list';
    report(start, '', `a task document must be a mapping of projectId, fileId, taskParam and taskContent, got ${found}`);
    return null;
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    const message = errorMessage(error);
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(message)?.[1];
    if (unresolved !== undefined) {
      report(findAliasOffset(doc, unresolved) ?? start, '', `unknown alias *${unresolved}: expected an anchor &${unresolved} defined before it`);
    } else if (/alias/i.test(message)) {
      report(findAliasOffset(doc) ?? start, '', `too many aliases: expanding them would exceed ${MAX_ALIAS_COUNT} nodes (an alias bomb?)`);
    } else report(start, '', `could not read this document: ${message}`);
    return null;
  }

  const issues: Issue[] = [];
  let content = data.taskContent;
  let json: string | null = null; // taskContent as written, when it is a JSON string
  if (typeof content === 'string') {
    json = content;
    try {
      content = JSON.parse(json);
    } catch (error) {
      const syntax = findJsonSyntaxError(json) ?? { offset: 0, message: (error as Error).message };
      const scalar = locateYamlNode(doc, ['taskContent']).scalar;
      const offset = scalar ? locateInScalar(source, scalar, syntax.offset) : start;
      report(offset, 'taskContent', `taskContent is not valid JSON: ${describeSyntaxError(syntax)}`);
      return null;
    }
  }
  const locate = (path: PathSegment[], at?: 'key' | 'value') => locateInDocument(doc, source, json, path, at);
  // The document as checked: with a string taskContent, the JSON it holds (no copy otherwise).
  const checked = json === null ? data : { ...data, taskContent: content };
  issues.push(...validateSchema(TaskDocument, checked, CLOSED_KEYS), ...validateTaskIdentity(checked));
  issues.push(...validateJsonValue(data.taskParam, ['taskParam']), ...validateJsonValue(content, ['taskContent']));
  issues.push(...validateTaskContent(content), ...validateSchedule(data.schedule));
  for (const issue of firstPerPath(issues)) report(locate(issue.path, issue.at), formatPath(issue.path), issue.message);
  // Warnings are given whether or not the document has problems: a secret written in a file that
  // fails for another reason is still worth knowing about before the file is fixed and applied.
  const warnings: { path: PathSegment[]; message: string; at?: 'key' | 'value' }[] = [
    ...findClearSecrets(data.taskParam as JsonValue, ['taskParam']),
    ...findClearSecrets(content as JsonValue, ['taskContent']),
    ...findManagedContentWarnings(content, data.taskParam),
  ];
  for (const warning of warnings) warn(locate(warning.path, warning.at), formatPath(warning.path), warning.message);
  if (issues.length > 0) return null;

  const projectId = data.projectId as number;
  const fileId = (data.fileId as number | undefined) ?? null;
  const nodeId = data.nodeId === undefined ? undefined : ownCopy(data.nodeId as string);
  const named = fileId === null && nodeId === undefined ? { name: ownCopy(data.name as string), folder: ownCopy(data.folder as string) } : null;
  const task = {
    key: named ? namedTaskKey(projectId, named.folder, named.name) : taskKey(projectId, fileId ?? nodeId!),
    projectId,
    fileId,
    ...(nodeId !== undefined && { nodeId }),
    ...named,
    file,
    ...findPosition(source, start),
    ...(data.description !== undefined && { description: ownCopy(data.description as string) }),
    ...(data.deploy !== undefined && { deploy: data.deploy as boolean }),
    ...(data.schedule !== undefined && { schedule: JSON.parse(JSON.stringify(data.schedule)) as Schedule }),
  } as Task;
  // The configs are kept as their JSON text, parsed again when read (define-lazy.ts): a valid JSON
  // value round-trips exactly, key order included. Flat (flat-text.ts): kept for the whole run.
  defineLazyJson(task, 'taskParam', flatText(JSON.stringify(data.taskParam)));
  defineLazyJson(task, 'taskContent', flatText(JSON.stringify(content)));
  return task;
}

// Where to point for a path in the document. A path into a JSON-string taskContent is followed inside
// the JSON text and then inside the YAML scalar, so the problem shows at its own line and column.
function locateInDocument(doc: Document, source: string, json: string | null, path: PathSegment[], at?: 'key' | 'value'): number {
  const located = locateYamlNode(doc, path, at);
  if (json === null || located.scalar === null || path[0] !== 'taskContent') return located.offset;
  return locateInScalar(source, located.scalar, locateJsonPath(json, path.slice(1), at));
}

// Scripts copied from DataWorks' reader and writer pages carry comments, which the service refuses.
function describeSyntaxError(syntax: { message: string; comment?: string }): string {
  if (syntax.comment === undefined) return syntax.message;
  return `found a comment (${syntax.comment}): DataWorks does not accept comments in the job JSON; remove it, and any other comment in taskContent`;
}

// One problem per place: a value that is both not JSON and of the wrong type is one mistake.
function firstPerPath(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.at ?? 'value'}:${formatPath(issue.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// A string the YAML parser gives is often a slice of the whole file's text and keeps all of it alive;
// a task kept for the whole run must hold only its own characters.
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
