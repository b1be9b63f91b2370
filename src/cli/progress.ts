import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar for long operations (seeding, sync, batch writes). On a terminal it
 * redraws in place; elsewhere (CI, pipes) it prints a line at each 10% step instead.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let lastDecile = -1;
    return {
      update(done, total) {
        const decile = total ? Math.floor((done / total) * 10) : 10;
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${label}: ${done}/${total} (${decile * 10}%)\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      stream,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * A running count for work whose total is unknown in advance (records a CRM pages
 * out): one line per label on a terminal, redrawn in place; a line per label when
 * it finishes elsewhere.
 */
export function progressCounter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update(part: string, count: number): void; stop(): void } {
  let current: { part: string; count: number } | undefined;
  const finish = () => {
    if (!current) return;
    stream.write(stream.isTTY ? '\n' : `${label} ${current.part}: ${current.count}\n`);
  };
  return {
    update(part, count) {
      if (current && current.part !== part) finish();
      current = { part, count };
      if (stream.isTTY) stream.write(`\r${label} ${part}: ${count}`);
    },
    stop() {
      finish();
      current = undefined;
    },
  };
}
