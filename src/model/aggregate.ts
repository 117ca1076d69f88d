import type { Located } from '../load/project.js';
import type { Activity } from '../schema/notes.js';

/** The numeric fields of an activity that {{sum}} can add up. */
export const SUMMABLE_FIELDS = ['people', 'count'] as const;
export type SummableField = (typeof SUMMABLE_FIELDS)[number];

function hasAnyTag(activity: Activity, tags: readonly string[]): boolean {
  return tags.length === 0 || (activity.tags ?? []).some((tag) => tags.includes(tag));
}

/** How many activities carry any of the tags (all activities when no tag is given). */
export function countActivities(activities: readonly Activity[], tags: readonly string[]): number {
  return activities.filter((activity) => hasAnyTag(activity, tags)).length;
}

/** The sum of a numeric field over the activities that carry any of the tags. */
export function sumActivities(activities: readonly Activity[], field: SummableField, tags: readonly string[]): number {
  return activities.filter((activity) => hasAnyTag(activity, tags)).reduce((total, activity) => total + (activity[field] ?? 0), 0);
}

/** The entries whose activity carries any of the tags (all of them when no tag is given). */
export function activitiesTagged(entries: readonly Located<Activity>[], tags: readonly string[]): Located<Activity>[] {
  return entries.filter((entry) => hasAnyTag(entry.value, tags));
}
