// Graceful shutdown, as a load balancer needs it. From the signal on, readiness answers 503 and so does every new
// request (with `Connection: close`), so traffic moves elsewhere; requests already in flight go on to their end,
// audit outcome included. `idle()` resolves once none is left, and then the listening socket can be closed.
import type { RequestHandler } from 'express';
import { GatewayError } from './problem.ts';

export interface Drain {
  /** Counts requests in flight; once draining, refuses new ones (liveness, /health, still answers). */
  middleware: RequestHandler;
  /** Starts draining; resolves when no request is in flight. */
  begin(): Promise<void>;
  inFlight(): number;
}

export function createDrain(): Drain {
  let draining = false;
  let inFlight = 0;
  let whenIdle: (() => void) | null = null;
  const finished = () => {
    inFlight -= 1;
    if (draining && inFlight === 0) whenIdle?.();
  };
  return {
    middleware(req, res, next) {
      if (draining && req.path !== '/health') {
        res.setHeader('connection', 'close');
        next(new GatewayError('unavailable', 'The gateway is shutting down; send the request to another instance'));
        return;
      }
      inFlight += 1;
      res.once('close', finished);
      next();
    },
    begin() {
      draining = true;
      return inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            whenIdle = resolve;
          });
    },
    inFlight: () => inFlight,
  };
}
