// Snooze presets, computed in the user's local time.

export type SnoozePreset = 'hour' | 'tomorrow' | 'nextWeek';

/** 1 hour from now; tomorrow 09:00; next Monday 09:00. */
export function snoozeUntil(preset: SnoozePreset, now: Date = new Date()): Date {
  if (preset === 'hour') return new Date(now.getTime() + 3600_000);
  const date = new Date(now);
  date.setHours(9, 0, 0, 0);
  if (preset === 'tomorrow') {
    date.setDate(date.getDate() + 1);
    return date;
  }
  const daysToMonday = ((8 - date.getDay()) % 7) || 7;
  date.setDate(date.getDate() + daysToMonday);
  return date;
}
