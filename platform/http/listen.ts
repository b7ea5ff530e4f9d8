// Opening a listening port. The failures an operator fixes by configuration (the port is taken, or not theirs to
// take) become a PortUnavailableError that says in one line which setting to change.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface Listening {
  what: string;
  host: string;
  port: number;
  setting: string;
  hint?: string;
}

export class PortUnavailableError extends Error {
  constructor(
    readonly at: Listening,
    readonly code: 'EADDRINUSE' | 'EACCES',
  ) {
    const why = code === 'EADDRINUSE' ? 'the port is already in use' : 'this user may not listen on that port';
    super(
      `${at.what} cannot listen on ${at.host}:${at.port} (${code}): ${why}. Set ${at.setting} to a free port${at.hint ? `, ${at.hint}` : ''}.`,
    );
  }
}

export function listen(listener: RequestListener, at: Listening): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortUnavailableError(at, error.code) : error);
    });
    server.listen(at.port, at.host, () => resolve(server));
  });
}
