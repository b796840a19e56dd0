/** UI strings for storage faults (a full disk or quota, a failed write), English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const faultsEn = {
  quota:
    'There is no room left to save this change: nothing was saved and your earlier data is intact. Free disk space (Settings → Storage shows what CWG Desk uses) and try again.',
  writeFailed:
    'The change could not be saved because the local database reported an error: nothing was saved and your earlier data is intact. Try again; if it keeps failing, restart CWG Desk. Details: {{detail}}',
} as const;

export const faultsRu: Widen<typeof faultsEn> = {
  quota:
    'Не хватает места, чтобы сохранить это изменение: ничего не сохранено, прежние данные не пострадали. Освободите место на диске (в разделе «Настройки → Хранилище» видно, сколько занимает CWG Desk) и повторите попытку.',
  writeFailed:
    'Не удалось сохранить изменение: локальная база данных сообщила об ошибке. Ничего не сохранено, прежние данные не пострадали. Повторите попытку; если ошибка повторится, перезапустите CWG Desk. Подробности: {{detail}}',
};
