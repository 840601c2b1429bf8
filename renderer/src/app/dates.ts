/**
 * Local calendar helpers for the date and time fields (ui/DateFields.tsx, ui/MonthPicker.tsx speak
 * the user's local time as plain strings: YYYY-MM-DD, HH:MM, YYYY-MM-DDTHH:MM, YYYY-MM) and the
 * epoch milliseconds the core stores.
 */
const pad = (value: number) => String(value).padStart(2, '0');

/** YYYY-MM-DD of a moment, in local time. */
export function dateInputValue(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's YYYY-MM-DD on this PC (to compare with stored calendar dates). */
export function todayInputValue(): string {
  return dateInputValue(Date.now());
}

/** HH:MM of a moment, in local time. */
export function timeInputValue(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** YYYY-MM-DDTHH:MM of a moment, in local time. */
export function dateTimeInputValue(ms: number): string {
  return `${dateInputValue(ms)}T${timeInputValue(ms)}`;
}

/** A local date and time typed into inputs → epoch ms, or null when either is not a real value. */
export function parseLocalDateTime(date: string, time = '00:00'): number | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
  const value = new Date(year, month - 1, day, Number(timeMatch[1]), Number(timeMatch[2]));
  if (value.getFullYear() !== year || value.getMonth() !== month - 1 || value.getDate() !== day) return null;
  return value.getTime();
}

/** The value of a datetime-local input → epoch ms, or null. */
export function parseDateTimeInput(value: string): number | null {
  const [date = '', time = ''] = value.split('T');
  return parseLocalDateTime(date, time.slice(0, 5));
}

/** The local day around a moment: its first millisecond and the next day's first (exclusive end). */
export function localDay(ms = Date.now()): { dayStart: number; dayEnd: number } {
  const date = new Date(ms);
  const dayStart = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const dayEnd = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
  return { dayStart, dayEnd };
}

/** YYYY-MM of a moment, in local time. */
export function monthKey(ms = Date.now()): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** YYYY-MM moved by whole months. */
export function shiftMonth(key: string, delta: number): string {
  const [year = 1970, month = 1] = key.split('-').map(Number);
  const date = new Date(year, month - 1 + delta, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** Milliseconds → "3 d 4 h" style parts, for time spent in a stage. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
