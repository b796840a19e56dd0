/** UI strings of backups and restore, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const backupEn = {
  section: 'Backups',
  intro:
    'CWG Desk keeps complete copies of your data in its data folder: once a day when you use it, and before every import, restore and merge of duplicates. The last 14 daily copies and the last 10 others are kept.',
  folder: 'Kept in {{folder}}',
  offsite:
    'A laptop can be lost or break: also keep a copy elsewhere, for example on a USB stick. A backup file can be restored here or imported on another computer.',
  backupNow: 'Back up now…',
  backingUp: 'Backing up…',
  savedTo: 'Backup saved: {{path}}',
  notSaved: 'The backup was not saved.',
  restoreFile: 'Restore from a file…',
  listCaption: 'Automatic backups, newest first',
  none: 'There is no automatic backup yet.',
  loadingList: 'Loading the list of backups…',
  columns: { date: 'Date', reason: 'Reason', size: 'Size', contents: 'Contents', action: 'Action' },
  reasons: {
    daily: 'Daily',
    'before-import': 'Before an import',
    'before-restore': 'Before a restore',
    'before-merge': 'Before merging duplicates',
  },
  contents: '{{meetings}} meetings, {{delegates}} delegates, {{articles}} articles; {{records}} records in all',
  contentsUnknown: 'Not recorded',
  restoreEntry: 'Restore…',
  restoreEntryLabel: 'Restore the backup of {{date}}',
  failed: 'The safety backup could not be written: {{detail}} Nothing was changed.',
  dailyFailed: 'Today’s automatic backup could not be written: {{detail}}',
};

export const restoreEn = {
  title: 'Restore a backup',
  intro:
    'Restoring replaces the meetings, delegates and MoU texts on this computer with those in the backup. This installation’s name, key and trusted installations stay as they are.',
  chooseFile: 'Choose a backup file…',
  fromList: 'Automatic backups are listed in Settings, each with its own Restore button.',
  back: 'Back to Settings',
  checking: 'Checking {{file}}',
  progressLabel: 'Restore progress',
  stages: {
    parse: 'Reading the file',
    schema: 'Checking the records',
    checksum: 'Checking the checksum',
    signature: 'Checking the signature',
    backup: 'Backing up the current data',
    write: 'Restoring the records',
  },
  progressCount: '{{done}} of {{total}} records',
  cancel: 'Cancel',
  cancelled: 'Restore cancelled; nothing was changed.',
  refusedTitle: 'This file cannot be restored',
  nothingChanged: 'Nothing on this computer was changed.',
  where: 'Where in the file: {{path}}',
  previewTitle: 'What the backup holds',
  file: 'File',
  size: 'Size',
  made: 'Made',
  madeBy: 'Made by',
  thisInstallation: '{{name}} (this installation)',
  otherInstallation: '{{name}}, another installation (key {{fingerprint}})',
  otherWarning:
    'This backup was made by another installation. Restoring it gives this computer that installation’s data; this installation keeps its own name and key.',
  compareCaption: 'Records per table: in the backup and on this computer now',
  table: 'Table',
  inBackup: 'In the backup',
  now: 'On this computer now',
  withDeleted: '{{live}} (+{{deleted}} deleted)',
  replaceWarning:
    'Everything on this computer is replaced by the backup. Changes made here since {{date}} are lost, unless they were sent to other installations: those come back at the next import from them.',
  safety: 'A backup of the current data is taken first, so you can go back to it from the list of backups.',
  confirm: 'I understand that the data on this computer will be replaced by this backup',
  confirmRequired: 'Tick the box above to confirm first.',
  apply: 'Restore this backup',
  cancelPreview: 'Do not restore',
  done: 'Backup restored: {{count}} records. The data you had before was saved as a backup ({{reason}}, {{date}}).',
  errors: {
    partial:
      'This file holds only part of the data (one meeting, or what one installation lacked): it is not a complete backup. Import it from Sync instead.',
    merged:
      'This file joins the bundles of several installations: it is not the backup of one computer. Import it from Sync instead.',
    'no-installation': 'Set up this installation before restoring a backup.',
  },
};

export const backupRu: Widen<typeof backupEn> = {
  section: 'Резервные копии',
  intro:
    'CWG Desk хранит полные копии ваших данных в своей папке данных: раз в день, когда вы работаете в приложении, а также перед каждым импортом, восстановлением и объединением дубликатов. Хранятся 14 последних ежедневных копий и 10 последних остальных.',
  folder: 'Папка: {{folder}}',
  offsite:
    'Ноутбук можно потерять или повредить: храните копию и в другом месте, например на USB-накопителе. Файл резервной копии можно восстановить здесь или импортировать на другом компьютере.',
  backupNow: 'Создать копию сейчас…',
  backingUp: 'Создание копии…',
  savedTo: 'Резервная копия сохранена: {{path}}',
  notSaved: 'Резервная копия не сохранена.',
  restoreFile: 'Восстановить из файла…',
  listCaption: 'Автоматические резервные копии, новые сверху',
  none: 'Автоматических резервных копий пока нет.',
  loadingList: 'Загрузка списка резервных копий…',
  columns: { date: 'Дата', reason: 'Причина', size: 'Размер', contents: 'Содержимое', action: 'Действие' },
  reasons: {
    daily: 'Ежедневная',
    'before-import': 'Перед импортом',
    'before-restore': 'Перед восстановлением',
    'before-merge': 'Перед объединением дубликатов',
  },
  contents: 'Встреч: {{meetings}}, участников: {{delegates}}, статей: {{articles}}; всего записей: {{records}}',
  contentsUnknown: 'Не указано',
  restoreEntry: 'Восстановить…',
  restoreEntryLabel: 'Восстановить резервную копию от {{date}}',
  failed: 'Не удалось записать страховочную резервную копию: {{detail}} Ничего не изменено.',
  dailyFailed: 'Не удалось записать сегодняшнюю автоматическую резервную копию: {{detail}}',
};

export const restoreRu: Widen<typeof restoreEn> = {
  title: 'Восстановление из резервной копии',
  intro:
    'Восстановление заменяет встречи, участников и тексты меморандума на этом компьютере данными из резервной копии. Название этой установки, её ключ и доверенные установки не меняются.',
  chooseFile: 'Выбрать файл резервной копии…',
  fromList: 'Автоматические резервные копии перечислены в настройках, у каждой своя кнопка «Восстановить».',
  back: 'Назад к настройкам',
  checking: 'Проверка файла {{file}}',
  progressLabel: 'Ход восстановления',
  stages: {
    parse: 'Чтение файла',
    schema: 'Проверка записей',
    checksum: 'Проверка контрольной суммы',
    signature: 'Проверка подписи',
    backup: 'Резервное копирование текущих данных',
    write: 'Восстановление записей',
  },
  progressCount: '{{done}} из {{total}} записей',
  cancel: 'Отмена',
  cancelled: 'Восстановление отменено; ничего не изменено.',
  refusedTitle: 'Этот файл нельзя восстановить',
  nothingChanged: 'На этом компьютере ничего не изменено.',
  where: 'Место в файле: {{path}}',
  previewTitle: 'Что содержит резервная копия',
  file: 'Файл',
  size: 'Размер',
  made: 'Создана',
  madeBy: 'Кем создана',
  thisInstallation: '{{name}} (эта установка)',
  otherInstallation: '{{name}}, другая установка (ключ {{fingerprint}})',
  otherWarning:
    'Эта резервная копия создана другой установкой. После восстановления на этом компьютере будут её данные; эта установка сохранит своё название и ключ.',
  compareCaption: 'Записи по таблицам: в резервной копии и на этом компьютере сейчас',
  table: 'Таблица',
  inBackup: 'В резервной копии',
  now: 'Сейчас на компьютере',
  withDeleted: '{{live}} (удалено: {{deleted}})',
  replaceWarning:
    'Все данные на этом компьютере будут заменены резервной копией. Изменения, сделанные здесь после {{date}}, будут потеряны, если они не были отправлены другим установкам: такие изменения вернутся при следующем импорте от них.',
  safety: 'Сначала создаётся резервная копия текущих данных, и к ним можно вернуться из списка резервных копий.',
  confirm: 'Я понимаю, что данные на этом компьютере будут заменены этой резервной копией',
  confirmRequired: 'Сначала подтвердите, отметив флажок выше.',
  apply: 'Восстановить эту копию',
  cancelPreview: 'Не восстанавливать',
  done: 'Резервная копия восстановлена: записей — {{count}}. Прежние данные сохранены в резервной копии ({{reason}}, {{date}}).',
  errors: {
    partial:
      'Этот файл содержит только часть данных (одну встречу или то, чего не хватало одной установке): это не полная резервная копия. Импортируйте его в разделе «Синхронизация».',
    merged:
      'Этот файл объединяет пакеты нескольких установок: это не резервная копия одного компьютера. Импортируйте его в разделе «Синхронизация».',
    'no-installation': 'Прежде чем восстанавливать резервную копию, настройте эту установку.',
  },
};
