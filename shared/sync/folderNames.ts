/**
 * Names in a shared sync folder (see docs/sync-folder.md). Each installation writes its
 * change files, write-once, under `<folder>/cwg-desk/<installation id>/`, named by the
 * stamp they were written at and a hash of their content, so two files never share a name
 * and no file is ever rewritten. Readers skip the temporary files of sync engines and
 * editors, and read the conflict copies engines make like any other bundle.
 */

/** The app's folder inside the folder the user chose (which may hold other things). */
export const FOLDER_APP_DIR = 'cwg-desk';

/** Ends every change file the app writes. */
export const FOLDER_FILE_SUFFIX = '.cwgbundle.json';

/** An installation's folder: its id, restricted to characters every file system accepts. */
export const FOLDER_INSTALLATION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Temporary files: Syncthing (`~syncthing~name.tmp`, `.syncthing.name.tmp`), browsers and
 * Nextcloud (`*.part`), editors and this app's own atomic writes (`*.tmp`, `.name.x.tmp`),
 * Office (`~$name`), LibreOffice (`.~lock.name#`). Hidden files (Syncthing's `.stfolder`,
 * `.stignore`, macOS `._name`) are skipped too.
 */
export function isTemporaryName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('~syncthing~') ||
    lower.startsWith('.syncthing.') ||
    lower.startsWith('~$') ||
    lower.startsWith('.~lock') ||
    lower.startsWith('.') ||
    lower.endsWith('.tmp') ||
    lower.endsWith('.part') ||
    lower.endsWith('.partial') ||
    lower.endsWith('.crdownload')
  );
}

/**
 * Conflict copies: Syncthing `name.sync-conflict-20261205-101500-ABCDEFG.json`, Nextcloud
 * and ownCloud `name (conflicted copy 2026-12-05 101500).json`, Dropbox
 * `name (Someone's conflicted copy 2026-12-05).json`.
 */
export function isConflictCopy(name: string): boolean {
  return /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}/.test(name) || /conflicted copy/i.test(name);
}

/** A file a reader looks at: JSON, not temporary (conflict copies included). */
export function isFolderBundleName(name: string): boolean {
  return !isTemporaryName(name) && name.toLowerCase().endsWith('.json') && name.length <= 255;
}

/**
 * The name of a change file: the stamp it was written at (so a listing sorts by time) and
 * the first 16 hex digits of its content's SHA-256 (so equal content has one name).
 */
export function folderFileName(writtenAt: Date, contentSha256: string): string {
  const iso = writtenAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${iso}-${contentSha256.slice(0, 16)}${FOLDER_FILE_SUFFIX}`;
}

/** A change file's name as the app writes it (not a conflict copy). */
export const FOLDER_OWN_FILE_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{16}\.cwgbundle\.json$/;
