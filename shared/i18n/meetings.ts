/** UI strings of the meetings area, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const meetingsEn = {
  title: 'Meetings',
  empty: 'No meetings yet.',
  emptyHint: 'The secretariat’s meetings arrive in sync files; to explore the app, load the sample data in Settings.',
  upcoming: 'Upcoming',
  past: 'Past',
  noneUpcoming: 'No upcoming meetings.',
  nonePast: 'No past meetings.',
  columns: { title: 'Title', dates: 'Dates', place: 'Place', kind: 'Kind', status: 'Status' },
  inConjunctionWith: 'Held in conjunction with: {{text}}',
} as const;

export const meetingsRu: Widen<typeof meetingsEn> = {
  title: 'Встречи',
  empty: 'Встреч пока нет.',
  emptyHint: 'Встречи секретариата поступают в файлах синхронизации; чтобы познакомиться с приложением, загрузите пример данных в настройках.',
  upcoming: 'Предстоящие',
  past: 'Прошедшие',
  noneUpcoming: 'Предстоящих встреч нет.',
  nonePast: 'Прошедших встреч нет.',
  columns: { title: 'Название', dates: 'Даты', place: 'Место', kind: 'Вид', status: 'Статус' },
  inConjunctionWith: 'Проводится совместно с: {{text}}',
};
