// Issue 13, "Sandbox code leaves the production boot path": the production code (gateway/, audit/, mou-registry/)
// never imports anything under sandbox/. The one exception is the sandbox start itself: gateway/main.ts loads
// sandbox/start.ts by a dynamic import, only when SANDBOX is true, and names the type of what it starts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourcesUnder = (dir: string): string[] =>
  fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });

interface Reference {
  file: string;
  specifier: string;
  how: 'static' | 'type' | 'dynamic';
}

/** Every import, re-export and dynamic import in a file whose target lies under sandbox/. */
function sandboxReferences(file: string): Reference[] {
  const text = fs.readFileSync(path.join(repo, file), 'utf8');
  const found: Reference[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => Reference['how']][] = [
    [/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/gm, (m) => (m[2] ? 'type' : 'static')],
    [/^\s*import\s*['"]([^'"]+)['"]/gm, () => 'static'],
    [/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, () => 'dynamic'],
  ];
  for (const [pattern, how] of patterns) {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const specifier = m[m.length - 1]!;
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(repo, path.resolve(path.dirname(path.join(repo, file)), specifier));
      if (target.split(path.sep)[0] === 'sandbox') found.push({ file, specifier, how: how(m) });
    }
  }
  return found;
}

describe('the production code and the sandbox', () => {
  const production = ['gateway', 'audit', 'mou-registry'].flatMap(sourcesUnder);

  it('reads every production source file', () => {
    expect(production.length).toBeGreaterThan(100);
    expect(production).toContain(path.join('gateway', 'main.ts'));
  });

  it('never imports sandbox code, but for the sandbox start loaded on demand by gateway/main.ts', () => {
    const references = production.flatMap(sandboxReferences);
    expect(references.filter((r) => r.file !== path.join('gateway', 'main.ts'))).toEqual([]);
    const fromMain = references.filter((r) => r.how !== 'type');
    expect(fromMain).toEqual([
      { file: path.join('gateway', 'main.ts'), specifier: '../sandbox/start.ts', how: 'dynamic' },
    ]);
  });
});
