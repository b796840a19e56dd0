/** UI strings of the mou area, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const mouEn = {
  title: 'Memorandum of Understanding',
  empty: 'No MoU draft on this computer yet.',
  emptyHint: 'The secretariat’s draft arrives in sync files; load the sample data in Settings to see a first draft.',
  status: 'Status: {{status}}',
  articleHeading: 'Article {{number}}. {{heading}}',
  articleCount: '{{count}} articles',
  parties: 'Parties: {{parties}}',
} as const;

export const mouRu: Widen<typeof mouEn> = {
  title: 'Меморандум о взаимопонимании',
  empty: 'На этом компьютере пока нет проекта меморандума.',
  emptyHint: 'Проект секретариата поступает в файлах синхронизации; загрузите пример данных в настройках, чтобы увидеть первый проект.',
  status: 'Статус: {{status}}',
  articleHeading: 'Статья {{number}}. {{heading}}',
  articleCount: 'Статей: {{count}}',
  parties: 'Стороны: {{parties}}',
};
