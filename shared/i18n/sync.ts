/** UI strings of the sync area, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const syncEn = {
  title: 'Sync',
  intro:
    'Data moves between computers as bundle files on a USB stick, by e-mail or through a shared folder. This installation signs what it sends with its own identity.',
  identity: 'This installation',
  installationId: 'Installation id',
  role: 'Role',
  holdings: 'Records on this computer',
  table: 'Table',
  records: 'Records',
  tables: {
    countries: 'Countries',
    organizations: 'Organizations',
    delegates: 'Delegates',
    meetings: 'Meetings',
    sessions: 'Sessions',
    participations: 'Participations',
    mouDocuments: 'MoU documents',
    articles: 'Articles',
    mouVersions: 'MoU versions',
    amendments: 'Amendments',
    comments: 'Comments',
    positions: 'Positions',
  },
} as const;

export const syncRu: Widen<typeof syncEn> = {
  title: 'Синхронизация',
  intro:
    'Данные переносятся между компьютерами в файлах-пакетах: на USB-накопителе, по электронной почте или через общую папку. Эта установка подписывает отправляемое своим удостоверением.',
  identity: 'Эта установка',
  installationId: 'Идентификатор установки',
  role: 'Роль',
  holdings: 'Записи на этом компьютере',
  table: 'Таблица',
  records: 'Записей',
  tables: {
    countries: 'Страны',
    organizations: 'Организации',
    delegates: 'Делегаты',
    meetings: 'Встречи',
    sessions: 'Заседания',
    participations: 'Участие',
    mouDocuments: 'Документы меморандума',
    articles: 'Статьи',
    mouVersions: 'Версии меморандума',
    amendments: 'Поправки',
    comments: 'Комментарии',
    positions: 'Позиции',
  },
};
