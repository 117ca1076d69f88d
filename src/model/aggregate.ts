import type { Located } from '../load/project.js';
import type { Activity } from '../schema/notes.js';

/** The numeric fields of an activity that {{sum}} can add up. */
export const SUMMABLE_FIELDS = ['people', 'count'] as const;
export type SummableField = (typeof SUMMABLE_FIELDS)[number];

function hasAnyTag(activity: Activity, tags: readonly string[]): boolean {
  if (tags.length === 0) return true;
  for (const tag of activity.tags ?? []) if (tags.includes(tag)) return true;
  return false;
}

// Loops rather than filter(): a figure over 100,000 activities should not copy them to count them.

/** How many activities carry any of the tags (all activities when no tag is given). */
export function countActivities(activities: readonly Activity[], tags: readonly string[]): number {
  let count = 0;
  for (const activity of activities) if (hasAnyTag(activity, tags)) count++;
  return count;
}

/** The sum of a numeric field over the activities that carry any of the tags. */
export function sumActivities(activities: readonly Activity[], field: SummableField, tags: readonly string[]): number {
  let total = 0;
  for (const activity of activities) if (hasAnyTag(activity, tags)) total += activity[field] ?? 0;
  return total;
}

/** The entries whose activity carries any of the tags (all of them when no tag is given). */
export function activitiesTagged(entries: readonly Located<Activity>[], tags: readonly string[]): Located<Activity>[] {
  return entries.filter((entry) => hasAnyTag(entry.value, tags));
}
