/**
 * Opening or creating another database by path, for the browser host's `/host/open-database`
 * (Settings). Electron does the same from its File menu with native dialogs; here a person types a
 * path, so the host checks it first and turns every refusal into a code the UI translates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rapportErrorFromSystem } from '../../db/errors';
import { openDatabaseInput, type OpenDatabaseError, type OpenDatabaseErrorCode, type OpenDatabaseInput } from '../../db/contract/host';

/** A refusal the host reports to the page as `{ error: { code, message, file } }`. */
export class OpenDatabaseRefusal extends Error {
  constructor(
    readonly code: OpenDatabaseErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'OpenDatabaseRefusal';
  }

  toJSON(): OpenDatabaseError {
    return { code: this.code, message: this.message, ...(this.file ? { file: this.file } : {}) };
  }
}

/** `~/shop.db` is in the home folder; a bare or relative name is beside the open database. */
export function resolveDatabasePath(typed: string, currentFile: string): string {
  const value = typed.trim();
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) return path.resolve(os.homedir(), value.slice(2));
  return path.resolve(path.dirname(currentFile), value);
}

/** What can be said about the path before the core touches it (the core then checks the content). */
export function checkDatabasePath(file: string, create: boolean): void {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw accessRefusal(error, file);
  }
  if (stats?.isDirectory()) throw new OpenDatabaseRefusal('IS_FOLDER', `${file} is a folder, not a database file.`, file);
  if (create) {
    if (stats && stats.size > 0) throw new OpenDatabaseRefusal('FILE_EXISTS', `${file} already exists; Rapport never replaces a file.`, file);
    const folder = path.dirname(file);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      throw new OpenDatabaseRefusal('NO_FOLDER', `The folder ${folder} does not exist.`, file);
    }
    try {
      fs.accessSync(folder, fs.constants.W_OK);
    } catch (error) {
      throw accessRefusal(error, file);
    }
  } else if (!stats) {
    throw new OpenDatabaseRefusal('NOT_FOUND', `There is no file at ${file}.`, file);
  }
}

/** Maps what `openCore` threw (a RapportError with the core's code, or a system error) to a refusal. */
export function refusalFromOpenError(error: unknown, file: string): OpenDatabaseRefusal {
  if (error instanceof OpenDatabaseRefusal) return error;
  // Raw SQLITE_CORRUPT/NOTADB (a damaged file) and SQLITE_FULL/ENOSPC get the core's codes and words.
  const raw = (rapportErrorFromSystem(error, path.basename(file)) ?? error) as { code?: unknown; message?: unknown } | null;
  const message = typeof raw?.message === 'string' && raw.message ? raw.message : String(error);
  const code = typeof raw?.code === 'string' ? raw.code : '';
  const fromCore: readonly string[] = ['NOT_FOUND', 'NOT_RAPPORT', 'SCHEMA_TOO_NEW', 'CORRUPT', 'UNSAFE_SHARE', 'HELD_ELSEWHERE', 'BUSY', 'DISK_FULL'];
  if (fromCore.includes(code)) return new OpenDatabaseRefusal(code as OpenDatabaseErrorCode, message, file);
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) return accessRefusal(error, file);
  return new OpenDatabaseRefusal('INTERNAL', message, file);
}

function accessRefusal(error: unknown, file: string): OpenDatabaseRefusal {
  const message = error instanceof Error ? error.message : String(error);
  return new OpenDatabaseRefusal('NO_ACCESS', `Rapport may not use ${file}: ${message}`, file);
}

/** The request body, checked: `{ path, create }` (see `openDatabaseInput`). */
export function parseOpenDatabaseInput(body: unknown): OpenDatabaseInput {
  const parsed = openDatabaseInput.safeParse(body);
  if (!parsed.success) throw new OpenDatabaseRefusal('VALIDATION', 'Give the path of a database file.');
  return parsed.data;
}
