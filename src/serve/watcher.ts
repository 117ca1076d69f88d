import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  /** Follows the folders of these files from now on: a report's sources change as its notes do. */
  follow(files: readonly string[]): void;
  close(): void;
}

/** What a report is made of: notes and config (YAML) and templates. Outputs written beside them are not. */
const SOURCE_FILE = /\.(ya?ml|hbs)$/i;

/** Editors save in bursts (a temp file, a rename, a chmod): one rebuild per burst. */
const SETTLE_MS = 120;

/**
 * Calls `onChange` with the changed source files once a burst of saves has settled. Files are
 * watched through their folders: an editor that saves by renaming a new file over the old one would
 * leave a watcher of the file itself watching nothing, and a new activities file that a report's
 * glob takes in is noticed too. Node's own fs.watch: no dependency, and it reports renames as well
 * as writes on Linux, macOS and Windows.
 */
export function watchPaths(onChange: (changed: string[]) => void): Watcher {
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const seen = (file: string) => {
    if (!SOURCE_FILE.test(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      onChange(changed);
    }, SETTLE_MS);
  };
  const open = (folder: string) => {
    try {
      const watcher = watch(folder, { persistent: true }, (_event, name) => seen(name ? path.join(folder, name.toString()) : folder));
      // A folder removed while watched: stop watching it rather than crash.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, watcher);
    } catch {
      // A folder that does not exist (yet) has nothing to watch.
    }
  };
  return {
    follow(files) {
      const needed = new Set(files.map((file) => path.dirname(path.resolve(file))));
      for (const [folder, watcher] of watchers) {
        if (needed.has(folder)) continue;
        watcher.close();
        watchers.delete(folder);
      }
      for (const folder of needed) if (!watchers.has(folder)) open(folder);
    },
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
