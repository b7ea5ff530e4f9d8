// Starts the sandbox partner services, each on its own port, with one shared synthetic population.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDfeSandbox } from './dfe/server.ts';
import { generatePopulation } from './population/index.ts';
import type { Population } from './population/types.ts';

export interface RunningSandboxes { population: Population; urls: { dfe: string }; close(): Promise<void> }

export async function startSandboxes(ports: { dfe: number }, population = generatePopulation()): Promise<RunningSandboxes> {
  const dfe = await listen(createDfeSandbox(population), ports.dfe);
  return {
    population,
    urls: { dfe: urlOf(dfe) },
    close: () => new Promise<void>((resolve) => dfe.close(() => resolve())),
  };
}

function listen(app: { listen(port: number, host: string, cb: () => void): Server }, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
