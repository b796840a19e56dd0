/** UI strings of the settings area, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const settingsEn = {
  title: 'Settings',
  installationSection: 'This installation',
  saved: 'Settings saved.',
  languageSection: 'Language',
  languageHint: 'The language of the app’s screens. Printed documents choose their language separately.',
  sampleSection: 'Sample data',
  sampleHint:
    'Builds the two 2014 meetings of the Customs Working Group, the delegations that attended (fictitious people) and a first MoU draft, so you can explore the app. Loading it again changes nothing.',
  loadSample: 'Load sample data',
  loadingSample: 'Loading sample data…',
  sampleLoaded: 'Sample data loaded: {{meetings}} meetings, {{delegates}} delegates, {{articles}} MoU articles.',
  aboutSection: 'About',
  version: 'Version',
  platform: 'Platform',
  dataFolder: 'Data folder',
  host: 'Running in',
  hosts: { electron: 'Desktop shell (Electron)', 'test-host': 'Test host (Chromium)' },
  seedLink: 'About the Customs Working Group (CLDP, opens in your browser)',
  linkOpened: 'The page was opened in your browser.',
} as const;

export const settingsRu: Widen<typeof settingsEn> = {
  title: 'Настройки',
  installationSection: 'Эта установка',
  saved: 'Настройки сохранены.',
  languageSection: 'Язык',
  languageHint: 'Язык экранов приложения. Язык печатных документов выбирается отдельно.',
  sampleSection: 'Пример данных',
  sampleHint:
    'Создаёт две встречи Рабочей группы 2014 года, участвовавшие делегации (вымышленные люди) и первый проект меморандума, чтобы познакомиться с приложением. Повторная загрузка ничего не меняет.',
  loadSample: 'Загрузить пример данных',
  loadingSample: 'Загрузка примера данных…',
  sampleLoaded: 'Пример данных загружен: встреч — {{meetings}}, делегатов — {{delegates}}, статей меморандума — {{articles}}.',
  aboutSection: 'О программе',
  version: 'Версия',
  platform: 'Платформа',
  dataFolder: 'Папка данных',
  host: 'Среда',
  hosts: { electron: 'Настольное приложение (Electron)', 'test-host': 'Тестовая среда (Chromium)' },
  seedLink: 'О Рабочей группе по таможенным вопросам (CLDP, откроется в браузере)',
  linkOpened: 'Страница открыта в браузере.',
};
