/**
 * The browser engine's storage for this app: ask that it be persistent (never evicted under
 * disk pressure) and read how much is used and available, to warn before it runs short.
 */
export interface StorageStatus {
  persisted: boolean;
  usage: number | null;
  quota: number | null;
}

/** Below this much free space (or this share of the quota) the app warns. */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;
export const LOW_SPACE_SHARE = 0.1;

export async function requestPersistentStorage(): Promise<boolean> {
  // navigator.storage is undefined outside secure contexts; never fail start-up over it.
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return { persisted: false, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

export function isRunningShort(status: StorageStatus): boolean {
  if (status.usage === null || status.quota === null) return false;
  const free = status.quota - status.usage;
  return free < LOW_SPACE_BYTES || free < status.quota * LOW_SPACE_SHARE;
}

export function formatBytes(bytes: number, language: string): string {
  // Units in the UI language: "КБ", not "KB", in Russian.
  const units = language.startsWith('ru') ? ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit] ?? 'B'}`;
}
