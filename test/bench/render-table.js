// The results as markdown tables: what `npm run bench` prints and docs/performance.md carries.
const s = (ms) => (ms / 1000).toFixed(2);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
const pct = (x) => `${(x * 100).toFixed(1)} %`;

export function renderTable(results) {
  const lines = [];
  const { machine } = results;
  lines.push(`Measured ${machine.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverage}. Seed ${results.seed}.`, '');

  lines.push('**Plan** (`dwsync plan --json`, whole process; medians): wall time, peak RSS, and ÷ the read-and-parse floor', '');
  lines.push('| tasks | floor | plan, no state (all new) | plan, state, nothing changed | plan, state, 1 % changed |');
  lines.push('|---:|---:|---:|---:|---:|');
  for (const p of results.plan) {
    const cell = (x) => `${s(x.wallMs)} s · ${mb(x.rssBytes)} MB · **${x.ratio.toFixed(2)}×**`;
    lines.push(`| ${p.count.toLocaleString('en')} | ${s(p.floor.wallMs)} s · ${mb(p.floor.rssBytes)} MB | ${cell(p.new)} | ${cell(p.noop)} | ${cell(p.changedPlan)} |`);
  }
  lines.push('');

  const a = results.apply;
  lines.push(`**Apply throughput** (${a.count.toLocaleString('en')} changed tasks, emulator latency ${a.latencyMs} ms, \`--qps 0\`; medians of the emulator-side rate)`, '');
  lines.push('| concurrency | ideal (c ÷ L) | achieved | share of ideal | bare HTTP to the emulator | dwsync ÷ bare HTTP | throttled |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of a.rows) {
    const floor = row.httpFloor === undefined ? '–' : `${row.httpFloor.toFixed(1)}/s`;
    const ofFloor = row.httpFloor === undefined ? '–' : pct(row.shareOfFloor);
    lines.push(`| ${row.concurrency} | ${row.ideal.toFixed(0)}/s | ${row.rate.toFixed(1)}/s | ${pct(row.share)} | ${floor} | ${ofFloor} | ${row.throttled} |`);
  }
  lines.push('');

  const q = results.qps;
  lines.push(`**Apply at a QPS ceiling** (${q.count} tasks, emulator \`--qps ${q.qps}\`, dwsync \`--qps ${q.qps} --concurrency ${q.concurrency}\`, latency ${q.latencyMs} ms)`, '');
  lines.push('| ceiling | achieved | share | throttled answers (all runs) |');
  lines.push('|---:|---:|---:|---:|');
  lines.push(`| ${q.qps}/s | ${q.rate.toFixed(2)}/s | ${pct(q.share)} | ${q.throttled} |`, '');

  const c = results.stateCost;
  lines.push(`**Recording outcomes** (${c.count.toLocaleString('en')} tasks applied in-process through \`pushUpdates\` with a real state store, concurrency ${c.concurrency}, latency ${c.latencyMs} ms)`, '');
  lines.push('| push phase | in record() (share of push) | final fold + write (share of run) | total share | record durable after (mean) | fdatasync rounds | state size per task |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  const durable = c.durableWaitMs === undefined ? '–' : `${c.durableWaitMs.toFixed(1)} ms`;
  lines.push(`| ${s(c.pushMs)} s | ${pct(c.recordShare)} | ${c.closeMs.toFixed(0)} ms (${pct(c.closeShare)}) | **${pct(c.totalShare)}** | ${durable} | ${c.journalWrites} | ${(c.bytesPerTask / 1024).toFixed(2)} KiB |`, '');

  lines.push('**Growth** (plan, whole process)', '');
  lines.push('| tasks | floor | no state | ms per task | nothing changed | ms per task | peak RSS (no state / nothing changed) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of results.growth) {
    lines.push(`| ${g.count.toLocaleString('en')} | ${s(g.floor.wallMs)} s | ${s(g.new.wallMs)} s | ${(g.new.wallMs / g.count).toFixed(3)} | ${s(g.noop.wallMs)} s | ${(g.noop.wallMs / g.count).toFixed(3)} | ${mb(g.new.rssBytes)} / ${mb(g.noop.rssBytes)} MB |`);
  }
  return `${lines.join('\n')}\n`;
}
