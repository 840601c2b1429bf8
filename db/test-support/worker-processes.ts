/** Other OS processes in tests (other PCs, other clients): started with tsx, reporting one line per event on stdout. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Worker {
  child: ChildProcess;
  lines: string[];
  exit: Promise<number | null>;
}

export function startWorker(script: string, ...args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (buffer) lines.push(buffer);
      if (code !== 0 && code !== null && stderr) console.error(stderr);
      resolve(code);
    }),
  );
  return { child, lines, exit };
}

/** The writes a worker reported as committed: `ack ID NAME` lines. */
export function acknowledged(worker: Worker): { id: number; name: string }[] {
  return worker.lines
    .filter((line) => line.startsWith('ack '))
    .map((line) => {
      const [, id, name] = line.split(' ');
      return { id: Number(id), name: name! };
    });
}
