// Progress for long CLI work: a bar with rate and ETA on a terminal, plain lines (every ~10%) in CI or pipes.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  /** A new total, when it is only estimated while the work runs (rows of a file read so far). */
  setTotal(total: number): void;
  stop(): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label.padEnd(18)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: '0' });
    return {
      update(done) {
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
      },
      setTotal(newTotal) {
        bar.setTotal(newTotal);
      },
      stop() {
        bar.stop();
      },
    };
  }
  const started = Date.now();
  let nextReport = 0.1;
  return {
    setTotal(newTotal) {
      total = newTotal;
    },
    update(done) {
      const share = total === 0 ? 1 : done / total;
      if (share + 1e-9 < nextReport && done !== total) return;
      nextReport = Math.floor(share * 10) / 10 + 0.1;
      const seconds = (Date.now() - started) / 1000;
      stream.write(`${label}: ${done}/${total} (${Math.round(share * 100)}%) ${(done / Math.max(seconds, 0.001)).toFixed(1)}/s\n`);
    },
    stop() {},
  };
}
