import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJson } from './json-store';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect | null;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

const stateSchema = z.object({
  bounds: z
    .object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() })
    .nullable(),
  maximized: z.boolean(),
});

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

export function loadWindowState(userDataDir: string): WindowState {
  const parsed = stateSchema.safeParse(readJson(windowStateFile(userDataDir)));
  return parsed.success ? parsed.data : { bounds: null, maximized: false };
}

export function saveWindowState(userDataDir: string, state: WindowState): void {
  writeJson(windowStateFile(userDataDir), state);
}

/**
 * Where to put the window: the remembered bounds when they still fit on a connected display
 * (a monitor may have been unplugged since), clamped to that display's work area; otherwise the
 * default size, centred by the caller.
 */
export function placeWindow(saved: Rect | null, workAreas: Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const area = workAreas
    .map((candidate) => ({ candidate, overlap: overlapArea(saved, candidate) }))
    .sort((a, b) => b.overlap - a.overlap)[0];
  // Require a usable part of the title bar region to be visible, not just a sliver of the window.
  if (!area || area.overlap < Math.min(saved.width * saved.height, 100 * 100)) return { ...DEFAULT_SIZE };
  const wa = area.candidate;
  const width = clamp(saved.width, MIN_SIZE.width, wa.width);
  const height = clamp(saved.height, MIN_SIZE.height, wa.height);
  const x = clamp(saved.x, wa.x, wa.x + wa.width - width);
  const y = clamp(saved.y, wa.y, wa.y + wa.height - height);
  return { x, y, width, height };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
