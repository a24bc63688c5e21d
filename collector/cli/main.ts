// drift-collector: command dispatch and the one place errors become exit codes.
import { runCli } from '../../common/cli-dispatch.js';
import { policyCommand } from './policy-command.js';
import { serveCommand } from './serve-command.js';
import { approveCommand, denyCommand, terminationsCommand } from './termination-commands.js';
import { eventsCommand, hostCommand, hostsCommand } from './host-commands.js';
import { reportCommand } from './report-command.js';
import { tokenCommand } from './token-command.js';

const HELP = `Usage: drift-collector <command> [options]

The driftwatch collector: enrollment, signed event ingest, policy verdicts,
host states and the operator API, on an embedded SQLite database.

Commands:
  serve         run the collector
  policy        test a policy on events, check a policy file, print the default policy
  token         create, list or revoke operator API tokens (directly in the database)
  hosts         list the enrolled hosts (from a running collector, like the commands below)
  host          show one host: facts, state, baseline, termination in flight
  events        list a host's drift events with their verdicts and rules
  report        a drift report of a host, an image group or a time range (markdown, html, json, csv)
  terminations  list terminations and what the governor decided (from a running collector)
  approve       approve a termination the governor held for a responder
  deny          deny a termination the governor held for a responder

Run 'drift-collector <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  return runCli({
    name: 'drift-collector', help: HELP, usageCode: 'COLLECTOR_USAGE', internalCode: 'COLLECTOR_INTERNAL',
    commands: {
      serve: serveCommand, policy: policyCommand, token: tokenCommand,
      terminations: terminationsCommand, approve: approveCommand, deny: denyCommand,
      hosts: hostsCommand, host: hostCommand, events: eventsCommand, report: reportCommand,
    },
  }, argv);
}
