import { type FSWatcher, watch as fsWatch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createLogger } from '../log';
import { type ImportFolder, folderPath } from './sources';

const log = createLogger('dossier.watch');

/** A folder is there (a drive mounted, the scanner's share up); anything else, or an error, is not. */
const isFolder = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/**
 * Watches the import folders (the scanner's output folder, the USB drive's mount point) so the "Thêm tệp"
 * list refreshes by itself when a scan lands or a drive is plugged in. The event says only which folder
 * changed, never a file name: the chooser asks `dossier.importSources` for the listing, through the
 * same checks as before.
 *
 * `fs.watch` (inotify here) tells us about changes inside a folder that exists. A USB mount point may not
 * exist until a drive is plugged in, and a watched folder may vanish when it is pulled, so every folder
 * is also checked every `pollMs`: appearing starts a watcher, vanishing closes it; both are reported.
 * Bursts (a scanner writes a file in many chunks) are folded into one report per `debounceMs`.
 */
export interface FolderWatchOptions {
  folders: readonly ImportFolder[];
  dataDir: string;
  onChange: (change: { sourceId: string; available: boolean }) => void;
  debounceMs?: number;
  pollMs?: number;
  /** Injected for tests that cannot rely on inotify (network mounts have none). */
  watch?: (path: string, listener: () => void) => Pick<FSWatcher, 'close' | 'on'>;
}

export interface FolderWatch {
  /** Settles once every folder present at the start is watched. */
  ready: Promise<void>;
  stop(): void;
}

interface Watched {
  folder: ImportFolder;
  path: string;
  available: boolean;
  watcher: Pick<FSWatcher, 'close' | 'on'> | null;
  timer: NodeJS.Timeout | null;
}

export function watchImportFolders(options: FolderWatchOptions): FolderWatch {
  const debounceMs = options.debounceMs ?? 300;
  const pollMs = options.pollMs ?? 3000;
  const watch = options.watch ?? ((path, listener) => fsWatch(path, { persistent: false }, listener));
  let stopped = false;

  const report = (w: Watched): void => {
    if (w.timer) clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timer = null;
      if (!stopped) options.onChange({ sourceId: w.folder.id, available: w.available });
    }, debounceMs);
    w.timer.unref();
  };

  const close = (w: Watched): void => {
    w.watcher?.close();
    w.watcher = null;
  };

  const open = (w: Watched): void => {
    try {
      const watcher = watch(w.path, () => report(w));
      // The folder was removed or the drive pulled: the next check finds it gone and reports that.
      watcher.on('error', () => close(w));
      w.watcher = watcher;
    } catch (error) {
      // Out of inotify watches, or the folder vanished in between: the poll still notices changes of
      // availability, and the chooser still lists the folder each time it opens.
      log.warn('import folder cannot be watched', { folder: w.folder.id, error });
    }
  };

  const watched: Watched[] = options.folders.map((folder) => ({
    folder,
    path: folderPath(folder, options.dataDir),
    available: false,
    watcher: null,
    timer: null,
  }));

  const check = async (w: Watched): Promise<void> => {
    const available = await isFolder(w.path);
    if (stopped) return;
    if (available && !w.watcher) open(w);
    if (!available) close(w);
    if (available !== w.available) {
      w.available = available;
      report(w);
    }
  };

  // The first check sets the starting state quietly: nothing changed yet from the chooser's view.
  const first = Promise.all(
    watched.map(async (w) => {
      w.available = await isFolder(w.path);
      if (!stopped && w.available) open(w);
    }),
  );
  const poll = setInterval(() => {
    void first.then(() => Promise.all(watched.map(check)));
  }, pollMs);
  poll.unref();

  return {
    ready: first.then(() => undefined),
    stop() {
      stopped = true;
      clearInterval(poll);
      for (const w of watched) {
        if (w.timer) clearTimeout(w.timer);
        close(w);
      }
    },
  };
}
