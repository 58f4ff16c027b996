import { describeProblem } from '../dataworks/operations/check-answer.js';
import type { ContentReport, DoctorReport, NodeReport, WriteProbe } from '../core/doctor/doctor-report.js';

// `dwsync doctor` for a terminal. Pure.
export function renderDoctorText(report: DoctorReport): string {
  const lines = [`dwsync doctor: ${report.endpoint}, workspace ${report.projectId}`, ''];
  for (const check of report.checks) {
    const id = check.requestId ? ` (request ${check.requestId})` : '';
    // ListDataSources, ListResourceGroups and GetProject exist in both generations, with other models.
    const name = check.version === '2024-05-18' ? `${check.operation} (2024-05-18)` : check.operation;
    if (check.outcome === 'failed') lines.push(`✗ ${name}: failed: ${check.error?.code}: ${check.error?.message}${id}`);
    else if (check.outcome === 'differs') lines.push(`✗ ${name}: the answer differs from the SDK model${id}`);
    else lines.push(`✓ ${name}: as documented${id}`);
    for (const problem of check.problems) lines.push(`    ${describeProblem(problem)}`);
    if (check.absent.length > 0) lines.push(`    ${check.absent.length} documented field(s) not sent, which is fine when they are empty (listed in --json)`);
  }
  const { api } = report;
  const mismatch = api.suggested !== null && api.suggested !== api.configured;
  lines.push('', `${mismatch ? '✗' : '✓'} API: ${api.configured} configured, ${api.suggested ?? 'not settled'} suggested (${api.evidence})`);
  if (mismatch) lines.push(`    set workspaces."${report.projectId}".api in dwsync.yaml to "${api.suggested}"`);
  lines.push('', ...(api.configured === '2024-05-18' ? renderNode(report.node) : renderContent(report.content)));
  if (report.writeProbe) lines.push('', ...renderProbe(report.writeProbe));
  lines.push('', report.ok ? 'Everything DataWorks answered is as documented.' : 'Some answers differ from the SDK models, or a call failed: paste this report into an issue.');
  return `${lines.join('\n')}\n`;
}

function renderContent(content: ContentReport | null): string[] {
  if (!content) return ['Content: no batch sync task to look at in this workspace'];
  const group = content.diResourceGroup;
  return [
    `Content of file ${content.fileId} (${content.fileName}${content.folderPath ? `, ${content.folderPath}` : ''}):`,
    `  author keys:          ${content.authorKeys.join(', ') || '(none)'}`,
    `  service-managed keys: ${content.serviceManagedKeys.join(', ') || '(none)'}`,
    `  keys under extend:    ${content.extendKeys.join(', ') || '(none)'}`,
    `  DI resource group:    ${group.value ?? '(unknown)'} (found in ${group.foundIn})`,
  ];
}

function renderNode(node: NodeReport | null): string[] {
  if (!node) return ['Node: no batch sync (DI) node to look at in this workspace'];
  const group = node.diResourceGroup;
  const named = [node.name, node.path].filter((part) => part !== null).join(', ');
  return [
    `FlowSpec of node ${node.nodeId}${named ? ` (${named})` : ''}:`,
    `  version:              ${node.version ?? '(none)'} (kind ${node.kind ?? 'none'})`,
    `  job:                  ${node.jobIn === 'nowhere' ? '(none)' : `in ${node.jobIn}`}`,
    `  author keys:          ${node.authorKeys.join(', ') || '(none)'}`,
    `  service-managed keys: ${node.serviceManagedKeys.join(', ') || '(none)'}`,
    `  extend block:         ${node.hasExtend ? `yes (${node.extendKeys.join(', ') || 'empty'})` : 'no'}`,
    `  DI resource group:    ${group.value ?? '(unknown)'} (found in ${group.foundIn})`,
    `  scheduling fields:    ${node.schedulingFields.join(', ') || '(none)'}`,
  ];
}

function renderProbe(probe: WriteProbe): string[] {
  const lines = [`Write probe (${probe.sent}): ${probe.outcome}`];
  if (probe.error) lines.push(`  ${probe.error.code}: ${probe.error.message}`);
  const spec = probe.flowSpec;
  if (spec) {
    lines.push(`  FlowSpec version:     ${spec.versionBefore ?? '(none)'} before, ${spec.versionSent} sent, ${spec.versionAfter ?? '(none)'} after`);
    lines.push(`  extend in the job:    ${spec.extend}`);
  }
  for (const op of probe.changes) lines.push(`  ${op.op} ${op.path}${'value' in op ? ` = ${JSON.stringify(op.value)}` : ''}`);
  return lines;
}
