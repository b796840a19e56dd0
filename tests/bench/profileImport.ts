/**
 * Where a 100,000-record import spends its time, in Chromium: the import of sync.bench.ts
 * (the app's repositories in the test host's page) under the DevTools CPU profiler, then
 * self time summed per function and per source file, and the stage times the engine
 * reports. `npx tsx tests/bench/profileImport.ts [records]` (CWG_OUT_DIR as for the
 * bench). A tool for finding work to remove; the targets live in sync.bench.ts.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLargeBundle } from '../fixtures/bundles/large';
import { engineImport, inFreshPage, pageScript, rawBulkPut } from './sync.bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

const records = Number(process.argv[2] ?? 100_000);
const dir = await mkdtemp(join(tmpdir(), 'cwg-profile-import-'));
const bundle = await buildLargeBundle(records);
const file = join(dir, 'large.cwgbundle.json');
await writeFile(file, bundle.text);
const script = await pageScript();
const { figures, profile } = await inFreshPage(script, file, false, async (host, profileDir) => {
  const session = await host.context.newCDPSession(host.page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  const measured = await engineImport(host, profileDir, 'profile-import', true);
  const stopped = await session.send('Profiler.stop');
  return { figures: measured, profile: stopped.profile };
});
const raw = await inFreshPage(script, file, true, (host) => rawBulkPut(host.page, 'profile-raw'));
const nodes = profile.nodes as ProfileNode[];
const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of nodes) {
  const ms = (node.hitCount ?? 0) * interval;
  const where = node.callFrame.url.split('/').pop() ?? '';
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${String(node.callFrame.lineNumber + 1)}:${String(node.callFrame.columnNumber + 1)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  byFile.set(where || node.callFrame.functionName, (byFile.get(where || node.callFrame.functionName) ?? 0) + ms);
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${key}`)
    .join('\n');
console.log(`import ${figures.total.toFixed(0)} ms (check ${figures.check.toFixed(0)}, apply ${figures.apply.toFixed(0)}); raw bulkPut ${raw.toFixed(0)} ms`);
console.log(`stages: ${Object.entries(figures.stages)
  .map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`)
  .join(', ')}`);
console.log(`self time by file (setting up and the import):\n${top(byFile, 15)}`);
console.log(`self time by function:\n${top(byFunction, 45)}`);
