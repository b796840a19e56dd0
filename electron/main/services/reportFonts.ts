/**
 * The report fonts read from node_modules (@fontsource packages): for every host that runs
 * from a checkout (the test host, the command line, benchmarks, `npm start` before
 * packaging). The packaged app has no node_modules; it gets the same bytes compiled into
 * its bundle instead (reportFontsInline.ts, wired in electronPorts.ts). A unit test checks
 * that both loaders give identical fonts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { REPORT_FONT_FACES, type EmbeddedFont, type ReportFontLoader } from '../../../shared/reports/fonts';

let loaded: Promise<readonly EmbeddedFont[]> | null = null;

async function readFonts(): Promise<readonly EmbeddedFont[]> {
  // Created on first use: a bundle that never calls this loader never evaluates it.
  const require = createRequire(import.meta.url);
  return Promise.all(
    REPORT_FONT_FACES.map(async (face) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(require.resolve(face.file));
      } catch (error) {
        throw new Error(
          `The report font ${face.file} cannot be read (${error instanceof Error ? error.message : String(error)}). Run "npm ci" in the CWG Desk folder.`,
          { cause: error },
        );
      }
      return { ...face, dataUrl: `data:font/woff2;base64,${bytes.toString('base64')}` };
    }),
  );
}

/** Reads the fonts once per process; a failed read is retried on the next call. */
export const loadNodeReportFonts: ReportFontLoader = () => {
  const promise = loaded ?? readFonts();
  loaded = promise;
  promise.catch(() => {
    if (loaded === promise) loaded = null;
  });
  return promise;
};
