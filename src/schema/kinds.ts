/** The kinds of notes file, by their top-level key. Kept apart from the schemas so that the CLI can
 * list them without loading zod. */
export const FILE_KINDS = ['report', 'activities', 'metrics', 'plans'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The kinds a report draws on through `sources:`. */
export type NotesKind = Exclude<FileKind, 'report'>;
export const NOTES_KINDS: readonly NotesKind[] = ['activities', 'metrics', 'plans'];
