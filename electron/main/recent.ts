import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJson } from './json-store';

export const MAX_RECENT = 10;

const recentSchema = z.object({
  files: z.array(z.string().min(1)).max(100),
  /** The workspace open when the app last closed; reopened on the next start. */
  last: z.string().min(1).nullable().optional(),
});

export interface RecentState {
  files: string[];
  last: string | null;
}

/** The recent-databases list, most recent first, kept in `recent.json` in the user-data folder. */
export class RecentFiles {
  private state: RecentState;
  readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent.json');
    const parsed = recentSchema.safeParse(readJson(this.file));
    this.state = parsed.success
      ? { files: dedupe(parsed.data.files).slice(0, MAX_RECENT), last: parsed.data.last ?? null }
      : { files: [], last: null };
  }

  get files(): readonly string[] {
    return this.state.files;
  }

  get last(): string | null {
    return this.state.last;
  }

  /** Records an opened workspace: moves it to the top and remembers it as the last one. */
  opened(file: string): void {
    const resolved = path.resolve(file);
    this.state = {
      files: dedupe([resolved, ...this.state.files]).slice(0, MAX_RECENT),
      last: resolved,
    };
    this.save();
  }

  remove(file: string): void {
    const resolved = path.resolve(file);
    this.state = {
      files: this.state.files.filter((entry) => !samePath(entry, resolved)),
      last: this.state.last && samePath(this.state.last, resolved) ? null : this.state.last,
    };
    this.save();
  }

  clear(): void {
    this.state = { files: [], last: this.state.last };
    this.save();
  }

  private save(): void {
    try {
      writeJson(this.file, this.state);
    } catch {
      // A read-only profile folder must not stop the app; the list just is not remembered.
    }
  }
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function dedupe(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) if (!out.some((entry) => samePath(entry, file))) out.push(file);
  return out;
}
