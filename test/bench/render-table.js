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

  const l = results.learned;
  if (l) {
    lines.push(`**An unknown limit, learned** (${l.count} tasks, dwsync \`--qps 0 --concurrency ${l.concurrency}\` against an emulator limited to each rate, latency ${l.latencyMs} ms; medians, throttled answers over all runs)`, '');
    lines.push('| emulator limit | achieved | share of the limit | throttled answers |');
    lines.push('|---:|---:|---:|---:|');
    for (const row of l.rows) lines.push(`| ${row.limit}/s | ${row.rate.toFixed(2)}/s | ${pct(row.share)} | ${row.throttled} of ${row.calls} (${pct(row.throttledShare)}) |`);
    lines.push('');
  }

  const c = results.stateCost;
  lines.push(`**Recording outcomes** (${c.count.toLocaleString('en')} tasks applied in-process through \`pushUpdates\` with a real state store, concurrency ${c.concurrency}, latency ${c.latencyMs} ms)`, '');
  lines.push('| push phase | in record() (share of push) | final fold + write (share of run) | total share | record durable after (mean) | fdatasync rounds | state size per task |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  const durable = c.durableWaitMs === undefined ? '–' : `${c.durableWaitMs.toFixed(1)} ms`;
  lines.push(`| ${s(c.pushMs)} s | ${pct(c.recordShare)} | ${c.closeMs.toFixed(0)} ms (${pct(c.closeShare)}) | **${pct(c.totalShare)}** | ${durable} | ${c.journalWrites} | ${(c.bytesPerTask / 1024).toFixed(2)} KiB |`, '');

  lines.push('**Growth** (plan, whole process; the state is the one an apply of every task leaves)', '');
  lines.push('| tasks | floor | no state | nothing changed | ÷ floor | ms per task | state size (per task) | peak RSS: floor / no state / nothing changed |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of results.growth) {
    const none = Number.isFinite(g.new.wallMs) ? `${s(g.new.wallMs)} s` : '–';
    const size = g.stateSize ? `${mb(g.stateSize.bytes)} MB (${g.stateSize.bytesPerTask.toFixed(0)} B)` : '–';
    const rssNew = Number.isFinite(g.new.rssBytes) ? mb(g.new.rssBytes) : '–';
    lines.push(`| ${g.count.toLocaleString('en')} | ${s(g.floor.wallMs)} s | ${none} | ${s(g.noop.wallMs)} s | ${g.noop.ratio.toFixed(2)}× | ${(g.noop.wallMs / g.count).toFixed(3)} | ${size} | ${mb(g.floor.rssBytes)} / ${rssNew} / ${mb(g.noop.rssBytes)} MB |`);
  }
  lines.push('', ...renderBudgets(results));
  return `${lines.join('\n')}\n`;
}

// Each budget, what was measured, and whether it is met (or by how much it is missed).
function renderBudgets(results) {
  const rows = [];
  const row = (what, target, measured, met, miss) => rows.push(`| ${what} | ${target} | ${measured} | ${met ? 'met' : `**missed** by ${miss}`} |`);
  const at = (count) => results.growth.find((g) => g.count === count);
  const p10 = at(10_000);
  if (p10?.stateSize) {
    const { bytes, budgetBytes } = p10.stateSize;
    row('state size, 10,000 tasks', `≤ ${mb(budgetBytes)} MB (1.2 × configs + 300 B/task)`, `${mb(bytes)} MB (${(bytes / budgetBytes).toFixed(2)} × budget)`, bytes <= budgetBytes, pct(bytes / budgetBytes - 1));
  }
  const c = results.stateCost;
  if (c) row(`recording outcomes, ${c.count.toLocaleString('en')} tasks`, '< 5 % of the apply', pct(c.totalShare), c.totalShare < 0.05, pct(c.totalShare - 0.05));
  for (const [count, limitMb] of [[10_000, 150], [100_000, 1024]]) {
    const g = at(count);
    if (!g) continue;
    const rss = g.noop.rssBytes / 2 ** 20;
    row(`no-op plan peak RSS, ${count.toLocaleString('en')} tasks`, `≤ ${limitMb} MB`, `${rss.toFixed(0)} MB`, rss <= limitMb, `${(rss - limitMb).toFixed(0)} MB`);
    row(`no-op plan time, ${count.toLocaleString('en')} tasks`, '≤ 1.3 × floor', `${g.noop.ratio.toFixed(2)} ×`, g.noop.ratio <= 1.3, `${(g.noop.ratio - 1.3).toFixed(2)} ×`);
  }
  for (const r of results.learned?.rows ?? []) {
    row(`learned rate at ${r.limit} QPS`, '≥ 93 % of the limit', pct(r.share), r.share >= 0.93, pct(0.93 - r.share));
    row(`throttled answers at ${r.limit} QPS`, '≤ 3 %', pct(r.throttledShare), r.throttledShare <= 0.03, pct(r.throttledShare - 0.03));
  }
  return ['**Budgets**', '', '| budget | target | measured | verdict |', '|---|---|---:|---|', ...rows];
}
