// package.json's `dependencies` are exactly the packages the app loads: the modules reachable
// from the renderer, main-process and preload entry points. electron-builder ships
// `dependencies` and leaves `devDependencies` out, so the installer holds what runs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ENTRIES = ['renderer/main.tsx', 'electron/main/index.ts', 'electron/preload/index.ts'];
/** Static imports and re-exports at the start of a line (`from` outside any string), side-effect imports, dynamic imports. */
const IMPORT = /^[ \t]*(?:import|export)\b([^;'"`]*?)\bfrom\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

/** Bare package names imported (not `import type`) by the code reachable from the entries. */
function packagesLoadedByApp(): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = ENTRIES.map((entry) => resolve(root, entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[2] ?? match[3] ?? match[4] ?? '';
      // `import type …` is erased at build time: nothing is loaded.
      if (/^\s*type\s/.test(match[1] ?? '')) continue;
      if (specifier.startsWith('.')) {
        const local = resolveLocal(file, specifier);
        if (local) queue.push(local);
      } else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? `${parts[0] ?? ''}/${parts[1] ?? ''}` : (parts[0] ?? ''));
      }
    }
  }
  return packages;
}

const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

describe('runtime dependencies', () => {
  const loaded = packagesLoadedByApp();

  it('finds the app\'s packages (the walk is not empty)', () => {
    for (const name of ['react', 'react-dom', 'dexie', 'zustand', 'zod', 'electron']) expect(loaded).toContain(name);
  });

  it('lists in `dependencies` exactly what the app loads, Electron itself aside', () => {
    const runtime = [...loaded].filter((name) => name !== 'electron').sort();
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(runtime);
  });

  it('keeps Electron and the build and test tools in devDependencies', () => {
    // electron-builder refuses `electron` in dependencies: the binary is not an npm module.
    expect(manifest.devDependencies).toHaveProperty('electron');
    for (const name of ['vite', 'vitest', 'electron-builder', '@electron/fuses', 'playwright-core', 'typescript']) expect(manifest.devDependencies).toHaveProperty(name);
    const both = Object.keys(manifest.dependencies ?? {}).filter((name) => Object.hasOwn(manifest.devDependencies ?? {}, name));
    expect(both).toEqual([]);
  });
});
