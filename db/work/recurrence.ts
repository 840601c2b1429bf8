/**
 * The next due time of a repeating task, counted from its previous due time (not from when it was
 * completed), so a monthly renewal stays on the same day of the month. Months clamp to the last
 * day (31 Jan → 28/29 Feb → 31 Mar keeps the original day where it exists). Local time.
 */
export function nextOccurrence(dueAt: number, every: number, unit: 'day' | 'week' | 'month', anchorDay?: number): number {
  const due = new Date(dueAt);
  if (unit === 'day' || unit === 'week') {
    const next = new Date(due);
    next.setDate(due.getDate() + every * (unit === 'week' ? 7 : 1));
    return next.getTime();
  }
  const day = anchorDay ?? due.getDate();
  const target = new Date(due.getFullYear(), due.getMonth() + every, 1, due.getHours(), due.getMinutes(), due.getSeconds(), due.getMilliseconds());
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(day, lastDay));
  return target.getTime();
}
