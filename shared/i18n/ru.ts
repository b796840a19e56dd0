/** Russian UI strings, with exactly the keys of en.ts (checked by the type and a unit test). */
import type { Messages } from './en';
import { meetingsRu } from './meetings';
import { delegatesRu } from './delegates';
import { mouRu } from './mou';
import { syncRu } from './sync';
import { syncFolderRu } from './syncFolder';
import { settingsRu } from './settings';
import { reportsRu } from './reports';
import { faultsRu } from './faults';
import { backupRu, restoreRu } from './backup';
import { deletedRu } from './deleted';

export const ru: Messages = {
  app: {
    title: 'CWG Desk',
    subtitle: 'Рабочая группа по таможенным вопросам',
    skipToContent: 'Перейти к содержимому',
    mainNavigation: 'Основная навигация',
    language: 'Язык',
    installationBadge: '{{name}} · {{role}}',
  },
  nav: {
    meetings: 'Встречи',
    delegates: 'Делегаты',
    mou: 'Меморандум',
    reports: 'Отчёты',
    sync: 'Синхронизация',
    settings: 'Настройки',
  },
  languages: { en: 'English', ru: 'Русский' },
  files: {
    dialogTitles: { calendar: 'Файл календаря', csv: 'Таблица (CSV)', bundle: 'Пакет CWG Desk', pdf: 'Документ PDF', backup: 'Резервная копия CWG Desk' },
  },
  common: {
    loading: 'Загрузка…',
    save: 'Сохранить',
    saving: 'Сохранение…',
    cancel: 'Отмена',
    dismiss: 'Закрыть',
    dismissNotification: 'Закрыть уведомление',
    actionOn: '{{action}} — {{target}}',
    repeats_one: '(×{{count}})',
    repeats_few: '(×{{count}})',
    repeats_many: '(×{{count}})',
    repeats_other: '(×{{count}})',
    notifications: 'Уведомления',
    notStated: 'не указано',
    dateRange: '{{start}} – {{end}}',
  },
  roles: {
    secretariat: 'Секретариат',
    delegation: 'Делегация',
    delegationOf: 'Делегация: {{country}}',
  },
  membership: { member: 'Член', observer: 'Наблюдатель', 'non-member': 'Не член' },
  meetingKinds: {
    'working-group': 'Заседание рабочей группы',
    workshop: 'Семинар',
    training: 'Тренинг',
    'site-visit': 'Выездное посещение',
    bilateral: 'Двусторонняя встреча',
  },
  meetingStatuses: { planned: 'Запланирована', confirmed: 'Подтверждена', held: 'Состоялась', cancelled: 'Отменена' },
  mouStatuses: { drafting: 'Подготовка проекта', negotiation: 'Переговоры', agreed: 'Согласован', signed: 'Подписан' },
  errors: {
    title: 'Что-то пошло не так',
    explanation: 'Этот экран не удалось показать. Ваши данные в сохранности: они хранятся на этом компьютере.',
    details: 'Технические подробности',
    retry: 'Повторить',
    reload: 'Перезапустить приложение',
    noBridge: 'Нет связи с оболочкой: CWG Desk нужно открывать через настольное приложение или тестовую среду.',
    ipc: '{{message}}',
    storageUnavailable: 'Не удалось открыть локальную базу данных: {{message}}',
    notFound: 'Такой страницы нет.',
    backHome: 'К списку встреч',
  },
  validation: {
    required: 'Введите название этой установки.',
    tooLong: 'Название может содержать не более 120 символов.',
    countryRequired: 'Выберите страну делегации.',
  },
  firstRun: {
    title: 'Добро пожаловать в CWG Desk',
    intro:
      'CWG Desk хранит на этом компьютере встречи, делегатов и Меморандум о взаимопонимании Рабочей группы по таможенным вопросам и работает без интернета. Сначала укажите, кто пользуется этой установкой.',
    nameLabel: 'Название этой установки',
    nameHint: 'Например, «Ноутбук секретариата» или «Делегация Кыргызстана, А. Пример». Другие установки видят это название в отправленных вами файлах.',
    roleLegend: 'Роль',
    roleSecretariat: 'Секретариат: планирует встречи, ведёт реестр, редактирует официальный текст меморандума',
    roleDelegation: 'Делегация: читает повестки и проекты, предлагает поправки',
    countryLabel: 'Страна делегации',
    chooseCountry: 'Выберите страну',
    submit: 'Начать работу',
    movingHint:
      'Переходите с другого компьютера? Сначала настройте эту установку, затем восстановите файл резервной копии в разделе «Настройки → Резервные копии» или импортируйте пакет с другого компьютера в разделе «Синхронизация».',
  },
  meetings: meetingsRu,
  delegates: delegatesRu,
  mou: mouRu,
  sync: syncRu,
  syncFolder: syncFolderRu,
  settings: settingsRu,
  reports: reportsRu,
  faults: faultsRu,
  backup: backupRu,
  restore: restoreRu,
  deleted: deletedRu,
};
