import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST_PORT } from '../../db/host/protocol';

export const USAGE = `Usage: npm run start:browser -- [--db FILE] [--port N] [--no-open] [--shared]
                                     [--share ADDRESS[:PORT]] [--connect HOST[:PORT] [--code CODE]]

  --db FILE    the workspace to open (created if missing); default: rapport.db in the user-data folder
  --port N     the port on 127.0.0.1 (0, the default, picks a free one)
  --no-open    print the address but do not open the system browser
  --shared     mark the workspace as shared by several PCs (rollback journal, full sync)
  --share ADDRESS[:PORT]
               host mode: serve this database to the office network on ADDRESS (one of this PC's
               own addresses; port ${DEFAULT_HOST_PORT} by default) and print a pairing code
  --connect HOST[:PORT]
               work on the database of the Rapport host at HOST instead of a file here
  --code CODE  the pairing code shown on that host (needed the first time only)
  --help       show this text`;

export interface CliOptions {
  dbFile: string | undefined;
  port: number;
  open: boolean;
  shared: boolean;
  /** Host mode: the address (and port) to serve the database on. */
  share: { address: string; port: number } | undefined;
  /** Client of another PC's host. */
  connect: { host: string; port: number } | undefined;
  code: string | undefined;
  help: boolean;
}

/** `ADDRESS`, `ADDRESS:PORT` or `[IPv6]:PORT`. */
function parseAddress(flag: string, value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(value.trim());
  const port = match?.[3] === undefined ? DEFAULT_HOST_PORT : Number(match[3]);
  if (!match || port < 1 || port > 65535) throw new Error(`--${flag} takes an address with an optional port (192.168.1.20 or 192.168.1.20:${DEFAULT_HOST_PORT}), not "${value}".`);
  return { host: match[1] ?? match[2]!, port };
}

/** Parses the browser host's command line; throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[], cwd: string = process.cwd()): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      shared: { type: 'boolean', default: false },
      share: { type: 'string' },
      connect: { type: 'string' },
      code: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`Unexpected argument: ${positionals[0]}`);
  let port = 0;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    port = Number(values.port);
  }
  if (values.db !== undefined && values.db.trim() === '') throw new Error('--db needs a file name.');
  if (values.connect !== undefined && (values.db !== undefined || values.share !== undefined || values.shared)) {
    throw new Error('--connect works on the host’s database: it does not go with --db, --share or --shared.');
  }
  if (values.code !== undefined && values.connect === undefined) throw new Error('--code goes with --connect.');
  const share = values.share === undefined ? undefined : parseAddress('share', values.share);
  return {
    dbFile: values.db === undefined ? undefined : path.resolve(cwd, values.db),
    port,
    open: !values['no-open'],
    shared: values.shared,
    share: share && { address: share.host, port: share.port },
    connect: values.connect === undefined ? undefined : parseAddress('connect', values.connect),
    code: values.code,
    help: values.help,
  };
}
