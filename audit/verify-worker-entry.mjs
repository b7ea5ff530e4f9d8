// The worker's entry point: plain JavaScript that registers tsx in the worker thread, then loads the TypeScript
// worker, so workers start the same under tsx, vitest and node.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
