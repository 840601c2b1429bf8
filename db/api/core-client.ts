/**
 * The host side of the core process: starts db/api/core-process.ts as a child and calls it over
 * the message protocol (core-protocol.ts). The browser host, the tests and the bench use it in
 * plain Node; Electron main uses the same client over a utilityProcess (electron/main/core-host.ts).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IpcResponse } from './call';
import type { ControlRequest, CoreOpenOptions, CoreStatus, CoreToHost, HostToCore, ProcedureType } from './core-protocol';

/** The parent's handle on a core process, whatever started it (child_process, utilityProcess, a test double). */
export interface CoreChannel {
  readonly pid: number | undefined;
  post(message: HostToCore, transfer?: unknown[]): void;
  onMessage(listener: (message: CoreToHost) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/** Why a call got no answer: the core process stopped (or was stopped) before it replied. */
export class CoreStoppedError extends Error {
  constructor(readonly exitCode: number | null, readonly signal: string | null) {
    super(`The Rapport core process stopped (${signal ?? `exit code ${exitCode}`}).`);
    this.name = 'CoreStoppedError';
  }
}

/** The answer a call gets when the core died under it: a stable code, no hang. */
export function coreStoppedResponse(error: CoreStoppedError): IpcResponse {
  return { ok: false, error: { message: `${error.message} Nothing more was saved; try again.`, code: 'INTERNAL_SERVER_ERROR', data: { rapport: { code: 'INTERNAL' } } } };
}

export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, (response: IpcResponse) => void>();
  private stopped: CoreStoppedError | undefined;
  private readonly stopListeners: ((error: CoreStoppedError) => void)[] = [];
  private closing = false;
  /** Resolves once the core listens; rejects if it stopped first. */
  readonly ready: Promise<void>;

  constructor(private readonly channel: CoreChannel) {
    let markReady!: () => void;
    let failReady!: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.ready.catch(() => undefined);
    channel.onMessage((message) => {
      if ('type' in message && message.type === 'ready') {
        markReady();
        return;
      }
      const response = message as { id: number } & IpcResponse;
      const settle = this.pending.get(response.id);
      if (!settle) return;
      this.pending.delete(response.id);
      const { id: _id, session: _session, ...rest } = response as { id: number; session?: string } & IpcResponse;
      settle(rest as IpcResponse);
    });
    channel.onExit((code, signal) => {
      const error = new CoreStoppedError(code, signal);
      this.stopped = error;
      failReady(error);
      for (const settle of this.pending.values()) settle(coreStoppedResponse(error));
      this.pending.clear();
      if (!this.closing) for (const listener of this.stopListeners) listener(error);
    });
  }

  get pid(): number | undefined {
    return this.channel.pid;
  }

  /** True once the process has exited. */
  get hasStopped(): boolean {
    return this.stopped !== undefined;
  }

  /** Told when the core stops without being asked to (a crash, a kill). */
  onUnexpectedStop(listener: (error: CoreStoppedError) => void): void {
    this.stopListeners.push(listener);
  }

  /** One procedure call; errors come back as `{ ok: false, error }`, never thrown. */
  call(type: ProcedureType, path: string, input: unknown, session?: string): Promise<IpcResponse> {
    return this.send({ type, path, input, ...(session === undefined ? {} : { session }) });
  }

  control(request: ControlRequest, transfer?: unknown[]): Promise<IpcResponse> {
    return this.send({ type: 'control', ...request }, transfer);
  }

  /** Opens a file in the core; throws `{ code, message }` (NOT_RAPPORT, SCHEMA_TOO_NEW, EACCES…) when refused. */
  async open(file: string, options: CoreOpenOptions = {}, closeFirst = false): Promise<CoreStatus> {
    const response = await this.control({ op: 'open', file, options, ...(closeFirst ? { closeFirst } : {}) });
    if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code });
    return response.data as CoreStatus;
  }

  /** Closes the workspace and ends the process; resolves once it exited (killed after `timeoutMs`). */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.closing = true;
    const exited = new Promise<void>((resolve) => this.channel.onExit(() => resolve()));
    await Promise.race([this.control({ op: 'close' }), exited]);
    if (!this.stopped) this.channel.kill();
    const timer = setTimeout(() => this.channel.kill(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private send(message: WithoutId<HostToCore>, transfer?: unknown[]): Promise<IpcResponse> {
    if (this.stopped) return Promise.resolve(coreStoppedResponse(this.stopped));
    const id = this.nextId++;
    return new Promise<IpcResponse>((resolve) => {
      this.pending.set(id, resolve);
      this.channel.post({ ...message, id } as HostToCore, transfer);
    });
  }
}

/** A union member without its `id` (a plain Omit would merge the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const require = createRequire(import.meta.url);

/** The core entry, from the source tree (run through tsx) unless a bundled one is named. */
export function coreEntryFromSource(): string {
  return fileURLToPath(new URL('./core-process.ts', import.meta.url));
}

/** Node flags a child needs to run `entry`: the tsx loader for TypeScript sources. */
export function execArgvFor(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', pathToFileURL(require.resolve('tsx')).href] : [];
}

/**
 * Where the core's compiled code is kept between starts (Node's compile cache, checked against the
 * source's hash, so a rebuilt core is compiled afresh): compiling the 1.2 MB bundled core is about a
 * quarter of its start. NODE_COMPILE_CACHE, when set, wins.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), 'rapport-compile-cache');
}

/** Starts the core as a plain Node child process with an IPC channel. */
export function forkCoreProcess(entry = coreEntryFromSource()): CoreClient {
  const child = fork(entry, [], {
    execArgv: execArgvFor(entry),
    env: { ...process.env, NODE_COMPILE_CACHE: compileCacheDir() },
    // Structured clone, as a MessagePort carries it in Electron: undefined, Maps and big ints survive.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new CoreClient({
    pid: child.pid,
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as CoreToHost)),
    onExit: (listener) => {
      if (child.exitCode !== null || child.signalCode !== null) listener(child.exitCode, child.signalCode);
      else child.once('exit', listener);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  });
}

export interface CoreConnection {
  /** One procedure call, answered in callProcedure's shape. */
  call(type: ProcedureType, path: string, input?: unknown): Promise<IpcResponse>;
  readonly status: CoreStatus;
  readonly client: CoreClient;
  close(): Promise<void>;
}

/**
 * Starts a core process on `file` and returns a small client for it (for the bench and for
 * scripts): `const core = await connectCore('shop.db'); await core.call('query', 'system.workspace.info')`.
 */
export async function connectCore(file: string, options: CoreOpenOptions = {}, entry?: string): Promise<CoreConnection> {
  const client = forkCoreProcess(entry);
  try {
    await client.ready;
    const status = await client.open(file, options);
    return { call: (type, path, input) => client.call(type, path, input), status, client, close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
