// drift-collector: the fleet-side service. This build ships the agent's
// fingerprint engine only; the collector's commands are not implemented yet,
// and saying so plainly beats pretending to serve.
const HELP = `Usage: drift-collector <command> [options]

The driftwatch collector (ingest, store, policy, API) is not part of this
build yet. Use drift-agent scan and drift-agent check on a host.`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`drift-collector: error [COLLECTOR_NOT_AVAILABLE]: ${JSON.stringify(command)} is not available in this build\n`);
  return 2;
}
