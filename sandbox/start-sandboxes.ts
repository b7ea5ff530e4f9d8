// Starts the sandbox partner services, each on its own port, with one shared synthetic population.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portSettings, type Config } from '../platform/config.ts';
import { listen } from '../platform/http/listen.ts';
import { createDfeSandbox } from './dfe/server.ts';
import { createDwpSandbox } from './dwp/server.ts';
import { createFinancialSandbox } from './financial/server.ts';
import { createHmrcSandbox } from './hmrc/server.ts';
import { createHomeOfficeSandbox } from './home-office/server.ts';
import { createNhsSandbox } from './nhs/server.ts';
import { generatePopulation, indexPopulation } from './population/index.ts';
import type { Population } from './population/types.ts';

export type SandboxName = 'dfe' | 'dwp' | 'hmrc' | 'nhs' | 'homeOffice' | 'financial';
export type SandboxPorts = Record<SandboxName, number>;
const titles: Record<SandboxName, string> = {
  dfe: 'DfE',
  dwp: 'DWP',
  hmrc: 'HMRC',
  nhs: 'NHS Digital',
  homeOffice: 'Home Office records',
  financial: 'bank',
};

export interface RunningSandboxes {
  population: Population;
  urls: Record<SandboxName, string>;
  close(): Promise<void>;
}

/** The ports `npm start` uses, from config (SANDBOX_DFE_PORT, SANDBOX_DWP_PORT, …). */
export function sandboxPorts(sandbox: Config['sandbox']): SandboxPorts {
  const { dfePort, dwpPort, hmrcPort, nhsPort, homeOfficePort, financialPort } = sandbox;
  return {
    dfe: dfePort,
    dwp: dwpPort,
    hmrc: hmrcPort,
    nhs: nhsPort,
    homeOffice: homeOfficePort,
    financial: financialPort,
  };
}

/** A sandbox whose port is not given listens on any free port (0), so that callers never collide on fixed ones. */
export async function startSandboxes(
  ports: Partial<SandboxPorts>,
  population = generatePopulation(),
): Promise<RunningSandboxes> {
  const index = indexPopulation(population);
  const apps = {
    dfe: createDfeSandbox(population),
    dwp: createDwpSandbox(population, index),
    hmrc: createHmrcSandbox(population, index),
    nhs: createNhsSandbox(population, index),
    homeOffice: createHomeOfficeSandbox(population, index),
    financial: createFinancialSandbox(),
  };
  const names = Object.keys(apps) as SandboxName[];
  const servers: Server[] = [];
  try {
    for (const name of names) {
      servers.push(
        await listen(apps[name], {
          what: `The ${titles[name]} sandbox`,
          host: '127.0.0.1',
          port: ports[name] ?? 0,
          setting: portSettings[name],
          hint: 'or SANDBOX_PARTNERS=false if another gateway on this host already runs the sandboxes',
        }),
      );
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }
  return {
    population,
    urls: Object.fromEntries(names.map((name, i) => [name, urlOf(servers[i]!)])) as Record<SandboxName, string>,
    close: () => closeAll(servers),
  };
}

const closeAll = (servers: readonly Server[]) =>
  Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(
    () => undefined,
  );

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * A sandbox asked for port 0 learns its port only once listening; every upstream still aimed at that sandbox's
 * default (`http://127.0.0.1:0`) is pointed at where it really listens. A real partner URL is left alone.
 */
export function upstreamsWithSandboxes(
  upstreams: Config['upstreams'],
  urls: Record<SandboxName, string>,
): Config['upstreams'] {
  const unbound = 'http://127.0.0.1:0';
  return Object.fromEntries(
    (Object.keys(upstreams) as SandboxName[]).map((name) => [
      name,
      upstreams[name].url === unbound ? { ...upstreams[name], url: urls[name] } : upstreams[name],
    ]),
  ) as Config['upstreams'];
}
