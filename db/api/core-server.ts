/**
 * What the core process serves: one open workspace, the sessions of its connections, and the
 * answer to every message of the protocol (core-protocol.ts). core-process.ts wires it to whatever
 * started the process. Plain Node: it never imports electron.
 */
import { z } from 'zod';
import { callProcedure, type CallContextSource, type IpcResponse } from './call';
import { openCore, type Core } from './core';
import type { ControlMessage, CoreStatus, CoreToHost } from './core-protocol';
import { startHostServer, type HostBackend, type HostServer, type HostServerInfo } from '../host/host-server';
import { RemoteStaffSession } from '../host/remote-sessions';
import { changesSince } from '../system/changes';
import { StaffSession } from '../system/session';
import { isNetworkPath } from '../workspace/network-path';
import type { ApiContext } from './trpc';

const callSchema = z.strictObject({
  id: z.number().int(),
  type: z.enum(['query', 'mutation']),
  path: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'Not a procedure path'),
  input: z.unknown(),
  session: z.string().max(200).optional(),
});

/**
 * One connection into the core (a window, the browser host's connection): who is signed in on it
 * is kept here and put into the context each of its calls runs in.
 */
class Session implements CallContextSource {
  constructor(
    readonly id: string,
    private readonly getCore: () => Core | undefined,
    private readonly staff: StaffSession = new StaffSession(),
  ) {}

  context(): ApiContext {
    const core = this.getCore();
    if (!core) throw new Error('no workspace open');
    return core.context(this.staff);
  }
}

/** What a message arrived on, and how to answer on it. */
export type Reply = (message: CoreToHost) => void;

export class CoreServer {
  private core: Core | undefined;
  private readonly sessions = new Map<string, Session>();
  private readonly host = new Session('host', () => this.core);
  /** Serving other PCs (host mode), once the owner shared the workspace. */
  private hostServer: HostServer | undefined;

  status(): CoreStatus | null {
    return this.core ? { file: this.core.workspace.file, shared: this.core.workspace.shared, journalMode: this.core.workspace.journalMode } : null;
  }

  /** Answers one message from the host (or from a session's port, with `portSession` set). */
  async handle(raw: unknown, reply: Reply, portSession?: string): Promise<void> {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : -1;
    const session = portSession ?? ((raw as { session?: unknown } | null)?.session as string | undefined);
    const answer = (response: IpcResponse) => reply(session === undefined || portSession ? { id, ...response } : { id, session, ...response });
    if ((raw as { type?: unknown } | null)?.type === 'control' && portSession === undefined) {
      // A control message's `session` names the session it acts on; the answer goes to the host.
      const message = raw as ControlMessage;
      reply({ id, ...(message.op === 'share' ? await this.share(message) : await this.control(message)) });
      return;
    }
    const parsed = callSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      answer(refusal('BAD_REQUEST', 'VALIDATION', 'Malformed API request.', issues));
      return;
    }
    if (!this.core) {
      answer(refusal('PRECONDITION_FAILED', 'BUSY', 'No database is open right now; try again in a moment.'));
      return;
    }
    const target = session === undefined ? this.host : this.sessions.get(session);
    if (!target) {
      answer(refusal('FORBIDDEN', 'FORBIDDEN', 'This connection is not known to the core.'));
      return;
    }
    try {
      answer(await callProcedure(target, { type: parsed.data.type, path: parsed.data.path, input: parsed.data.input }));
    } catch (error) {
      process.stderr.write(`[rapport core] ${parsed.data.path}: ${error instanceof Error ? error.message : String(error)}\n`);
      answer(refusal('INTERNAL_SERVER_ERROR', 'INTERNAL', 'Something went wrong inside Rapport.'));
    }
  }

  /** Opens a port's session (Electron: one per window load); calls on that port run as it. */
  connect(session: string, staff?: StaffSession): Session {
    const created = new Session(session, () => this.core, staff);
    this.sessions.set(session, created);
    return created;
  }

  private async control(message: ControlMessage): Promise<IpcResponse> {
    switch (message.op) {
      case 'open':
        await this.unshare();
        return this.open(message);
      case 'close':
        await this.unshare();
        this.closeWorkspace();
        return { ok: true, data: null };
      case 'unshare':
        await this.unshare();
        return { ok: true, data: null };
      case 'pairingCode':
        if (!this.hostServer) return refusal('PRECONDITION_FAILED', 'BAD_REQUEST', 'This database is not shared on the network.');
        return { ok: true, data: this.hostServer.pairingCode() };
      case 'pairedClients':
        if (!this.hostServer) return refusal('PRECONDITION_FAILED', 'BAD_REQUEST', 'This database is not shared on the network.');
        return { ok: true, data: this.hostServer.pairedClients() };
      case 'unpair':
        if (!this.hostServer) return refusal('PRECONDITION_FAILED', 'BAD_REQUEST', 'This database is not shared on the network.');
        return { ok: true, data: this.hostServer.unpair(message.clientId) };
      case 'status':
        return { ok: true, data: this.status() };
      case 'connect':
        // A session without a port: the browser host's connection, its calls carry `session`.
        this.connect(message.session);
        return { ok: true, data: null };
      case 'disconnect':
        this.sessions.delete(message.session);
        return { ok: true, data: null };
      default:
        return refusal('BAD_REQUEST', 'BAD_REQUEST', 'Unknown control message.');
    }
  }

  /** Host mode: serves the open workspace to other PCs; only a file on this PC's own disk, in WAL. */
  private async share(message: Extract<ControlMessage, { op: 'share' }>): Promise<IpcResponse> {
    const workspace = this.core?.workspace;
    if (!workspace) return refusal('PRECONDITION_FAILED', 'BUSY', 'No database is open right now; try again in a moment.');
    if (workspace.shared || workspace.journalMode !== 'wal' || isNetworkPath(workspace.file)) {
      return refusal(
        'PRECONDITION_FAILED',
        'UNSAFE_SHARE',
        'Only a database on this PC’s own disk can be shared on the office network. Move it to this PC first; the other PCs then connect to this one.',
      );
    }
    await this.unshare();
    try {
      this.hostServer = await startHostServer({ address: message.address, port: message.port, dir: message.dir, backend: this.hostBackend() });
    } catch (error) {
      const raw = error as { code?: unknown; message?: unknown } | null;
      const text = typeof raw?.message === 'string' ? raw.message : String(error);
      if (raw?.code === 'VALIDATION') return refusal('BAD_REQUEST', 'VALIDATION', text);
      // EADDRINUSE, EACCES…: the system's code, for the owner's dialog.
      return { ok: false, error: { message: text, code: typeof raw?.code === 'string' ? raw.code : 'INTERNAL', data: { rapport: { code: 'INTERNAL' } } } };
    }
    const info: HostServerInfo = { address: this.hostServer.address, port: this.hostServer.port, fingerprint: this.hostServer.fingerprint };
    return { ok: true, data: info };
  }

  private async unshare(): Promise<void> {
    const current = this.hostServer;
    this.hostServer = undefined;
    await current?.close();
  }

  /** The host server's way in: each remote window a session of its own, calls answered as a port's are. */
  private hostBackend(): HostBackend {
    return {
      openSession: (session, pc) => void this.connect(session, new RemoteStaffSession(pc)),
      closeSession: (session) => void this.sessions.delete(session),
      call: (session, type, path, input) =>
        new Promise<IpcResponse>((resolve) => {
          void this.handle({ id: 0, type, path, input }, (message) => {
            const { id: _id, ...response } = message as { id: number } & IpcResponse;
            resolve(response as IpcResponse);
          }, session);
        }),
      latestSeq: () => (this.core ? changesSince(this.core.workspace, undefined).seq : null),
    };
  }

  private open(message: Extract<ControlMessage, { op: 'open' }>): IpcResponse {
    if (message.closeFirst) this.closeWorkspace();
    let next: Core;
    try {
      next = openCore(message.file, message.options ?? {});
    } catch (error) {
      // The raw code (NOT_RAPPORT, SQLITE_CANTOPEN, EACCES…) and message, for the host's dialog or refusal.
      const raw = error as { code?: unknown; message?: unknown } | null;
      const code = typeof raw?.code === 'string' ? raw.code : 'INTERNAL';
      const text = typeof raw?.message === 'string' ? raw.message : String(error);
      const known = ['NOT_FOUND', 'NOT_RAPPORT', 'SCHEMA_TOO_NEW', 'CORRUPT', 'UNSAFE_SHARE', 'HELD_ELSEWHERE', 'BUSY', 'READ_ONLY'];
      return { ok: false, error: { message: text, code, data: { rapport: { code: known.includes(code) ? (code as 'BUSY') : 'INTERNAL' } } } };
    }
    this.closeWorkspace();
    this.core = next;
    return { ok: true, data: this.status() };
  }

  closeWorkspace(): void {
    const current = this.core;
    this.core = undefined;
    try {
      current?.close();
    } catch (error) {
      process.stderr.write(`[rapport core] closing ${current?.workspace.file ?? '?'} failed: ${String(error)}\n`);
    }
  }
}

function refusal(trpcCode: string, code: 'BUSY' | 'FORBIDDEN' | 'VALIDATION' | 'INTERNAL' | 'BAD_REQUEST' | 'UNSAFE_SHARE', message: string, issues?: { path: string; message: string }[]): IpcResponse {
  return { ok: false, error: { message, code: trpcCode, data: { rapport: issues ? { code, issues } : { code } } } };
}
