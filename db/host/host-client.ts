/**
 * A PC's way into a Rapport host (host-server.ts), in plain Node: pairing, calls and the pushed
 * change feed, every connection pinned to the host certificate seen at pairing. Tests use it
 * directly; the browser host and Electron main carry their windows' calls through it.
 */
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import type http from 'node:http';
import os from 'node:os';
import tls from 'node:tls';
import type { IpcResponse } from '../api/call';
import type { ProcedureType } from '../api/core-protocol';
import { CREDENTIAL_SCHEME, HOST_PATHS, WINDOW_SESSION_HEADER, type ChangeEvent, type PairResponse } from './protocol';

export interface HostAddress {
  host: string;
  port: number;
}

/** What a client keeps after pairing (in its user data): where the host is, what it pinned, its credential. */
export interface HostPairing extends HostAddress {
  /** SHA-256 of the host certificate, `AB:CD:…`. */
  fingerprint: string;
  /** The pinned certificate itself (PEM): TLS verifies the chain against it, the fingerprint names it. */
  certificate: string;
  clientId: string;
  credential: string;
}

const CONNECT_TIMEOUT_MS = 5_000;
const RECONNECT_MS = 500;

/** The host did not answer: the socket failed, or the certificate is not the one pinned. */
export class HostUnreachableError extends Error {
  constructor(
    message: string,
    /** True when no request reached the host (connection refused, pin refused): nothing was run there. */
    readonly notSent: boolean,
  ) {
    super(message);
    this.name = 'HostUnreachableError';
  }
}

/** The certificate a host presents, unverified: what pairing shows and pins. */
export function fetchHostCertificate(address: HostAddress): Promise<{ certificate: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address.host, port: address.port, rejectUnauthorized: false, timeout: CONNECT_TIMEOUT_MS }, () => {
      const raw = socket.getPeerCertificate(true).raw;
      socket.end();
      const parsed = new X509Certificate(raw);
      resolve({ certificate: parsed.toString(), fingerprint: parsed.fingerprint256 });
    });
    socket.once('timeout', () => socket.destroy(new Error('The Rapport host did not answer in time.')));
    socket.once('error', (error) => reject(new HostUnreachableError(`Cannot reach a Rapport host at ${address.host}:${address.port}: ${error.message}`, true)));
  });
}

/**
 * Pairs this PC with a host using the code shown there; pins the certificate it presented. Throws
 * the host's refusal (`{ code: 'FORBIDDEN' }` for a wrong, used or expired code).
 */
export async function pairWithHost(address: HostAddress, code: string, pc = os.hostname()): Promise<HostPairing> {
  const { certificate, fingerprint } = await fetchHostCertificate(address);
  const agent = pinnedAgent({ certificate, fingerprint }, false);
  try {
    const { status, body } = await request(agent, address, 'POST', HOST_PATHS.pair, {}, JSON.stringify({ code, pc }));
    const answer = JSON.parse(body) as PairResponse | IpcResponse;
    if (status !== 200 || !('credential' in answer)) {
      const refusal = answer as Extract<IpcResponse, { ok: false }>;
      throw Object.assign(new Error(refusal.error?.message ?? `The host refused pairing (${status}).`), { code: refusal.error?.data.rapport.code ?? 'INTERNAL' });
    }
    return { ...address, fingerprint, certificate, clientId: answer.clientId, credential: answer.credential };
  } finally {
    agent.destroy();
  }
}

/** Calls and the change feed of one paired PC; each window names its own session. */
export class HostConnection {
  private readonly agent: https.Agent;
  private readonly feeds = new Set<() => void>();

  constructor(readonly pairing: HostPairing) {
    this.agent = pinnedAgent(pairing, true);
  }

  /** One procedure call as window `windowSession`; errors come back as `{ ok: false }`, a lost host as HOST_UNREACHABLE. */
  async call(windowSession: string, type: ProcedureType, path: string, input?: unknown): Promise<IpcResponse> {
    try {
      const { body } = await request(this.agent, this.pairing, 'POST', HOST_PATHS.call, this.headers({ [WINDOW_SESSION_HEADER]: windowSession }), JSON.stringify({ type, path, input }));
      return JSON.parse(body) as IpcResponse;
    } catch (error) {
      return unreachable(error);
    }
  }

  /**
   * Follows the host's change feed: `listener` gets the feed's position at connect and after every
   * write; after a lost connection it reconnects by itself. Returns the way to stop.
   */
  watchChanges(listener: (event: ChangeEvent) => void, onState?: (connected: boolean) => void): () => void {
    let stopped = false;
    let current: http.ClientRequest | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      if (stopped) return;
      const req = https.request({ host: this.pairing.host, port: this.pairing.port, path: HOST_PATHS.changes, method: 'GET', agent: this.agent, headers: this.headers({ Accept: 'text/event-stream' }) });
      current = req;
      const again = () => {
        onState?.(false);
        if (!stopped && current === req) retry = setTimeout(connect, RECONNECT_MS);
      };
      req.on('response', (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          again();
          return;
        }
        onState?.(true);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) listener(JSON.parse(data) as ChangeEvent);
          }
        });
        res.on('end', again);
        res.on('error', () => undefined);
      });
      req.on('error', again);
      req.end();
    };
    const stop = () => {
      stopped = true;
      clearTimeout(retry);
      current?.destroy();
      this.feeds.delete(stop);
    };
    this.feeds.add(stop);
    connect();
    return stop;
  }

  close(): void {
    for (const stop of [...this.feeds]) stop();
    this.agent.destroy();
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { Authorization: `${CREDENTIAL_SCHEME} ${this.pairing.credential}`, ...extra };
  }
}

/**
 * Connections that accept the pinned certificate and nothing else: TLS verifies the chain against
 * it alone (so a certificate it did not sign fails the handshake), and the fingerprint must match
 * before a byte of a request is sent. The host name is not checked: the pin says who the host is.
 */
function pinnedAgent(pin: { certificate: string; fingerprint: string }, keepAlive: boolean): https.Agent {
  return new https.Agent({
    keepAlive,
    maxSockets: 16,
    ca: [pin.certificate],
    minVersion: 'TLSv1.3',
    timeout: 60_000,
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pin.fingerprint ? undefined : new Error('The host presented a certificate other than the one pinned at pairing.')),
  });
}

function request(agent: https.Agent, address: HostAddress, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let sent = false;
    const req = https.request(
      { host: address.host, port: address.port, path, method, agent, headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => reject(new HostUnreachableError(error.message, false)));
      },
    );
    // Once the handshake passed the pin, the request may have reached the host.
    req.on('socket', (socket) => {
      if (socket.connecting) socket.once('secureConnect', () => (sent = true));
      else sent = true; // a kept-alive connection, already past the pin
    });
    req.on('error', (error) => reject(new HostUnreachableError(error.message, !sent)));
    req.end(body);
  });
}

function unreachable(error: unknown): IpcResponse {
  const lost = error instanceof HostUnreachableError ? error : new HostUnreachableError(String(error), false);
  const message = lost.notSent
    ? `The Rapport host did not answer (${lost.message}); nothing was sent.`
    : `The connection to the Rapport host broke (${lost.message}); a change may or may not have been saved there.`;
  return { ok: false, error: { message, code: 'SERVICE_UNAVAILABLE', data: { rapport: { code: 'HOST_UNREACHABLE' } } } };
}
