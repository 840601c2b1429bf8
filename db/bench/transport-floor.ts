/**
 * The floor under the bench's port column: a round trip over the same kind of channel the core
 * process is called on (a Node child's IPC channel, structured clone as a MessagePort carries it),
 * with the same payload, and nothing behind it but an echo. What the port column adds over this is
 * the core's own work in its process (parsing the message, the call, GC there); what this adds over
 * zero is serialization, the pipe and waking a process on the other core.
 */
import { spawn } from 'node:child_process';
import { compare, type Timing } from './measure';

const ECHO = "process.on('message', (message) => process.send(message)); process.on('disconnect', () => process.exit(0));";

export async function measureTransportFloor(payload: unknown, runs: number): Promise<Timing> {
  const child = spawn(process.execPath, ['-e', ECHO], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let next = 0;
    const roundTrip = () =>
      new Promise<void>((resolve) => {
        const id = ++next;
        const answered = (message: { id?: number }) => {
          if (message.id !== id) return;
          child.off('message', answered);
          resolve();
        };
        child.on('message', answered);
        child.send({ id, ok: true, data: payload });
      });
    const { timings } = await compare(runs, { raw: roundTrip });
    return timings.raw!;
  } finally {
    child.disconnect();
    await exited;
  }
}
