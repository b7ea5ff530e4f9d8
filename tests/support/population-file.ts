// Vitest global setup and its reader: the sandbox's population (generatePopulation, deterministic) takes about half a
// second to make and under a tenth to parse, and nearly every API test file starts the sandbox partners with it.
// So the run makes it once and writes it as JSON, and each file reads that; outside vitest it is made as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { generatePopulation } from '../../sandbox/population/index.ts';
import type { Population } from '../../sandbox/population/types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    populationFile: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-population-'));
  const file = path.join(dir, 'population.json');
  fs.writeFileSync(file, JSON.stringify(generatePopulation()));
  project.provide('populationFile', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** The default population: the run's file under vitest, else generated here. */
export async function testPopulation(): Promise<Population> {
  if (process.env.VITEST) {
    const { inject } = await import('vitest');
    const file = inject('populationFile');
    if (file) return JSON.parse(fs.readFileSync(file, 'utf8')) as Population;
  }
  return generatePopulation();
}
