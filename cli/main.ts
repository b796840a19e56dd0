/**
 * The `cwg` command line: reports and bundles, headless, with the app's own code.
 * Each command's code is imported only when that command runs, so `cwg --help` (and a
 * mistyped command) answers without loading React, zod, the sync engine or Chromium's driver.
 */
import { reportUsage } from './reportUsage';

const usage = `Usage: cwg <command> [options]

Commands:
  report <kind> …      print reports to PDF (agenda, participants, sign-in, badges, mou,
                       meeting-report, certificates, book); several kinds at once into a folder
  validate FILE        check a sync bundle (exit 0 valid; exit 1 with the precise reason)
  inspect FILE         show a bundle's header and counts per table
  merge A B … --out F  combine several bundles into one
  help                 show this text

${reportUsage}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    case 'report': {
      const { runReportCommand } = await import('./report');
      return runReportCommand(rest);
    }
    case 'validate':
    case 'inspect':
    case 'merge': {
      const { bundleCommand } = await import('./bundle');
      const result = await bundleCommand(command, rest);
      const text = result.output.endsWith('\n') || result.output === '' ? result.output : `${result.output}\n`;
      (result.exitCode === 0 ? process.stdout : process.stderr).write(text);
      return result.exitCode;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
