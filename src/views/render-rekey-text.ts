import type { RekeyReport } from '../core/rekey/rekey-report.js';

// `dwsync rekey` for a terminal: each task moved to its node, then what was left and why. Pure.
export function renderRekeyText(report: RekeyReport): string {
  const verb = report.dryRun ? 'would move' : 'moved';
  const lines = [`dwsync rekey: workspace ${report.projectId}, ${report.diNodes} DI node(s)${report.dryRun ? ' (dry run: nothing written)' : ''}`, ''];
  for (const t of report.rekeyed) {
    lines.push(`✓ ${t.file}: file ${t.fileId} → node ${t.nodeId} (by ${t.by})${t.recordMoved ? `, ${verb} its state record` : ', no state record'}`);
  }
  for (const t of report.ambiguous) lines.push(`? ${t.file}: file ${t.fileId} could be node ${t.nodeIds.join(' or ')}: give the pair with --map`);
  for (const t of report.unmatched) lines.push(`✗ ${t.file}: file ${t.fileId}: ${t.reason}`);
  const left = report.unmatched.length + report.ambiguous.length;
  lines.push('', `${report.rekeyed.length} task(s) ${report.dryRun ? 'to re-key' : 're-keyed'}${left > 0 ? `, ${left} left as they were` : ''}.`);
  return `${lines.join('\n')}\n`;
}
