/**
 * One config, four builds chosen by --mode:
 *   (default)     the React renderer        → out/renderer
 *   main          the Electron main process → out/main/main.cjs
 *   preload       the Electron preload      → out/preload/preload.cjs (sandboxed, so CommonJS)
 *   host-preload  the test host's preload   → out/test-host/preload.js (IIFE init script)
 *   cli           the `cwg` command         → out/cli/cwg.mjs (ES module; each command a lazy chunk)
 * `npm run build` runs all five. cli/cwg.mjs also builds the last one itself when it is
 * missing or older than its sources.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = import.meta.dirname;
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBuild(entry: string, outDir: string, fileName: string): UserConfig {
  return {
    root,
    publicDir: false,
    build: {
      ssr: resolve(root, entry),
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: nodeExternals,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, external: ['electron'] },
    // React's production build in main (report templates): the development one is slower.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  };
}

/**
 * The `cwg` command, prebuilt so it starts in well under a second (tsx compiled the
 * TypeScript at every call). Commands are separate chunks loaded when they run: `cwg --help`
 * loads only the entry. playwright-core stays in node_modules (it finds its own files at run
 * time); the report fonts are read from node_modules by reportFonts.ts, as before.
 */
function cliBuild(): UserConfig {
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'cli/main.ts'),
      outDir: resolve(root, 'out/cli'),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: [...nodeExternals, 'playwright-core', /^playwright-core\//],
        output: { format: 'es', entryFileNames: 'cwg.mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
    ssr: { noExternal: true, external: ['electron', 'playwright-core'] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'cli':
      return cliBuild();
    case 'main':
      return nodeBuild('electron/main/index.ts', 'out/main', 'main.cjs');
    case 'preload':
      return nodeBuild('electron/preload/index.ts', 'out/preload', 'preload.cjs');
    case 'host-preload':
      return {
        root,
        publicDir: false,
        build: {
          outDir: resolve(root, 'out/test-host'),
          emptyOutDir: true,
          minify: false,
          lib: {
            entry: resolve(root, 'electron/preload/testHostPreload.ts'),
            formats: ['iife'],
            name: 'cwgTestHostPreload',
            fileName: () => 'preload.js',
          },
        },
      };
    default:
      return {
        root: resolve(root, 'renderer'),
        base: './',
        publicDir: false,
        plugins: [react()],
        build: {
          outDir: resolve(root, 'out/renderer'),
          emptyOutDir: true,
          sourcemap: true,
          target: 'chrome130',
        },
        server: { host: '127.0.0.1' },
      };
  }
});
