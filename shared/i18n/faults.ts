/** UI strings for storage faults (a full disk or quota, a failed write), English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const faultsEn = {
  quota:
    'There is no room left to save this change: nothing was saved and your earlier data is intact. Free disk space (Settings → Storage shows what CWG Desk uses) and try again.',
  writeFailed:
    'The change could not be saved because the local database reported an error: nothing was saved and your earlier data is intact. Try again; if it keeps failing, restart CWG Desk. Details: {{detail}}',
  /** Files written or read by the main process (saves, backups, opened files). */
  file: {
    'disk-full': 'The disk is full: “{{path}}” could not be saved. Nothing was written and any earlier file there is unchanged. Free some space or choose another drive.',
    'disk-quota': 'Your disk quota is used up: “{{path}}” could not be saved. Nothing was written and any earlier file there is unchanged.',
    'no-permission': 'No permission to write “{{path}}”. Nothing was written and any earlier file there is unchanged. Choose another folder.',
    'read-only': 'The drive is read-only: “{{path}}” could not be saved. Nothing was written and any earlier file there is unchanged.',
    'folder-gone': 'The folder of “{{path}}” no longer exists (was a USB stick removed?). Nothing was written.',
    'is-folder': '“{{path}}” is a folder, not a file. Nothing was written.',
    'not-a-file': '“{{path}}” is not a file.',
    'too-large': '“{{path}}” is {{size}}, more than the limit of {{limit}} for this kind of file.',
    unreadable: '“{{path}}” cannot be read ({{detail}}).',
    other: '“{{path}}” could not be saved ({{detail}}). Nothing was written and any earlier file there is unchanged.',
  },
} as const;

export const faultsRu: Widen<typeof faultsEn> = {
  quota:
    'Не хватает места, чтобы сохранить это изменение: ничего не сохранено, прежние данные не пострадали. Освободите место на диске (в разделе «Настройки → Хранилище» видно, сколько занимает CWG Desk) и повторите попытку.',
  writeFailed:
    'Не удалось сохранить изменение: локальная база данных сообщила об ошибке. Ничего не сохранено, прежние данные не пострадали. Повторите попытку; если ошибка повторится, перезапустите CWG Desk. Подробности: {{detail}}',
  file: {
    'disk-full': 'Диск заполнен: не удалось сохранить «{{path}}». Ничего не записано, прежний файл (если был) не изменён. Освободите место или выберите другой диск.',
    'disk-quota': 'Исчерпана дисковая квота: не удалось сохранить «{{path}}». Ничего не записано, прежний файл (если был) не изменён.',
    'no-permission': 'Нет прав на запись «{{path}}». Ничего не записано, прежний файл (если был) не изменён. Выберите другую папку.',
    'read-only': 'Диск доступен только для чтения: не удалось сохранить «{{path}}». Ничего не записано, прежний файл (если был) не изменён.',
    'folder-gone': 'Папка для «{{path}}» больше не существует (извлечён USB-накопитель?). Ничего не записано.',
    'is-folder': '«{{path}}» — это папка, а не файл. Ничего не записано.',
    'not-a-file': '«{{path}}» — не файл.',
    'too-large': 'Размер «{{path}}» — {{size}}, это больше допустимых {{limit}} для файлов такого рода.',
    unreadable: 'Не удалось прочитать «{{path}}» ({{detail}}).',
    other: 'Не удалось сохранить «{{path}}» ({{detail}}). Ничего не записано, прежний файл (если был) не изменён.',
  },
};
