// Types of large-notes.mjs, for the tests that import it.
export function activityYaml(i: number): string;
export function activitiesYaml(from: number, to: number): string;
export function writeLargeNotes(dir: string, count: number, files?: number): string;
