import { describeProblem } from '../dataworks/operations/check-answer.js';
import type { DoctorReport } from '../core/doctor/doctor-report.js';

// `dwsync doctor` for a terminal. Pure.
export function renderDoctorText(report: DoctorReport): string {
  const lines = [`dwsync doctor: ${report.endpoint}, workspace ${report.projectId}`, ''];
  for (const check of report.checks) {
    const id = check.requestId ? ` (request ${check.requestId})` : '';
    if (check.outcome === 'failed') lines.push(`✗ ${check.operation}: failed: ${check.error?.code}: ${check.error?.message}${id}`);
    else if (check.outcome === 'differs') lines.push(`✗ ${check.operation}: the answer differs from the SDK model${id}`);
    else lines.push(`✓ ${check.operation}: as documented${id}`);
    for (const problem of check.problems) lines.push(`    ${describeProblem(problem)}`);
    if (check.absent.length > 0) lines.push(`    ${check.absent.length} documented field(s) not sent, which is fine when they are empty (listed in --json)`);
  }
  const { api } = report;
  const mismatch = api.suggested !== null && api.suggested !== api.configured;
  lines.push('', `${mismatch ? '✗' : '✓'} API: ${api.configured} configured, ${api.suggested ?? 'not settled'} suggested (${api.evidence})`);
  if (mismatch) lines.push(`    set workspaces."${report.projectId}".api in dwsync.yaml to "${api.suggested}"`);
  const content = report.content;
  lines.push('');
  if (!content) lines.push('Content: no batch sync task to look at in this workspace');
  else {
    lines.push(`Content of file ${content.fileId} (${content.fileName}${content.folderPath ? `, ${content.folderPath}` : ''}):`);
    lines.push(`  author keys:          ${content.authorKeys.join(', ') || '(none)'}`);
    lines.push(`  service-managed keys: ${content.serviceManagedKeys.join(', ') || '(none)'}`);
    lines.push(`  keys under extend:    ${content.extendKeys.join(', ') || '(none)'}`);
    const group = content.diResourceGroup;
    lines.push(`  DI resource group:    ${group.value ?? '(unknown)'} (found in ${group.foundIn})`);
  }
  const probe = report.writeProbe;
  if (probe) {
    lines.push('', `Write probe (${probe.sent}): ${probe.outcome}`);
    if (probe.error) lines.push(`  ${probe.error.code}: ${probe.error.message}`);
    for (const op of probe.changes) lines.push(`  ${op.op} ${op.path}${'value' in op ? ` = ${JSON.stringify(op.value)}` : ''}`);
  }
  lines.push('', report.ok ? 'Everything DataWorks answered is as documented.' : 'Some answers differ from the SDK models, or a call failed: paste this report into an issue.');
  return `${lines.join('\n')}\n`;
}
