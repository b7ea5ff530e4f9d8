// Progress on stderr for long runs: at most one line per interval (a second by default), so short runs print none.
export interface Progress { update(done: number, total: number): void; }

export function progressReporter(label: string, noun: string, intervalMs: number, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Progress {
  const started = performance.now();
  let lastPrinted = started;
  const n = (x: number) => x.toLocaleString('en-GB');
  return {
    update(done, total) {
      const now = performance.now();
      if (now - lastPrinted < intervalMs) return;
      lastPrinted = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : done;
      write(`${label}: ${n(done)} ${noun} of ${n(total)}, ${n(rate)} ${noun}/s`);
    },
  };
}
