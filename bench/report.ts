// The bench report: each figure, its baseline in the same run, the ratio, and the target it is judged by.

export interface Target { name: string; figure: string; target: string; met: boolean | null }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Results = any;

export function targetsMet(r: Results): Target[] {
  const t: Target[] = [
    { name: 'policy decision p50 (1,000 extra agreements)', figure: `${r.policy.withExtraAgreements.p50.toFixed(1)} µs (baseline ${r.policy.baseline.p50.toFixed(1)} µs)`, target: '≤ 20 µs', met: r.policy.withExtraAgreements.p50 <= 20 },
    { name: 'policy decision p99 (1,000 extra agreements)', figure: `${r.policy.withExtraAgreements.p99.toFixed(1)} µs (baseline ${r.policy.baseline.p99.toFixed(1)} µs)`, target: '≤ 100 µs', met: r.policy.withExtraAgreements.p99 <= 100 },
    { name: `added latency p50 at ${r.latency.rate}/s`, figure: `+${r.latency.addedMs.gateway.p50} ms (plain proxy +${r.latency.addedMs.proxy.p50} ms)`, target: '≤ +2 ms', met: r.latency.addedMs.gateway.p50 <= 2 },
    { name: `added latency p99 at ${r.latency.rate}/s`, figure: `+${r.latency.addedMs.gateway.p99} ms (plain proxy +${r.latency.addedMs.proxy.p99} ms)`, target: '≤ +10 ms', met: r.latency.addedMs.gateway.p99 <= 10 },
    { name: 'audited exchanges per second', figure: `${r.throughput.gateway.achievedPerSecond}/s (plain proxy ${r.throughput.proxy.achievedPerSecond}/s, ratio ${r.throughput.ratioToProxy})`, target: '≥ 3,000/s and ≥ 0.5× proxy', met: r.throughput.gateway.achievedPerSecond >= 3000 && r.throughput.ratioToProxy >= 0.5 },
    { name: 'lost audit entries', figure: String(r.throughput.lostEntries), target: '0', met: r.throughput.lostEntries === 0 },
    { name: 'chain verification', figure: `${r.verification.verifyPerSecond}/s (plain scan ${r.verification.plainScanPerSecond}/s, ratio ${r.verification.ratioToScan})`, target: '≥ 150,000/s and ≥ 0.4× scan', met: r.verification.verifyPerSecond >= 150_000 && r.verification.ratioToScan >= 0.4 },
    { name: 'gateway RSS under load', figure: `${r.throughput.gatewayRssMb.max} MB max`, target: '≤ 200 MB', met: r.throughput.gatewayRssMb.max <= 200 },
  ];
  if (r.soak) t.push({ name: `RSS over a ${r.soak.seconds / 60}-minute soak`, figure: `${r.soak.firstMinuteMeanMb} MB first minute → ${r.soak.lastMinuteMeanMb} MB last (max ${r.soak.maxRssMb})`, target: '≤ 200 MB, flat', met: r.soak.maxRssMb <= 200 && r.soak.lastMinuteMeanMb <= r.soak.firstMinuteMeanMb * 1.15 });
  return t;
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const rows = targetsMet(r).map((t) => `| ${t.name} | ${t.figure} | ${t.target} | ${r.kind === 'smoke' ? 'n/a (smoke)' : t.met ? 'met' : '**not met**'} |`);
  return [
    `# Bench ${r.kind} run, ${r.at}`,
    '',
    `Machine: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgresql} (synchronous_commit ${m.synchronousCommit}, ${m.walSyncMethod}); load average at start ${m.loadAverageAtStart.join(' ')}.`,
    'Everything (load generator, gateway, sandbox, proxy, PostgreSQL) shares these cores.',
    '',
    '| figure | measured (baseline in the same run) | target | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
