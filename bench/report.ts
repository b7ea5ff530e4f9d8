// The bench report: each figure, its baselines measured in the same run, and the target it is judged by. A row
// whose target is '—' is context (a floor, a p99 with no target); one whose baseline is absent (nginx could not
// be installed) is not judged.

export interface Target {
  name: string;
  figure: string;
  baselines: string;
  target: string;
  met: boolean | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Results = any;
interface Run {
  p50: number;
  p99: number;
  achievedPerSecond: number;
  statuses: Record<string, number>;
  errors: number;
}

const plus = (n: number) => `${n >= 0 ? '+' : ''}${n} ms`;
const perSecond = (run: Run) => `${Math.round(run.achievedPerSecond).toLocaleString('en-GB')}/s`;
/** A run with errors or answers other than 200 measured something else too: say so beside its figure. */
const flaw = (...runs: (Run | null | undefined)[]) => {
  const odd = runs.flatMap((run) =>
    run
      ? [
          ...(run.errors ? [`${run.errors} errors`] : []),
          ...Object.entries(run.statuses)
            .filter(([s]) => s !== '200')
            .map(([s, n]) => `${n} × ${s}`),
        ]
      : [],
  );
  return odd.length ? ` (⚠ ${odd.join(', ')})` : '';
};

export function targetsMet(r: Results): Target[] {
  const nginxAbsent = r.nginx.present ? null : `nginx absent: ${r.nginx.reason}`;
  const one = r.oneConnection;
  const lat = r.latency;
  const tp = r.throughput;
  const fwd = r.forwarded;
  const row = (name: string, figure: string, baselines: string, target: string, met: boolean | null): Target => ({
    name,
    figure,
    baselines,
    target,
    met,
  });
  const ifNginx = (text: () => string) => (r.nginx.present ? text() : nginxAbsent!);
  const t: Target[] = [
    row(
      'policy decision p50 (1,000 extra agreements)',
      `${r.policy.withExtraAgreements.p50.toFixed(1)} µs`,
      `${r.policy.baseline.p50.toFixed(1)} µs with the register alone`,
      '≤ 20 µs',
      r.policy.withExtraAgreements.p50 <= 20,
    ),
    row(
      'policy decision p99 (1,000 extra agreements)',
      `${r.policy.withExtraAgreements.p99.toFixed(1)} µs`,
      `${r.policy.baseline.p99.toFixed(1)} µs with the register alone`,
      '≤ 100 µs',
      r.policy.withExtraAgreements.p99 <= 100,
    ),
    row(
      'added p50 at 1 connection',
      `${plus(one.addedMs.gateway.p50)} (gateway p50 ${one.runs.gateway.p50} ms)${flaw(one.runs.gateway)}`,
      `direct ${one.runs.direct.p50} ms; node proxy ${plus(one.addedMs.proxy.p50)}; ${ifNginx(() => `nginx ${plus(one.addedMs.nginx.p50)}`)}`,
      '≤ +1 ms',
      one.addedMs.gateway.p50 <= 1,
    ),
    row(
      'p99 at 1 connection',
      `${one.runs.gateway.p99} ms (${plus(one.addedMs.gateway.p99)})`,
      `direct ${one.runs.direct.p99} ms; node proxy ${one.runs.proxy.p99} ms; ${ifNginx(() => `nginx ${one.runs.nginx.p99} ms`)}`,
      '—',
      null,
    ),
    row(
      `added p50 at ${lat.rate}/s (open loop)`,
      `${plus(lat.addedMs.gateway.p50)}${flaw(lat.runs.gateway)}`,
      `node proxy ${plus(lat.addedMs.proxy.p50)}; ${ifNginx(() => `nginx ${plus(lat.addedMs.nginx.p50)}`)} (direct p50 ${lat.runs.direct.p50} ms)`,
      '≤ +2 ms',
      lat.addedMs.gateway.p50 <= 2,
    ),
    row(
      `added p99 at ${lat.rate}/s (open loop)`,
      plus(lat.addedMs.gateway.p99),
      `node proxy ${plus(lat.addedMs.proxy.p99)}; ${ifNginx(() => `nginx ${plus(lat.addedMs.nginx.p99)}`)} (direct p99 ${lat.runs.direct.p99} ms)`,
      '≤ +10 ms',
      lat.addedMs.gateway.p99 <= 10,
    ),
    row(
      `audited exchanges/s at ${tp.concurrency} connections, vs nginx`,
      `${perSecond(tp.gateway)}${tp.ratioToNginx === null ? '' : ` = ${tp.ratioToNginx}× nginx`}${flaw(tp.gateway)}`,
      tp.nginx ? `nginx ${perSecond(tp.nginx)}${flaw(tp.nginx)}` : nginxAbsent!,
      '≥ 0.5× nginx',
      tp.ratioToNginx === null ? null : tp.ratioToNginx >= 0.5,
    ),
    row(
      `audited exchanges/s at ${tp.concurrency} connections, vs node proxy`,
      `${perSecond(tp.gateway)} = ${tp.ratioToProxy}× node proxy`,
      `node proxy ${perSecond(tp.proxy)}${flaw(tp.proxy)}`,
      '≥ 3,000/s and ≥ 0.5× node proxy',
      tp.gateway.achievedPerSecond >= 3000 && tp.ratioToProxy >= 0.5,
    ),
    row(
      'lost audit entries (a 200 without its decision and outcome)',
      `${tp.lostEntries + fwd.lostEntries}`,
      `throughput run ${tp.lostEntries}, forwarded run ${fwd.lostEntries}`,
      '0',
      tp.lostEntries + fwd.lostEntries === 0,
    ),
    row(
      `${fwd.exchange} added p50 at ${fwd.rate}/s (2 durable writes)`,
      `${plus(fwd.addedMs.p50)} (p99 ${plus(fwd.addedMs.p99)})${flaw(fwd.runs.gateway)}`,
      `HMRC sandbox direct p50 ${fwd.runs.direct.p50} ms, p99 ${fwd.runs.direct.p99} ms${flaw(fwd.runs.direct)}`,
      '≤ +3 ms',
      fwd.addedMs.p50 <= 3,
    ),
    row(
      'fsync floor: fdatasync, one 8kB write (pg_test_fsync -s 1)',
      r.fsync.present
        ? `${r.fsync.opsPerSecond.toLocaleString('en-GB')} ops/s, ${r.fsync.usPerOp} µs/op`
        : `absent: ${r.fsync.reason}`,
      r.fsync.present ? `test file ${r.fsync.dir}` : '—',
      '—',
      null,
    ),
    row(
      'one durable audited write p50 (advisory lock + insert, 1 client)',
      `${r.durableWrite.p50} ms (p99 ${r.durableWrite.p99} ms)`,
      r.fsync.present ? `fdatasync ${r.fsync.usPerOp} µs/op` : '—',
      '—',
      null,
    ),
    row(
      'chain verification',
      `${r.verification.verifyPerSecond.toLocaleString('en-GB')}/s`,
      `plain scan ${r.verification.plainScanPerSecond.toLocaleString('en-GB')}/s (ratio ${r.verification.ratioToScan})`,
      '≥ 150,000/s and ≥ 0.4× scan',
      r.verification.verifyPerSecond >= 150_000 && r.verification.ratioToScan >= 0.4,
    ),
    ...(r.batches
      ? [
          row(
            'batch throughput (dwp.nino-alignment, one batch, 8 records at a time)',
            `${r.batches.batchRecordsPerSecond.toLocaleString('en-GB')} records/s (${r.batches.records} records)`,
            `the same records as single calls from ${r.batches.clients} clients: ${r.batches.singleCallsPerSecond.toLocaleString('en-GB')}/s`,
            '—',
            null,
          ),
        ]
      : []),
    row(
      `gateway max RSS through the throughput run`,
      `${tp.gatewayRssMb.max} MB (${tp.gatewayRssMb.source})`,
      '—',
      '≤ 200 MB',
      tp.gatewayRssMb.max <= 200,
    ),
    row(
      'gateway peak RSS during first start on a fresh database',
      `${r.startup.peakRssMb} MB (VmHWM)`,
      '—',
      '≤ 400 MB',
      r.startup.peakRssMb <= 400,
    ),
  ];
  if (r.soak)
    t.push(
      row(
        `RSS over a ${r.soak.seconds / 60}-minute soak`,
        `${r.soak.firstMinuteMeanMb} MB first minute → ${r.soak.lastMinuteMeanMb} MB last (max ${r.soak.maxRssMb})`,
        '—',
        '≤ 200 MB, flat',
        r.soak.maxRssMb <= 200 && r.soak.lastMinuteMeanMb <= r.soak.firstMinuteMeanMb * 1.15,
      ),
    );
  return t;
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const verdict = (t: Target) => {
    if (t.met === null) return t.target === '—' ? '—' : 'not judged';
    return r.kind === 'smoke' ? 'n/a (smoke)' : t.met ? 'met' : '**not met**';
  };
  const rows = targetsMet(r).map((t) => `| ${t.name} | ${t.figure} | ${t.baselines} | ${t.target} | ${verdict(t)} |`);
  const nginx = r.nginx.present
    ? `nginx ${r.nginx.version} with 1 worker${r.nginx.installedSeconds === null ? '' : ` (installed by this run in ${r.nginx.installedSeconds} s)`}`
    : `nginx absent (${r.nginx.reason})`;
  return [
    `# Bench ${r.kind} run, ${r.at}`,
    '',
    `Machine: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgresql} (synchronous_commit ${m.synchronousCommit}, ${m.walSyncMethod}); load average at start ${m.loadAverageAtStart.join(' ')}.`,
    `Everything (load generator, gateway, sandbox, node proxy, ${nginx}, PostgreSQL) shares these cores.`,
    `The forwarded exchange is Immigration Enforcement's case-by-case s.40 request, whose agreement sets no monthly cap: a run of any length measures the exchange, not the cap's refusal, and the cap counter's read that UKVI's capped bulk route adds is not in its figure.`,
    '',
    '| figure | measured | baseline(s) in the same run | target | |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
