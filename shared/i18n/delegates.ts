/** UI strings of the delegates area, English and Russian (same keys, checked by the type). */
import type { Widen } from './widen';

export const delegatesEn = {
  title: 'Delegates',
  empty: 'The delegate registry is empty.',
  emptyHint: 'Load the sample data in Settings to see the delegations of the working group.',
  countLabel: '{{count}} delegates',
  columns: { name: 'Name', nativeName: 'Name (native script)', country: 'Country', organization: 'Organization', position: 'Position' },
} as const;

export const delegatesRu: Widen<typeof delegatesEn> = {
  title: 'Делегаты',
  empty: 'Реестр делегатов пуст.',
  emptyHint: 'Загрузите пример данных в настройках, чтобы увидеть делегации рабочей группы.',
  countLabel: 'Делегатов: {{count}}',
  columns: { name: 'Имя', nativeName: 'Имя (кириллица или родное письмо)', country: 'Страна', organization: 'Организация', position: 'Должность' },
};
