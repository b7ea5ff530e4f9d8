// Progress on stderr for long runs: at most one line per interval (a second by default). The last update is not
// printed (the summary follows it at once) unless the interval is 0, so a run done in one step prints none.
export interface Progress {
  update(done: number, total: number): void;
}

export function progressReporter(
  label: string,
  noun: string,
  intervalMs: number,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Progress {
  const started = performance.now();
  let lastPrinted = started;
  const n = (x: number) => x.toLocaleString('en-GB');
  return {
    update(done, total) {
      const now = performance.now();
      if (now - lastPrinted < intervalMs || (intervalMs > 0 && done >= total)) return;
      lastPrinted = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : done;
      write(`${label}: ${n(done)} ${noun} of ${n(total)}, ${n(rate)} ${noun}/s`);
    },
  };
}
