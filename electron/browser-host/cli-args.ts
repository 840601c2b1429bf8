import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run start:browser -- [--db FILE] [--port N] [--no-open] [--shared]

  --db FILE    the workspace to open (created if missing); default: rapport.db in the user-data folder
  --port N     the port on 127.0.0.1 (0, the default, picks a free one)
  --no-open    print the address but do not open the system browser
  --shared     mark the workspace as shared by several PCs (rollback journal, full sync)
  --help       show this text`;

export interface CliOptions {
  dbFile: string | undefined;
  port: number;
  open: boolean;
  shared: boolean;
  help: boolean;
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
  return {
    dbFile: values.db === undefined ? undefined : path.resolve(cwd, values.db),
    port,
    open: !values['no-open'],
    shared: values.shared,
    help: values.help,
  };
}
