import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @nestjs/swagger names a schema after its class, so two response or body classes with the same
 * name in different libraries silently become ONE schema in the OpenAPI document (and in the web
 * app's generated client): one of the two shapes is lost. It happened twice (`ImportView` of FX
 * imports and of CSV imports; `ReadinessView` of the health check and of listings). Query DTOs are
 * inlined as parameters, not schemas, so they may share a name.
 */
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });

describe('OpenAPI schema names', () => {
  it('gives every class that documents a body or response its own name across all libraries', () => {
    const where = new Map<string, string[]>();
    for (const file of files(join(process.cwd(), 'libs'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:export\s+)?(?:abstract\s+)?class\s+(\w+)[^{]*\{([\s\S]*?)^\}/gm)) {
        const [, name, body] = m;
        if (!/@Api(?:Property|PropertyOptional|HideProperty)\b/.test(body) || /Query(Dto)?$/.test(name)) continue;
        where.set(name, [...(where.get(name) ?? []), file.slice(process.cwd().length + 1)]);
      }
    }
    const clashes = [...where].filter(([, paths]) => paths.length > 1).map(([name, paths]) => `${name}: ${paths.join(', ')}`);
    expect(clashes).toEqual([]);
    expect(where.size).toBeGreaterThan(50);
  });
});
