/**
 * A time zone's offset from UTC at an instant, from the platform's own tz database (Intl), so DST
 * rules follow the OS and Node's ICU. Offsets are cached per 15-minute block: every zone in use
 * changes its offset on a quarter hour.
 */
const BLOCK_MS = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the platform knows `timeZone` (an IANA name such as Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function computeOffset(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone` (+8 h for Asia/Shanghai). */
export function offsetAt(timeZone: string, at: number): number {
  let zone = cache.get(timeZone);
  if (!zone) {
    zone = new Map();
    cache.set(timeZone, zone);
  }
  const block = Math.floor(at / BLOCK_MS);
  let offset = zone.get(block);
  if (offset === undefined) {
    offset = computeOffset(timeZone, block * BLOCK_MS);
    zone.set(block, offset);
  }
  return offset;
}

/** A stretch of UTC time over which the zone's offset does not change. */
export interface OffsetPiece {
  from: number;
  to: number;
  offset: number;
}

const SAMPLE_MS = 3 * 60 * 60_000;

/**
 * `[from, to)` cut where the offset changes. Offsets are sampled every three hours (no zone changes
 * twice within that) and each change is found to its 15-minute block by bisection.
 */
export function offsetPieces(timeZone: string, from: number, to: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let start = from;
  let offset = offsetAt(timeZone, from);
  for (let probe = from; probe < to; ) {
    const next = Math.min(probe + SAMPLE_MS, to - 1);
    const nextOffset = offsetAt(timeZone, next);
    if (nextOffset !== offset) {
      // The first block at or after which the new offset holds.
      let low = Math.floor(probe / BLOCK_MS);
      let high = Math.floor(next / BLOCK_MS);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(timeZone, middle * BLOCK_MS) === offset) low = middle;
        else high = middle;
      }
      const change = high * BLOCK_MS;
      pieces.push({ from: start, to: change, offset });
      start = change;
      offset = nextOffset;
    }
    if (next >= to - 1) break;
    probe = next;
  }
  pieces.push({ from: start, to, offset });
  return pieces;
}
