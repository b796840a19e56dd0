/** The `cwg` command line: dispatches to the subcommands. */
const usage = `Usage: cwg <command> [options]

Commands:
  help        show this text
`;

function main(argv: string[]): number {
  const [command] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
