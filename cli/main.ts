/** The `cwg` command line: reports and bundles, headless, with the app's own code. */
import { bundleCommand } from './bundle';
import { reportUsage, runReportCommand } from './report';

const usage = `Usage: cwg <command> [options]

Commands:
  report <kind> …      print a report to PDF (agenda, participants, mou, meeting-report, certificates)
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
    case 'report':
      return runReportCommand(rest);
    case 'validate':
    case 'inspect':
    case 'merge': {
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
