// The results as markdown tables: what `npm run bench` prints and docs/performance.md carries.
const s = (ms) => (ms / 1000).toFixed(2);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
const pct = (x) => `${(x * 100).toFixed(1)} %`;

export function renderTable(results) {
  const lines = [];
  const { machine } = results;
  lines.push(`Measured ${machine.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverage}. Seed ${results.seed}.`, '');

  if (results.plan.length > 0) lines.push(...renderPlan(results.plan));

  const a = results.apply;
  if (a) lines.push(...renderApply(a));
  lines.push(...renderLimits(results));
  if (results.stateCost) lines.push(...renderStateCost(results.stateCost));
  if (results.growth.length > 0) lines.push(...renderGrowth(results.growth));
  lines.push(...renderBudgets(results));
  return `${lines.join('\n')}\n`;
}

function renderPlan(plan) {
  const lines = [];
  const before = plan.some((p) => p.noopBefore);
  lines.push(`**Plan** (\`dwsync plan --json\`, whole process; medians): wall time, peak RSS, and ÷ the read-and-parse floor${before ? '; "before": the older build, run beside it' : ''}`, '');
  lines.push(`| tasks | floor | plan, no state (all new) | the same, piped | plan, state, nothing changed | plan, state, 1 % changed |${before ? ' before: no state | before: nothing changed |' : ''}`);
  lines.push(`|---:|---:|---:|---:|---:|---:|${before ? '---:|---:|' : ''}`);
  const cell = (x) => (x && Number.isFinite(x.wallMs) ? `${s(x.wallMs)} s · ${mb(x.rssBytes)} MB · **${x.ratio.toFixed(2)}×**` : '–');
  for (const p of plan) {
    const old = before ? ` ${cell(p.newBefore)} | ${cell(p.noopBefore)} |` : '';
    lines.push(`| ${p.count.toLocaleString('en')} | ${s(p.floor.wallMs)} s · ${mb(p.floor.rssBytes)} MB | ${cell(p.new)} | ${cell(p.newPiped)} | ${cell(p.noop)} | ${cell(p.changedPlan)} |${old}`);
  }
  lines.push('');
  return lines;
}

function renderApply(a) {
  const lines = [];
  lines.push(`**Apply throughput** (${a.count.toLocaleString('en')} changed tasks, emulator latency ${a.latencyMs} ms, \`--qps 0\`; medians of the emulator-side rate)`, '');
  lines.push('| concurrency | ideal (c ÷ L) | achieved | share of ideal | bare HTTP to the emulator | dwsync ÷ bare HTTP | throttled |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of a.rows) {
    const floor = row.httpFloor === undefined ? '–' : `${row.httpFloor.toFixed(1)}/s`;
    const ofFloor = row.httpFloor === undefined ? '–' : pct(row.shareOfFloor);
    lines.push(`| ${row.concurrency} | ${row.ideal.toFixed(0)}/s | ${row.rate.toFixed(1)}/s | ${pct(row.share)} | ${floor} | ${ofFloor} | ${row.throttled} |`);
  }
  lines.push('');
  return lines;
}

function renderLimits(results) {
  const lines = [];
  const q = results.qps;
  if (q) lines.push(`**Apply at a QPS ceiling** (${q.count} tasks, emulator \`--qps ${q.qps}\`, dwsync \`--qps ${q.qps} --concurrency ${q.concurrency}\`, latency ${q.latencyMs} ms)`, '');
  if (q) lines.push('| ceiling | achieved | share | throttled answers (all runs) |', '|---:|---:|---:|---:|', `| ${q.qps}/s | ${q.rate.toFixed(2)}/s | ${pct(q.share)} | ${q.throttled} |`, '');

  const l = results.learned;
  if (l) {
    lines.push(`**An unknown limit, learned** (${l.count} tasks, dwsync \`--qps 0 --concurrency ${l.concurrency}\` against an emulator limited to each rate, latency ${l.latencyMs} ms; medians, throttled answers over all runs)`, '');
    lines.push('| emulator limit | achieved | share of the limit | throttled answers |');
    lines.push('|---:|---:|---:|---:|');
    for (const row of l.rows) lines.push(`| ${row.limit}/s | ${row.rate.toFixed(2)}/s | ${pct(row.share)} | ${row.throttled} of ${row.calls} (${pct(row.throttledShare)}) |`);
    lines.push('');
  }

  return lines;
}

function renderStateCost(c) {
  const lines = [];
  lines.push(`**Recording outcomes** (${c.count.toLocaleString('en')} tasks applied in-process through \`pushUpdates\` with a real state store, latency ${c.latencyMs} ms; "before": the older build, run beside it)`, '');
  lines.push('| build | concurrency | push phase | in record() (share of push) | group commit on the main thread (share of push) | final fold + write (share of run) | total share | record durable after (mean) | fdatasync rounds | state size per task |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const line = (build, r) => {
    const durable = r.durableWaitMs === undefined ? '–' : `${r.durableWaitMs.toFixed(1)} ms`;
    lines.push(`| ${build} | ${r.concurrency} | ${s(r.pushMs)} s | ${pct(r.recordShare)} | ${r.commitShare === undefined ? '–' : pct(r.commitShare)} | ${r.closeMs.toFixed(0)} ms (${pct(r.closeShare)}) | **${pct(r.totalShare)}** | ${durable} | ${r.journalWrites} | ${(r.bytesPerTask / 1024).toFixed(2)} KiB |`);
  };
  for (const r of c.rows) {
    if (r.before) line('before', r.before);
    line('this', r);
  }
  lines.push('');
  return lines;
}

function renderGrowth(growth) {
  const lines = [];
  lines.push('**Growth** (plan, whole process; the state is the one an apply of every task leaves)', '');
  lines.push('| tasks | floor | no state | nothing changed | ÷ floor | ms per task | state size (per task) | peak RSS: floor / no state / nothing changed |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of growth) {
    const none = Number.isFinite(g.new.wallMs) ? `${s(g.new.wallMs)} s` : '–';
    const size = g.stateSize ? `${mb(g.stateSize.bytes)} MB (${g.stateSize.bytesPerTask.toFixed(0)} B)` : '–';
    const rssNew = Number.isFinite(g.new.rssBytes) ? mb(g.new.rssBytes) : '–';
    lines.push(`| ${g.count.toLocaleString('en')} | ${s(g.floor.wallMs)} s | ${none} | ${s(g.noop.wallMs)} s | ${g.noop.ratio.toFixed(2)}× | ${(g.noop.wallMs / g.count).toFixed(3)} | ${size} | ${mb(g.floor.rssBytes)} / ${rssNew} / ${mb(g.noop.rssBytes)} MB |`);
  }
  lines.push('');
  return lines;
}

// Each budget, what was measured, and whether it is met (or by how much it is missed).
function renderBudgets(results) {
  const rows = [];
  const row = (what, target, measured, met, miss, before = '–') => rows.push(`| ${what} | ${target} | ${before} | ${measured} | ${met ? 'met' : `**missed** by ${miss}`} |`);
  const at = (count) => results.growth.find((g) => g.count === count);
  const p10 = at(10_000);
  if (p10?.stateSize) {
    const { bytes, budgetBytes } = p10.stateSize;
    row('state size, 10,000 tasks', `≤ ${mb(budgetBytes)} MB (1.2 × configs + 300 B/task)`, `${mb(bytes)} MB (${(bytes / budgetBytes).toFixed(2)} × budget)`, bytes <= budgetBytes, pct(bytes / budgetBytes - 1));
  }
  for (const c of results.stateCost?.rows ?? []) {
    const before = c.before ? pct(c.before.totalShare) : undefined;
    row(`recording outcomes, ${c.count.toLocaleString('en')} tasks, concurrency ${c.concurrency}`, '< 5 % of the apply', pct(c.totalShare), c.totalShare < 0.05, pct(c.totalShare - 0.05), before);
  }
  const megabytes = (x) => (x && Number.isFinite(x.rssBytes) ? `${mb(x.rssBytes)} MB` : undefined);
  const ratio = (x) => (x && Number.isFinite(x.ratio) ? `${x.ratio.toFixed(2)} ×` : undefined);
  for (const [count, limitMb] of [[10_000, 150], [100_000, 1024]]) {
    const g = at(count);
    if (!g) continue;
    const rss = g.noop.rssBytes / 2 ** 20;
    row(`no-op plan peak RSS, ${count.toLocaleString('en')} tasks`, `≤ ${limitMb} MB`, `${rss.toFixed(0)} MB`, rss <= limitMb, `${(rss - limitMb).toFixed(0)} MB`, megabytes(g.noopBefore));
    row(`no-op plan time, ${count.toLocaleString('en')} tasks`, '≤ 1.3 × floor', `${g.noop.ratio.toFixed(2)} ×`, g.noop.ratio <= 1.3, `${(g.noop.ratio - 1.3).toFixed(2)} ×`, ratio(g.noopBefore));
  }
  const g50 = at(50_000);
  if (g50 && Number.isFinite(g50.new.rssBytes)) {
    const rss = g50.new.rssBytes / 2 ** 20;
    row('plan with no state, peak RSS, 50,000 tasks', '≤ 550 MB', `${rss.toFixed(0)} MB`, rss <= 550, `${(rss - 550).toFixed(0)} MB`, megabytes(g50.newBefore));
    if (Number.isFinite(g50.newPiped?.rssBytes)) {
      const piped = g50.newPiped.rssBytes / 2 ** 20;
      row('plan with no state, peak RSS, 50,000 tasks, output piped', '≤ 550 MB', `${piped.toFixed(0)} MB`, piped <= 550, `${(piped - 550).toFixed(0)} MB`);
    }
    row('plan with no state, time, 50,000 tasks', '≤ 1.3 × floor', `${g50.new.ratio.toFixed(2)} ×`, g50.new.ratio <= 1.3, `${(g50.new.ratio - 1.3).toFixed(2)} ×`, ratio(g50.newBefore));
  }
  for (const r of results.learned?.rows ?? []) {
    row(`learned rate at ${r.limit} QPS`, '≥ 93 % of the limit', pct(r.share), r.share >= 0.93, pct(0.93 - r.share));
    row(`throttled answers at ${r.limit} QPS`, '≤ 3 %', pct(r.throttledShare), r.throttledShare <= 0.03, pct(r.throttledShare - 0.03));
  }
  return ['**Budgets** ("before": the older build, measured in the same run, when there is one)', '', '| budget | target | before | measured | verdict |', '|---|---|---:|---:|---|', ...rows];
}
