// stdout as the writing end of a pipe. A reader that has what it wanted (`export | head -1`) closes the pipe and the
// next write fails with EPIPE. That is the reader's choice, not a failure: the output ends there, quietly, exit 0.
import type { Writable } from 'node:stream';

export interface PipeOut {
  /** Writes a line, waiting while the pipe is full; false once the reader has gone, so the writer can stop. */
  line(text: string): Promise<boolean>;
  /** The reader has closed the pipe. */
  readonly closed: boolean;
}

export function pipeOut(stream: Writable): PipeOut {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    gone = true;
  });
  const closed = () => gone || stream.destroyed;
  return {
    get closed() {
      return closed();
    },
    async line(text) {
      if (closed()) return false;
      if (!stream.write(`${text}\n`)) await drainedOrGone(stream);
      return !closed();
    },
  };
}

/** A full pipe drains, or its reader goes (and then it never drains). */
function drainedOrGone(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
