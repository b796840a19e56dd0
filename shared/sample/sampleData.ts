/**
 * Sample data for trying out CWG Desk: the group's first two meetings of 2014 as described
 * on CLDP's public page, with invented (plainly fictitious) delegates and a first MoU draft
 * written for this project.
 *
 * Pure and deterministic: ids are derived from constant keys, so loading the sample on two
 * machines yields the same records (up to their stamps, which come from `ctx`). Facts the
 * public page does not give (the city of the first meeting, session times, names) are
 * either left empty or are obviously sample content; see the notes on each part.
 */
import type { z } from 'zod';
import type {
  ActionItem,
  Amendment,
  Article,
  Bilingual,
  Bracket,
  BracketAlternative,
  Comment,
  Decision,
  Delegate,
  DelegateRole,
  Meeting,
  Minutes,
  MouDocument,
  MouVersion,
  Organization,
  OrganizationKind,
  Participation,
  ParticipationCapacity,
  Position,
  Session,
  SessionKind,
  SyncedTableName,
  syncedTables,
} from '../model';
import { buildMinutesContent } from '../meetings/minutes';
import { buildSeedCountries } from './countries';
import { bracketNotation, markerOf } from '../mou/brackets';
import { positionId } from '../mou/positions';
import { deterministicId } from './deterministicId';

export type SampleRecordMap = { [K in SyncedTableName]: z.infer<(typeof syncedTables)[K]> };
export type SampleData = { [K in SyncedTableName]: SampleRecordMap[K][] };

export interface SampleContext {
  /** Installation id written as `origin` of every non-seed record. */
  origin: string;
  /** Issues a fresh clock stamp; called once per record (and once for the MoU first draft's text), in a fixed order. */
  stamp: () => string;
}

/** Text every sample person carries, so nobody mistakes them for real officials. */
export const FICTITIOUS_NOTE = 'Fictitious sample person, not a real official. / Вымышленное лицо из демонстрационных данных.';

function bi(en: string, ru: string): Bilingual {
  return { en, ru };
}

function empty(): Bilingual {
  return { en: '', ru: '' };
}

/** Sample ids by kind and key, e.g. sampleId('meeting', 'second'). */
export function sampleId(kind: string, key: string): string {
  return deterministicId(`${kind}:${key}`);
}

// ---------------------------------------------------------------------------------------
// Organizations

type OrganizationKey =
  | 'cldp'
  | 'ustr'
  | 'state'
  | 'cbp'
  | 'wco'
  | 'osce'
  | 'customs-kz'
  | 'customs-kg'
  | 'customs-tj'
  | 'customs-tm'
  | 'customs-af';

interface OrganizationSeed {
  key: OrganizationKey;
  acronym: string;
  countryId: string | null;
  kind: OrganizationKind;
  name: Bilingual;
}

const ORGANIZATIONS: readonly OrganizationSeed[] = [
  {
    key: 'cldp',
    acronym: 'CLDP',
    countryId: 'US',
    kind: 'donor-agency',
    name: bi(
      'Commercial Law Development Program, U.S. Department of Commerce',
      'Программа развития коммерческого права Министерства торговли США',
    ),
  },
  {
    key: 'ustr',
    acronym: 'USTR',
    countryId: 'US',
    kind: 'ministry',
    name: bi('Office of the United States Trade Representative', 'Офис торгового представителя США'),
  },
  {
    key: 'state',
    acronym: 'DOS',
    countryId: 'US',
    kind: 'ministry',
    name: bi('U.S. Department of State', 'Государственный департамент США'),
  },
  {
    key: 'cbp',
    acronym: 'CBP',
    countryId: 'US',
    kind: 'customs-service',
    name: bi('U.S. Customs and Border Protection', 'Служба таможенной и пограничной охраны США'),
  },
  {
    key: 'wco',
    acronym: 'WCO',
    countryId: null,
    kind: 'international-organization',
    name: bi('World Customs Organization', 'Всемирная таможенная организация'),
  },
  {
    // The page names its Customs Training Center near Bishkek; the centre appears as the
    // location of the site visit rather than as a separate organization.
    key: 'osce',
    acronym: 'OSCE',
    countryId: null,
    kind: 'international-organization',
    name: bi(
      'Organization for Security and Co-operation in Europe',
      'Организация по безопасности и сотрудничеству в Европе',
    ),
  },
  {
    key: 'customs-kz',
    acronym: 'SRC',
    countryId: 'KZ',
    kind: 'customs-service',
    name: bi(
      'State Revenue Committee, Ministry of Finance of the Republic of Kazakhstan',
      'Комитет государственных доходов Министерства финансов Республики Казахстан',
    ),
  },
  {
    key: 'customs-kg',
    acronym: 'SCS KR',
    countryId: 'KG',
    kind: 'customs-service',
    name: bi(
      'State Customs Service under the Government of the Kyrgyz Republic',
      'Государственная таможенная служба при Правительстве Кыргызской Республики',
    ),
  },
  {
    key: 'customs-tj',
    acronym: 'CS RT',
    countryId: 'TJ',
    kind: 'customs-service',
    name: bi(
      'Customs Service under the Government of the Republic of Tajikistan',
      'Таможенная служба при Правительстве Республики Таджикистан',
    ),
  },
  {
    key: 'customs-tm',
    acronym: 'SCS TM',
    countryId: 'TM',
    kind: 'customs-service',
    name: bi('State Customs Service of Turkmenistan', 'Государственная таможенная служба Туркменистана'),
  },
  {
    key: 'customs-af',
    acronym: 'ACD',
    countryId: 'AF',
    kind: 'customs-service',
    name: bi(
      'Afghanistan Customs Department, Ministry of Finance',
      'Таможенный департамент Министерства финансов Афганистана',
    ),
  },
];

// ---------------------------------------------------------------------------------------
// Delegates: invented people. Names are common given names and surnames of each country,
// combined at random; every record says in its notes that the person is fictitious, and
// every e-mail address is at example.org (reserved for documentation, RFC 2606).

interface DelegateSeed {
  key: string;
  latin: string;
  /** Cyrillic (Kazakh, Kyrgyz, Tajik, Russian spelling) or, for Afghans, Dari in Arabic script. */
  native: string;
  honorific: 'Mr.' | 'Ms.';
  position: Bilingual;
  organization: OrganizationKey | null;
  countryId: string | null;
  roles: DelegateRole[];
  languages: string[];
}

const DELEGATES: readonly DelegateSeed[] = [
  {
    key: 'kz-seitkali',
    latin: 'Aigerim Seitkali',
    native: 'Айгерім Сейітқали',
    honorific: 'Ms.',
    position: bi('Deputy Head, Customs Administration Department', 'Заместитель начальника Департамента таможенного администрирования'),
    organization: 'customs-kz',
    countryId: 'KZ',
    roles: ['customs-official'],
    languages: ['kk', 'ru', 'en'],
  },
  {
    key: 'kz-omarov',
    latin: 'Daniyar Omarov',
    native: 'Данияр Омаров',
    honorific: 'Mr.',
    position: bi('Chief Specialist, Customs Valuation Division', 'Главный специалист отдела таможенной стоимости'),
    organization: 'customs-kz',
    countryId: 'KZ',
    roles: ['customs-official'],
    languages: ['kk', 'ru'],
  },
  {
    key: 'kz-abenov',
    latin: 'Yerlan Abenov',
    native: 'Ерлан Әбенов',
    honorific: 'Mr.',
    position: bi('WTO accession negotiator', 'Переговорщик по вопросам вступления в ВТО'),
    organization: null,
    countryId: 'KZ',
    roles: ['wto-negotiator'],
    languages: ['kk', 'ru', 'en'],
  },
  {
    key: 'kg-asanov',
    latin: 'Bakyt Asanov',
    native: 'Бакыт Асанов',
    honorific: 'Mr.',
    position: bi('Head of Division, Customs Procedures Department', 'Начальник отдела Управления таможенных процедур'),
    organization: 'customs-kg',
    countryId: 'KG',
    roles: ['customs-official'],
    languages: ['ky', 'ru'],
  },
  {
    key: 'kg-mamatova',
    latin: 'Aida Mamatova',
    native: 'Аида Маматова',
    honorific: 'Ms.',
    position: bi('Senior Inspector, Risk Management Division', 'Старший инспектор отдела управления рисками'),
    organization: 'customs-kg',
    countryId: 'KG',
    roles: ['customs-official'],
    languages: ['ky', 'ru', 'en'],
  },
  {
    key: 'kg-sadykov',
    latin: 'Timur Sadykov',
    native: 'Тимур Садыков',
    honorific: 'Mr.',
    position: bi('Customs broker, business community representative', 'Таможенный брокер, представитель бизнес-сообщества'),
    organization: null,
    countryId: 'KG',
    roles: ['private-sector'],
    languages: ['ky', 'ru'],
  },
  {
    key: 'tj-rahimov',
    latin: 'Farrukh Rahimov',
    native: 'Фаррух Раҳимов',
    honorific: 'Mr.',
    position: bi('Head of Department, Customs Clearance and Control', 'Начальник управления таможенного оформления и контроля'),
    organization: 'customs-tj',
    countryId: 'TJ',
    roles: ['customs-official'],
    languages: ['tg', 'ru'],
  },
  {
    key: 'tj-karimova',
    latin: 'Manizha Karimova',
    native: 'Манижа Каримова',
    honorific: 'Ms.',
    position: bi('Chief Inspector, Post-Clearance Audit Division', 'Главный инспектор отдела контроля после выпуска товаров'),
    organization: 'customs-tj',
    countryId: 'TJ',
    roles: ['customs-official'],
    languages: ['tg', 'ru', 'en'],
  },
  {
    key: 'tj-nazarov',
    latin: 'Dilshod Nazarov',
    native: 'Дилшод Назаров',
    honorific: 'Mr.',
    position: bi('Freight forwarder, private sector representative', 'Экспедитор, представитель частного сектора'),
    organization: null,
    countryId: 'TJ',
    roles: ['private-sector'],
    languages: ['tg', 'ru'],
  },
  {
    key: 'tm-ovezov',
    latin: 'Merdan Ovezov',
    native: 'Мердан Овезов',
    honorific: 'Mr.',
    position: bi('Head of Division, Customs Control', 'Начальник отдела таможенного контроля'),
    organization: 'customs-tm',
    countryId: 'TM',
    roles: ['customs-official'],
    languages: ['tk', 'ru'],
  },
  {
    key: 'tm-atayeva',
    latin: 'Gulnara Atayeva',
    native: 'Гульнара Атаева',
    honorific: 'Ms.',
    position: bi('Senior Specialist, International Cooperation Division', 'Старший специалист отдела международного сотрудничества'),
    organization: 'customs-tm',
    countryId: 'TM',
    roles: ['customs-official'],
    languages: ['tk', 'ru', 'en'],
  },
  {
    key: 'af-sharifi',
    latin: 'Mohammad Nasir Sharifi',
    native: 'محمد ناصر شریفی',
    honorific: 'Mr.',
    position: bi('Director of Customs Operations', 'Директор по таможенным операциям'),
    organization: 'customs-af',
    countryId: 'AF',
    roles: ['customs-official'],
    languages: ['fa-AF', 'ps', 'en'],
  },
  {
    key: 'af-azizi',
    latin: 'Farida Azizi',
    native: 'فریده عزیزی',
    honorific: 'Ms.',
    position: bi(
      'WTO accession negotiator, Ministry of Commerce and Industries',
      'Переговорщик по вопросам вступления в ВТО, Министерство торговли и промышленности',
    ),
    organization: null,
    countryId: 'AF',
    roles: ['wto-negotiator'],
    languages: ['fa-AF', 'en'],
  },
  {
    key: 'af-noori',
    latin: 'Abdul Wahid Noori',
    native: 'عبدالواحد نوری',
    honorific: 'Mr.',
    position: bi('Customs Valuation Officer', 'Специалист по таможенной стоимости'),
    organization: 'customs-af',
    countryId: 'AF',
    roles: ['customs-official'],
    languages: ['fa-AF', 'ps'],
  },
  {
    key: 'cbp-collins',
    latin: 'Jennifer Collins',
    native: 'Дженнифер Коллинз',
    honorific: 'Ms.',
    position: bi(
      'International Trade Specialist, Office of International Affairs',
      'Специалист по международной торговле, Управление международных дел',
    ),
    organization: 'cbp',
    countryId: 'US',
    roles: ['expert'],
    languages: ['en'],
  },
  {
    key: 'cbp-hayes',
    latin: 'Robert Hayes',
    native: 'Роберт Хейз',
    honorific: 'Mr.',
    position: bi(
      'Senior Instructor, Customs Valuation and Risk Management',
      'Старший инструктор по таможенной стоимости и управлению рисками',
    ),
    organization: 'cbp',
    countryId: 'US',
    roles: ['expert'],
    languages: ['en', 'ru'],
  },
  {
    key: 'wco-dubois',
    latin: 'Marc Dubois',
    native: 'Марк Дюбуа',
    honorific: 'Mr.',
    position: bi('Technical Officer, Capacity Building Directorate', 'Технический специалист Директората по наращиванию потенциала'),
    organization: 'wco',
    countryId: null,
    roles: ['expert'],
    languages: ['fr', 'en', 'ru'],
  },
  {
    key: 'cldp-mitchell',
    latin: 'Sarah Mitchell',
    native: 'Сара Митчелл',
    honorific: 'Ms.',
    position: bi('Attorney-Advisor', 'Юрист-консультант'),
    organization: 'cldp',
    countryId: 'US',
    roles: ['secretariat'],
    languages: ['en', 'ru'],
  },
  {
    key: 'cldp-grant',
    latin: 'David Grant',
    native: 'Дэвид Грант',
    honorific: 'Mr.',
    position: bi('Program Manager, Central Asia', 'Руководитель программ по Центральной Азии'),
    organization: 'cldp',
    countryId: 'US',
    roles: ['secretariat'],
    languages: ['en'],
  },
];

/** The 15 Kyrgyz customs officials who attended the second meeting's training as guests. */
const KG_GUESTS: readonly (readonly [latin: string, native: string, honorific: 'Mr.' | 'Ms.'])[] = [
  ['Azamat Osmonov', 'Азамат Осмонов', 'Mr.'],
  ['Bermet Sultanova', 'Бермет Султанова', 'Ms.'],
  ['Chyngyz Tursunbaev', 'Чыңгыз Турсунбаев', 'Mr.'],
  ['Elmira Usenova', 'Эльмира Усенова', 'Ms.'],
  ['Kanat Zhumabaev', 'Канат Жумабаев', 'Mr.'],
  ['Aibek Alymbekov', 'Айбек Алымбеков', 'Mr.'],
  ['Cholpon Toktorova', 'Чолпон Токторова', 'Ms.'],
  ['Ulan Sarybaev', 'Улан Сарыбаев', 'Mr.'],
  ['Gulzat Eshenova', 'Гүлзат Эшенова', 'Ms.'],
  ['Erkin Mukashev', 'Эркин Мукашев', 'Mr.'],
  ['Zhyldyz Kadyrova', 'Жылдыз Кадырова', 'Ms.'],
  ['Bolot Ismailov', 'Болот Исмаилов', 'Mr.'],
  ['Asel Dzhumalieva', 'Асель Джумалиева', 'Ms.'],
  ['Maksat Abdykadyrov', 'Максат Абдыкадыров', 'Mr.'],
  ['Nurlan Beishenaliev', 'Нурлан Бейшеналиев', 'Mr.'],
];

const GUEST_POSITIONS: readonly Bilingual[] = [
  bi('Customs Inspector', 'Таможенный инспектор'),
  bi('Senior Customs Inspector', 'Старший таможенный инспектор'),
  bi('Specialist, Customs Valuation Division', 'Специалист отдела таможенной стоимости'),
  bi('Specialist, Risk Management Division', 'Специалист отдела управления рисками'),
  bi('Inspector, Customs Post', 'Инспектор таможенного поста'),
];

function guestSeeds(): DelegateSeed[] {
  return KG_GUESTS.map(([latin, native, honorific], index) => ({
    key: `kg-guest-${String(index + 1).padStart(2, '0')}`,
    latin,
    native,
    honorific,
    position: GUEST_POSITIONS[index % GUEST_POSITIONS.length] ?? empty(),
    organization: 'customs-kg',
    countryId: 'KG',
    roles: ['customs-official'],
    languages: ['ky', 'ru'],
  }));
}

/** "Mohammad Nasir Sharifi" → "m.sharifi@example.org". */
function exampleEmail(latin: string): string {
  const words = latin.toLowerCase().split(/\s+/);
  const first = words[0] ?? 'x';
  const last = words[words.length - 1] ?? 'x';
  return `${first.charAt(0)}.${last.replace(/[^a-z]/g, '')}@example.org`;
}

// ---------------------------------------------------------------------------------------
// Meetings and their programmes. Session times are illustrative: the public page gives
// dates and topics only.

interface SessionSeed {
  date: string;
  start: string;
  end: string;
  kind: SessionKind;
  title: Bilingual;
  description?: Bilingual;
  location?: Bilingual;
  moderators?: string[];
  speakers?: string[];
  topics?: string[];
  outcome?: Bilingual;
}

const reform = (country: Bilingual, speaker: string, date: string, start: string, end: string): SessionSeed => ({
  date,
  start,
  end,
  kind: 'presentation',
  title: bi(
    `Customs reforms for trade facilitation: ${country.en}`,
    `Таможенные реформы для упрощения процедур торговли: ${country.ru}`,
  ),
  description: bi(
    'Information exchange: the delegation presents current and planned customs reforms aimed at trade facilitation.',
    'Обмен информацией: делегация представляет текущие и планируемые таможенные реформы, направленные на упрощение процедур торговли.',
  ),
  moderators: ['cldp-grant'],
  speakers: [speaker],
  topics: ['customs-reform', 'trade-facilitation'],
});

const FIRST_MEETING_SESSIONS: readonly SessionSeed[] = [
  {
    date: '2014-06-09',
    start: '09:00',
    end: '09:30',
    kind: 'opening',
    title: bi('Opening and introductions', 'Открытие и знакомство участников'),
    moderators: ['cldp-mitchell'],
  },
  reform(bi('Kazakhstan', 'Казахстан'), 'kz-seitkali', '2014-06-09', '09:30', '11:00'),
  reform(bi('Kyrgyzstan', 'Кыргызстан'), 'kg-asanov', '2014-06-09', '11:15', '12:45'),
  reform(bi('Tajikistan', 'Таджикистан'), 'tj-rahimov', '2014-06-09', '14:00', '15:30'),
  reform(bi('Turkmenistan', 'Туркменистан'), 'tm-ovezov', '2014-06-09', '15:45', '17:15'),
  reform(bi('Afghanistan', 'Афганистан'), 'af-sharifi', '2014-06-10', '09:00', '10:30'),
  {
    date: '2014-06-10',
    start: '10:45',
    end: '12:30',
    kind: 'discussion',
    title: bi('Areas of future capacity building and collaborative work', 'Направления будущего наращивания потенциала и совместной работы'),
    moderators: ['cldp-grant'],
    topics: ['capacity-building', 'cooperation'],
  },
  {
    date: '2014-06-10',
    start: '14:00',
    end: '17:00',
    kind: 'training',
    title: bi(
      'WTO standards in trade facilitation (I): the Trade Facilitation Agreement',
      'Стандарты ВТО в области упрощения процедур торговли (I): Соглашение об упрощении процедур торговли',
    ),
    description: bi(
      'Structure of the agreement concluded in Bali in December 2013; obligations and special and differential treatment.',
      'Структура соглашения, заключенного на Бали в декабре 2013 года; обязательства и особый и дифференцированный режим.',
    ),
    moderators: ['cldp-mitchell'],
    topics: ['wto', 'trade-facilitation'],
  },
  {
    date: '2014-06-11',
    start: '09:00',
    end: '12:30',
    kind: 'training',
    title: bi(
      'WTO standards in trade facilitation (II): transparency, release and clearance of goods',
      'Стандарты ВТО в области упрощения процедур торговли (II): прозрачность, выпуск и таможенное оформление товаров',
    ),
    moderators: ['cldp-mitchell'],
    topics: ['wto', 'trade-facilitation'],
  },
  {
    date: '2014-06-11',
    start: '14:00',
    end: '17:00',
    kind: 'training',
    title: bi(
      'Customs valuation (I): the WTO Customs Valuation Agreement and the transaction value',
      'Таможенная стоимость (I): Соглашение ВТО о таможенной оценке и стоимость сделки',
    ),
    moderators: ['cldp-grant'],
    topics: ['customs-valuation', 'wto'],
  },
  {
    date: '2014-06-12',
    start: '09:00',
    end: '12:30',
    kind: 'training',
    title: bi(
      'Customs valuation (II): the other valuation methods and valuation control',
      'Таможенная стоимость (II): другие методы определения таможенной стоимости и ее контроль',
    ),
    moderators: ['cldp-grant'],
    topics: ['customs-valuation'],
  },
  {
    date: '2014-06-12',
    start: '14:00',
    end: '17:00',
    kind: 'training',
    title: bi(
      'Intellectual property enforcement (I): border measures under the TRIPS Agreement',
      'Защита прав интеллектуальной собственности (I): меры на границе по Соглашению ТРИПС',
    ),
    moderators: ['cldp-mitchell'],
    topics: ['intellectual-property', 'wto'],
  },
  {
    date: '2014-06-13',
    start: '09:00',
    end: '11:30',
    kind: 'training',
    title: bi(
      'Intellectual property enforcement (II): case studies',
      'Защита прав интеллектуальной собственности (II): разбор практических случаев',
    ),
    moderators: ['cldp-mitchell'],
    topics: ['intellectual-property'],
  },
  {
    date: '2014-06-13',
    start: '11:45',
    end: '12:30',
    kind: 'closing',
    title: bi('Conclusions and next steps', 'Выводы и дальнейшие шаги'),
    moderators: ['cldp-mitchell', 'cldp-grant'],
  },
];

const OSCE_CENTRE = bi('OSCE Customs Training Center, near Bishkek', 'Таможенный учебный центр ОБСЕ, под Бишкеком');

const SECOND_MEETING_SESSIONS: readonly SessionSeed[] = [
  {
    date: '2014-09-09',
    start: '09:00',
    end: '09:30',
    kind: 'opening',
    title: bi('Opening of the second meeting', 'Открытие второго заседания'),
    moderators: ['cldp-mitchell'],
  },
  {
    date: '2014-09-09',
    start: '09:30',
    end: '12:30',
    kind: 'training',
    title: bi('Customs valuation', 'Таможенная стоимость'),
    description: bi(
      'Training with experts of U.S. Customs and Border Protection and the World Customs Organization.',
      'Обучение с участием экспертов Службы таможенной и пограничной охраны США и Всемирной таможенной организации.',
    ),
    moderators: ['cldp-grant'],
    speakers: ['cbp-hayes', 'wco-dubois'],
    topics: ['customs-valuation'],
  },
  {
    date: '2014-09-09',
    start: '14:00',
    end: '17:30',
    kind: 'training',
    title: bi('Risk management', 'Управление рисками'),
    description: bi(
      'Risk profiling, selectivity and targeting of consignments for control.',
      'Профили риска, выборочность и отбор товарных партий для контроля.',
    ),
    moderators: ['cldp-grant'],
    speakers: ['cbp-collins', 'wco-dubois'],
    topics: ['risk-management'],
  },
  {
    date: '2014-09-10',
    start: '09:00',
    end: '13:00',
    kind: 'site-visit',
    title: bi('Visit to the OSCE Customs Training Center near Bishkek', 'Посещение Таможенного учебного центра ОБСЕ под Бишкеком'),
    location: OSCE_CENTRE,
    moderators: ['cldp-mitchell'],
    topics: ['capacity-building'],
  },
  {
    date: '2014-09-10',
    start: '14:30',
    end: '17:30',
    kind: 'discussion',
    title: bi('Organizational structure of the Customs Working Group', 'Организационная структура Таможенной рабочей группы'),
    moderators: ['cldp-grant'],
    topics: ['organization'],
  },
  {
    date: '2014-09-11',
    start: '09:00',
    end: '12:30',
    kind: 'discussion',
    title: bi(
      'Memorandum of Understanding regimenting the work of the Customs Working Group',
      'Меморандум о взаимопонимании, регламентирующий работу Таможенной рабочей группы',
    ),
    moderators: ['cldp-mitchell'],
    topics: ['mou'],
    outcome: bi(
      'The Secretariat tabled the first draft. Delegations will send written comments to the Secretariat before the next meeting.',
      'Секретариат представил первый проект. Делегации направят письменные замечания в Секретариат до следующего заседания.',
    ),
  },
  {
    date: '2014-09-11',
    start: '14:00',
    end: '15:30',
    kind: 'discussion',
    title: bi('Questions for further exploration in subsequent meetings', 'Вопросы для дальнейшего изучения на последующих заседаниях'),
    moderators: ['cldp-grant'],
    topics: ['organization'],
  },
  {
    date: '2014-09-11',
    start: '15:45',
    end: '16:45',
    kind: 'discussion',
    title: bi('Other organizational questions', 'Прочие организационные вопросы'),
    moderators: ['cldp-grant'],
    topics: ['organization'],
  },
  {
    date: '2014-09-11',
    start: '16:45',
    end: '17:15',
    kind: 'closing',
    title: bi('Closing', 'Закрытие'),
    moderators: ['cldp-mitchell'],
  },
];

const FIRST_MEETING_DAYS = ['2014-06-09', '2014-06-10', '2014-06-11', '2014-06-12', '2014-06-13'];
const SECOND_MEETING_DAYS = ['2014-09-09', '2014-09-10', '2014-09-11'];
/** The capacity-building portion the Kyrgyz guests attended: the trainings and the site visit. */
const GUEST_DAYS = ['2014-09-09', '2014-09-10'];

interface ParticipationSeed {
  delegate: string;
  capacity: ParticipationCapacity;
  days: string[];
}

const FIRST_MEETING_PARTICIPANTS: readonly ParticipationSeed[] = [
  // The 14 participants from the region named on the page.
  { delegate: 'kz-seitkali', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'kz-omarov', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'kz-abenov', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'kg-asanov', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'kg-mamatova', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'kg-sadykov', capacity: 'member', days: FIRST_MEETING_DAYS.slice(0, 3) },
  { delegate: 'tj-rahimov', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'tj-karimova', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'tj-nazarov', capacity: 'member', days: FIRST_MEETING_DAYS.slice(0, 2) },
  { delegate: 'tm-ovezov', capacity: 'member', days: FIRST_MEETING_DAYS },
  { delegate: 'tm-atayeva', capacity: 'member', days: FIRST_MEETING_DAYS.slice(0, 4) },
  { delegate: 'af-sharifi', capacity: 'observer', days: FIRST_MEETING_DAYS },
  { delegate: 'af-azizi', capacity: 'observer', days: FIRST_MEETING_DAYS },
  { delegate: 'af-noori', capacity: 'observer', days: FIRST_MEETING_DAYS },
  // CLDP organized the meeting.
  { delegate: 'cldp-mitchell', capacity: 'organizer', days: FIRST_MEETING_DAYS },
  { delegate: 'cldp-grant', capacity: 'organizer', days: FIRST_MEETING_DAYS },
];

const SECOND_MEETING_PARTICIPANTS: readonly ParticipationSeed[] = [
  { delegate: 'kz-seitkali', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'kz-omarov', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'kg-asanov', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'kg-mamatova', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'tj-rahimov', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'tj-karimova', capacity: 'member', days: SECOND_MEETING_DAYS },
  { delegate: 'af-sharifi', capacity: 'observer', days: SECOND_MEETING_DAYS },
  { delegate: 'af-noori', capacity: 'observer', days: SECOND_MEETING_DAYS },
  { delegate: 'cbp-collins', capacity: 'expert', days: SECOND_MEETING_DAYS },
  { delegate: 'cbp-hayes', capacity: 'expert', days: SECOND_MEETING_DAYS },
  { delegate: 'wco-dubois', capacity: 'expert', days: SECOND_MEETING_DAYS },
  { delegate: 'cldp-mitchell', capacity: 'organizer', days: SECOND_MEETING_DAYS },
  { delegate: 'cldp-grant', capacity: 'organizer', days: SECOND_MEETING_DAYS },
  // Not members of the group: they attended the capacity-building portion.
  ...KG_GUESTS.map((_, index) => ({
    delegate: `kg-guest-${String(index + 1).padStart(2, '0')}`,
    capacity: 'guest' as const,
    days: GUEST_DAYS,
  })),
];

// ---------------------------------------------------------------------------------------
// The first MoU draft, written for this project (not a real negotiated text). Sub-paragraph
// letters are Latin in both languages, as in UN Russian texts, so one parser reads both.

interface ArticleSeed {
  key: string;
  heading: Bilingual;
  body: Bilingual;
}

const lines = (...paragraphs: string[]): string => paragraphs.join('\n');

const ARTICLES: readonly ArticleSeed[] = [
  {
    key: 'purpose',
    heading: bi('Establishment and purpose', 'Учреждение и цели'),
    body: bi(
      lines(
        '1. The customs services of the Republic of Kazakhstan, the Kyrgyz Republic, the Republic of Tajikistan and Turkmenistan (the “Parties”) hereby establish the Customs Working Group of Central Asia and Afghanistan (the “Working Group”) as a mechanism for cooperation among the customs services of the region.',
        '2. The purpose of the Working Group is to:',
        '(a) exchange information on customs reforms and trade facilitation measures;',
        '(b) promote the harmonization and simplification of customs procedures in line with international standards, including the WTO Agreement on Trade Facilitation and the instruments of the World Customs Organization;',
        '(c) identify needs for capacity building and coordinate joint training;',
        '(d) strengthen communication and cooperation among the customs officials of the region.',
      ),
      lines(
        '1. Таможенные службы Республики Казахстан, Кыргызской Республики, Республики Таджикистан и Туркменистана (далее — «Стороны») настоящим учреждают Таможенную рабочую группу Центральной Азии и Афганистана (далее — «Рабочая группа») в качестве механизма сотрудничества таможенных служб региона.',
        '2. Целями Рабочей группы являются:',
        '(a) обмен информацией о таможенных реформах и мерах по упрощению процедур торговли;',
        '(b) содействие гармонизации и упрощению таможенных процедур в соответствии с международными стандартами, включая Соглашение ВТО об упрощении процедур торговли и документы Всемирной таможенной организации;',
        '(c) определение потребностей в наращивании потенциала и координация совместного обучения;',
        '(d) укрепление связей и сотрудничества между таможенными служащими региона.',
      ),
    ),
  },
  {
    key: 'membership',
    heading: bi('Membership', 'Членство'),
    body: bi(
      lines(
        '1. The members of the Working Group are the customs services of the Parties.',
        '2. The customs service of another State of Central Asia or of a neighbouring State may become a member by acceding to this Memorandum with the consent of all members.',
        '3. Each member shall designate a head of delegation and an alternate and shall inform the Secretariat in writing of the designation and of any change to it.',
      ),
      lines(
        '1. Членами Рабочей группы являются таможенные службы Сторон.',
        '2. Таможенная служба другого государства Центральной Азии или соседнего государства может стать членом Рабочей группы путем присоединения к настоящему Меморандуму с согласия всех членов.',
        '3. Каждый член назначает главу делегации и его заместителя и письменно уведомляет Секретариат о назначении и о любых его изменениях.',
      ),
    ),
  },
  {
    key: 'observers',
    heading: bi('Observers', 'Наблюдатели'),
    body: bi(
      lines(
        '1. The customs service of the Islamic Republic of Afghanistan takes part in the work of the Working Group as an observer.',
        '2. The Working Group may, by consensus, grant observer status to other customs services and to international organizations.',
        '3. Observers may:',
        '(a) attend meetings and take the floor;',
        '(b) submit written proposals and comments;',
        '(c) take part in training and other capacity-building activities.',
        '4. Observers do not take part in the decisions of the Working Group.',
      ),
      lines(
        '1. Таможенная служба Исламской Республики Афганистан участвует в работе Рабочей группы в качестве наблюдателя.',
        '2. Рабочая группа может на основе консенсуса предоставлять статус наблюдателя другим таможенным службам и международным организациям.',
        '3. Наблюдатели вправе:',
        '(a) присутствовать на заседаниях и выступать на них;',
        '(b) вносить письменные предложения и замечания;',
        '(c) участвовать в обучении и других мероприятиях по наращиванию потенциала.',
        '4. Наблюдатели не участвуют в принятии решений Рабочей группы.',
      ),
    ),
  },
  {
    key: 'chairmanship',
    heading: bi('Chairmanship', 'Председательство'),
    body: bi(
      lines(
        '1. The members chair the Working Group in turn, for one year each, in the English alphabetical order of the names of their States.',
        '2. The Chair shall:',
        '(a) convene meetings and preside over them;',
        '(b) agree the provisional agenda with the Secretariat;',
        '(c) represent the Working Group in its relations with international organizations and partners.',
        '3. If the Chair is unable to perform its functions, the member next in turn shall act as Chair.',
      ),
      lines(
        '1. Члены поочередно председательствуют в Рабочей группе сроком на один год в порядке английского алфавита названий их государств.',
        '2. Председатель:',
        '(a) созывает заседания и председательствует на них;',
        '(b) согласовывает с Секретариатом предварительную повестку дня;',
        '(c) представляет Рабочую группу в отношениях с международными организациями и партнерами.',
        '3. Если Председатель не может исполнять свои функции, их исполняет член, следующий по очереди.',
      ),
    ),
  },
  {
    key: 'secretariat',
    heading: bi('Secretariat', 'Секретариат'),
    body: bi(
      lines(
        '1. Until the members decide otherwise, the Commercial Law Development Program of the United States Department of Commerce performs the functions of the Secretariat.',
        '2. The Secretariat shall:',
        '(a) prepare meetings and circulate their documents at least two weeks in advance;',
        '(b) keep the records of meetings and the texts of documents under negotiation;',
        '(c) keep the list of delegates and contact persons.',
        '3. The Secretariat does not take part in the decisions of the Working Group.',
      ),
      lines(
        '1. До принятия членами иного решения функции Секретариата выполняет Программа развития коммерческого права Министерства торговли Соединенных Штатов Америки.',
        '2. Секретариат:',
        '(a) готовит заседания и рассылает документы к ним не позднее чем за две недели;',
        '(b) ведет протоколы заседаний и тексты документов, находящихся на согласовании;',
        '(c) ведет список делегатов и контактных лиц.',
        '3. Секретариат не участвует в принятии решений Рабочей группы.',
      ),
    ),
  },
  {
    key: 'meetings',
    heading: bi('Meetings', 'Заседания'),
    body: bi(
      lines(
        '1. The Working Group meets at least twice a year, in the territory of each member in turn or at another place agreed by the members.',
        '2. An extraordinary meeting may be convened at the request of at least two members.',
        '3. A meeting is quorate when at least three quarters of the members are represented.',
        '4. Decisions are taken by consensus of the members present.',
      ),
      lines(
        '1. Рабочая группа проводит заседания не реже двух раз в год поочередно на территории каждого из членов или в ином месте, согласованном членами.',
        '2. Внеочередное заседание может быть созвано по просьбе не менее двух членов.',
        '3. Заседание правомочно, если на нем представлены не менее трех четвертей членов.',
        '4. Решения принимаются консенсусом присутствующих членов.',
      ),
    ),
  },
  {
    key: 'languages',
    heading: bi('Working languages', 'Рабочие языки'),
    body: bi(
      lines(
        '1. The working languages of the Working Group are English and Russian.',
        '2. Documents for meetings are circulated in both working languages. Where the two texts differ, the members shall agree on a corrected text.',
        '3. Interpretation into and from Dari is provided where resources permit.',
      ),
      lines(
        '1. Рабочими языками Рабочей группы являются английский и русский.',
        '2. Документы к заседаниям рассылаются на обоих рабочих языках. При расхождении текстов члены согласовывают исправленный текст.',
        '3. Устный перевод на язык дари и с языка дари обеспечивается при наличии возможностей.',
      ),
    ),
  },
  {
    key: 'confidentiality',
    heading: bi('Confidentiality', 'Конфиденциальность'),
    body: bi(
      lines(
        '1. Information exchanged within the Working Group shall be used only for the purposes of this Memorandum.',
        '2. Information that the providing member has designated as confidential shall not be disclosed to third parties without that member’s written consent.',
        '3. Nothing in this Memorandum obliges a member to provide information where doing so would be contrary to its national legislation.',
      ),
      lines(
        '1. Информация, которой члены обмениваются в рамках Рабочей группы, используется исключительно в целях настоящего Меморандума.',
        '2. Информация, обозначенная предоставившим ее членом как конфиденциальная, не раскрывается третьим лицам без письменного согласия этого члена.',
        '3. Ничто в настоящем Меморандуме не обязывает члена предоставлять информацию, если это противоречит его национальному законодательству.',
      ),
    ),
  },
  {
    key: 'financing',
    heading: bi('Financing', 'Финансирование'),
    body: bi(
      lines(
        '1. Each member bears the costs of its own participation in the Working Group, unless otherwise agreed.',
        '2. The Working Group may accept support from international organizations and development partners for:',
        '(a) the organization of meetings;',
        '(b) training and study visits;',
        '(c) expert assistance.',
        '3. This Memorandum creates no financial obligations for the members.',
      ),
      lines(
        '1. Каждый член несет расходы, связанные с его участием в Рабочей группе, если не согласовано иное.',
        '2. Рабочая группа может принимать поддержку международных организаций и партнеров по развитию для:',
        '(a) организации заседаний;',
        '(b) обучения и ознакомительных поездок;',
        '(c) экспертной помощи.',
        '3. Настоящий Меморандум не создает финансовых обязательств для членов.',
      ),
    ),
  },
  {
    key: 'amendments',
    heading: bi('Amendments', 'Изменения'),
    body: bi(
      lines(
        '1. This Memorandum may be amended by written agreement of all members.',
        '2. A proposal for an amendment shall be submitted to the Secretariat, which shall circulate it to all members and observers at least thirty days before the meeting at which it is to be considered.',
        '3. Amendments enter into force in the same manner as this Memorandum.',
      ),
      lines(
        '1. В настоящий Меморандум могут вноситься изменения по письменному согласию всех членов.',
        '2. Предложение об изменении представляется в Секретариат, который рассылает его всем членам и наблюдателям не позднее чем за тридцать дней до заседания, на котором оно будет рассматриваться.',
        '3. Изменения вступают в силу в том же порядке, что и настоящий Меморандум.',
      ),
    ),
  },
  {
    key: 'entry-into-force',
    heading: bi('Entry into force and withdrawal', 'Вступление в силу и выход'),
    body: bi(
      lines(
        '1. This Memorandum enters into force on the date of its signature by all Parties.',
        '2. A member may withdraw from this Memorandum by written notice to the Secretariat. The withdrawal takes effect three months after the notice is received.',
        '3. Done in one original in the English and Russian languages, both texts being equally authentic.',
      ),
      lines(
        '1. Настоящий Меморандум вступает в силу с даты его подписания всеми Сторонами.',
        '2. Член может выйти из настоящего Меморандума, направив письменное уведомление в Секретариат. Выход вступает в силу по истечении трех месяцев с даты получения уведомления.',
        '3. Совершено в одном подлинном экземпляре на английском и русском языках, причем оба текста имеют одинаковую силу.',
      ),
    ),
  },
];

/** Kazakhstan's proposal on Article 6 (meetings), consistent with its reservation below. */
const MEETINGS_AMENDMENT_BODY = bi(
  lines(
    '1. The Working Group meets at least once a year, in the territory of each member in turn or at another place agreed by the members.',
    '2. An extraordinary meeting may be convened at the request of at least two members.',
    '3. A meeting is quorate when at least three quarters of the members are represented.',
    '4. Decisions are taken by consensus of the members present.',
  ),
  lines(
    '1. Рабочая группа проводит заседания не реже одного раза в год поочередно на территории каждого из членов или в ином месте, согласованном членами.',
    '2. Внеочередное заседание может быть созвано по просьбе не менее двух членов.',
    '3. Заседание правомочно, если на нем представлены не менее трех четвертей членов.',
    '4. Решения принимаются консенсусом присутствующих членов.',
  ),
);

/**
 * A new article Tajikistan proposed after Article 5 (secretariat); accepted, it is Article 6
 * of the second draft and the articles after it moved down by one.
 */
const CONTACT_POINTS_ARTICLE: ArticleSeed = {
  key: 'contact-points',
  heading: bi('National contact points', 'Национальные контактные пункты'),
  body: bi(
    lines(
      '1. Each member shall designate a national contact point within its customs service for the day-to-day work of the Working Group and shall inform the Secretariat of its contact details.',
      '2. The contact points shall:',
      '(a) receive the documents of the Working Group and circulate them within their services;',
      '(b) coordinate the preparation of the positions and proposals of their members;',
      '(c) follow up the implementation of the decisions of the Working Group.',
      '3. The Secretariat keeps the list of contact points and circulates it to all members and observers.',
    ),
    lines(
      '1. Каждый член назначает в своей таможенной службе национальный контактный пункт для текущей работы Рабочей группы и сообщает Секретариату его контактные данные.',
      '2. Контактные пункты:',
      '(a) получают документы Рабочей группы и распространяют их в своих службах;',
      '(b) координируют подготовку позиций и предложений своих членов;',
      '(c) контролируют выполнение решений Рабочей группы.',
      '3. Секретариат ведет список контактных пунктов и рассылает его всем членам и наблюдателям.',
    ),
  ),
};

/** Kyrgyzstan's proposal on financing (rejected): meeting costs shared equally. */
const FINANCING_AMENDMENT_BODY = bi(
  lines(
    '1. The costs of organizing the meetings of the Working Group are shared equally among the members; each member bears the costs of its own delegation.',
    '2. The Working Group may accept support from international organizations and development partners for:',
    '(a) the organization of meetings;',
    '(b) training and study visits;',
    '(c) expert assistance.',
    '3. This Memorandum creates no financial obligations for the members.',
  ),
  lines(
    '1. Расходы на организацию заседаний Рабочей группы распределяются между членами поровну; каждый член несет расходы своей делегации.',
    '2. Рабочая группа может принимать поддержку международных организаций и партнеров по развитию для:',
    '(a) организации заседаний;',
    '(b) обучения и ознакомительных поездок;',
    '(c) экспертной помощи.',
    '3. Настоящий Меморандум не создает финансовых обязательств для членов.',
  ),
);

/** Afghanistan's proposal on the working languages (open), following its comment at the second meeting. */
const LANGUAGES_AMENDMENT_BODY = bi(
  lines(
    '1. The working languages of the Working Group are English and Russian.',
    '2. Documents for meetings are circulated in both working languages. Where the two texts differ, the members shall agree on a corrected text.',
    '3. Interpretation into and from Dari is provided at every meeting attended by the delegation of Afghanistan.',
  ),
  lines(
    '1. Рабочими языками Рабочей группы являются английский и русский.',
    '2. Документы к заседаниям рассылаются на обоих рабочих языках. При расхождении текстов члены согласовывают исправленный текст.',
    '3. Устный перевод на язык дари и с языка дари обеспечивается на каждом заседании, в котором участвует делегация Афганистана.',
  ),
);

/** Gap between article sort keys, so an article can be inserted between two without renumbering. */
const ARTICLE_ORDER_STEP = 1000;

// ---------------------------------------------------------------------------------------

/** Builds the whole sample, stamping every record (except the seeded countries) through ctx. */
export function buildSampleData(ctx: SampleContext): SampleData {
  const synced = () => ({ hlc: ctx.stamp(), origin: ctx.origin, deleted: false });
  const orgId = (key: OrganizationKey) => sampleId('organization', key);
  const delegateId = (key: string) => sampleId('delegate', key);

  const countries = buildSeedCountries();

  const organizations: Organization[] = ORGANIZATIONS.map((seed) => ({
    id: orgId(seed.key),
    name: { ...seed.name },
    acronym: seed.acronym,
    countryId: seed.countryId,
    kind: seed.kind,
    ...synced(),
  }));

  const delegates: Delegate[] = [...DELEGATES, ...guestSeeds()].map((seed, index) => ({
    id: delegateId(seed.key),
    nameLatin: seed.latin,
    nameNative: seed.native,
    honorific: seed.honorific,
    position: { ...seed.position },
    organizationId: seed.organization === null ? null : orgId(seed.organization),
    countryId: seed.countryId,
    roles: [...seed.roles],
    email: exampleEmail(seed.latin),
    phone: '',
    languages: [...seed.languages],
    notes: FICTITIOUS_NOTE,
    // Varied on purpose, so lists and printouts show both kinds of consent.
    consentPrintContacts: index % 3 !== 2,
    consentShareContacts: index % 2 === 0,
    ...synced(),
  }));

  const firstMeetingId = sampleId('meeting', 'first');
  const secondMeetingId = sampleId('meeting', 'second');
  const meetings: Meeting[] = [
    {
      id: firstMeetingId,
      title: bi('Inaugural meeting and workshop of the Customs Working Group', 'Учредительное заседание и семинар Таможенной рабочей группы'),
      kind: 'workshop',
      status: 'held',
      startDate: '2014-06-09',
      endDate: '2014-06-13',
      // The public page does not say where the meeting took place: left empty, not guessed.
      city: empty(),
      venue: empty(),
      // 'UTC' is a placeholder for the unknown venue: a valid IANA zone keeps date and time
      // formatting working; session times below are illustrative venue-local times anyway.
      timeZone: 'UTC',
      hostOrganizationId: orgId('cldp'),
      coOrganizerIds: [],
      inConjunctionWith: bi(
        'Central Asia Trade and Investment Framework Agreement (TIFA) meeting, hosted by USTR',
        'Совещание в рамках Рамочного соглашения о торговле и инвестициях между США и странами Центральной Азии (TIFA), организованное Офисом торгового представителя США',
      ),
      objectives: bi(
        'Launch the Customs Working Group as a mechanism for cooperation among the customs services of Central Asia and Afghanistan; exchange information on customs reforms for trade facilitation in each country; identify areas for future capacity building and collaborative work; train participants in WTO standards in trade facilitation, customs valuation and intellectual property enforcement.',
        'Начать работу Таможенной рабочей группы как механизма сотрудничества таможенных служб Центральной Азии и Афганистана; обменяться информацией о таможенных реформах для упрощения процедур торговли в каждой стране; определить направления будущего наращивания потенциала и совместной работы; провести обучение по стандартам ВТО в области упрощения процедур торговли, таможенной стоимости и защиты прав интеллектуальной собственности.',
      ),
      ...synced(),
    },
    {
      id: secondMeetingId,
      title: bi('Second meeting of the Customs Working Group', 'Второе заседание Таможенной рабочей группы'),
      kind: 'working-group',
      status: 'held',
      startDate: '2014-09-09',
      endDate: '2014-09-11',
      city: bi('Bishkek', 'Бишкек'),
      venue: empty(),
      timeZone: 'Asia/Bishkek',
      hostOrganizationId: orgId('cldp'),
      coOrganizerIds: [],
      inConjunctionWith: empty(),
      objectives: bi(
        'Train customs officials in customs valuation and risk management with experts of U.S. Customs and Border Protection and the World Customs Organization; visit the OSCE Customs Training Center near Bishkek; discuss the organizational structure of the Working Group and the Memorandum of Understanding regimenting its work; agree on questions for further exploration in subsequent meetings.',
        'Провести обучение таможенных служащих по вопросам таможенной стоимости и управления рисками с участием экспертов Службы таможенной и пограничной охраны США и Всемирной таможенной организации; посетить Таможенный учебный центр ОБСЕ под Бишкеком; обсудить организационную структуру Рабочей группы и Меморандум о взаимопонимании, регламентирующий ее работу; согласовать вопросы для дальнейшего изучения на последующих заседаниях.',
      ),
      ...synced(),
    },
  ];

  const sessionsOf = (meetingKey: string, meetingId: string, seeds: readonly SessionSeed[]): Session[] => {
    const orderInDay = new Map<string, number>();
    return seeds.map((seed, index) => {
      const order = orderInDay.get(seed.date) ?? 0;
      orderInDay.set(seed.date, order + 1);
      return {
        id: sampleId('session', `${meetingKey}:${String(index + 1)}`),
        meetingId,
        date: seed.date,
        start: seed.start,
        end: seed.end,
        order,
        kind: seed.kind,
        title: { ...seed.title },
        description: seed.description ? { ...seed.description } : empty(),
        location: seed.location ? { ...seed.location } : empty(),
        moderatorIds: (seed.moderators ?? []).map(delegateId),
        speakerIds: (seed.speakers ?? []).map(delegateId),
        topics: [...(seed.topics ?? [])],
        outcome: seed.outcome ? { ...seed.outcome } : empty(),
        ...synced(),
      };
    });
  };
  const sessions: Session[] = [
    ...sessionsOf('first', firstMeetingId, FIRST_MEETING_SESSIONS),
    ...sessionsOf('second', secondMeetingId, SECOND_MEETING_SESSIONS),
  ];

  const participationsOf = (meetingKey: string, meetingId: string, seeds: readonly ParticipationSeed[]): Participation[] =>
    seeds.map((seed) => ({
      id: sampleId('participation', `${meetingKey}:${seed.delegate}`),
      meetingId,
      delegateId: delegateId(seed.delegate),
      capacity: seed.capacity,
      status: 'attended',
      attendedDays: [...seed.days],
      ...synced(),
    }));
  const participations: Participation[] = [
    ...participationsOf('first', firstMeetingId, FIRST_MEETING_PARTICIPANTS),
    ...participationsOf('second', secondMeetingId, SECOND_MEETING_PARTICIPANTS),
  ];

  // What the second meeting agreed, as its minutes would record it (sample wording).
  const decisions: Decision[] = [
    bi(
      'The Working Group took note of the first draft of the Memorandum of Understanding tabled by the Secretariat and agreed to negotiate it article by article.',
      'Рабочая группа приняла к сведению первый проект Меморандума о взаимопонимании, представленный Секретариатом, и договорилась обсуждать его постатейно.',
    ),
    bi(
      'Customs valuation and risk management remain priority areas for capacity building in the next meetings.',
      'Таможенная стоимость и управление рисками остаются приоритетными направлениями наращивания потенциала на следующих заседаниях.',
    ),
  ].map((text, index) => ({
    id: sampleId('decision', `second:${String(index + 1)}`),
    meetingId: secondMeetingId,
    order: index,
    text,
    ...synced(),
  }));

  const actionItems: ActionItem[] = [
    {
      id: sampleId('action-item', 'second:comments'),
      meetingId: secondMeetingId,
      order: 0,
      text: bi(
        'Send written comments on the draft Memorandum of Understanding to the Secretariat before the next meeting.',
        'Направить в Секретариат письменные замечания по проекту Меморандума о взаимопонимании до следующего заседания.',
      ),
      ownerDelegateId: null,
      ownerName: bi('Member delegations', 'Делегации членов группы'),
      dueDate: null,
      done: false,
      ...synced(),
    },
    {
      id: sampleId('action-item', 'second:report'),
      meetingId: secondMeetingId,
      order: 1,
      text: bi(
        'Circulate the meeting report and the training materials to all participants.',
        'Разослать всем участникам отчет о заседании и учебные материалы.',
      ),
      ownerDelegateId: delegateId('cldp-grant'),
      ownerName: bi('Secretariat', 'Секретариат'),
      dueDate: '2014-10-10',
      done: true,
      ...synced(),
    },
  ];

  // The minutes of the first meeting: circulated after it and approved at the opening of
  // the second meeting in Bishkek, which locks them. Written after the meeting's records,
  // so the approval's stamp follows every change it approved.
  const firstMinutesId = sampleId('minutes', 'first');
  const secondOpeningId = sampleId('session', 'second:1');
  const minutes: Minutes[] = [
    {
      id: firstMinutesId,
      meetingId: firstMeetingId,
      status: 'approved',
      revisions: [
        {
          number: 1,
          circulatedOn: '2014-07-15',
          content: buildMinutesContent({
            sessions: sessions.filter((session) => session.meetingId === firstMeetingId),
            decisions: decisions.filter((decision) => decision.meetingId === firstMeetingId),
            actionItems: actionItems.filter((item) => item.meetingId === firstMeetingId),
            participations: participations.filter((participation) => participation.meetingId === firstMeetingId),
            delegatesById: new Map(delegates.map((delegate) => [delegate.id, delegate])),
          }),
        },
      ],
      approvalSessionId: secondOpeningId,
      approvedAt: { meetingId: secondMeetingId, sessionId: secondOpeningId, date: '2014-09-09' },
      ...synced(),
    },
  ];

  const documentId = sampleId('mou', 'cwg-mou');
  const documentTitle = bi(
    'Memorandum of Understanding on the Customs Working Group of Central Asia and Afghanistan',
    'Меморандум о взаимопонимании о Таможенной рабочей группе Центральной Азии и Афганистана',
  );
  const mouDocuments: MouDocument[] = [
    {
      id: documentId,
      title: { ...documentTitle },
      partyCountryIds: ['KZ', 'KG', 'TJ', 'TM'],
      status: 'negotiation',
      statusDates: { drafting: '2014-06-13', negotiation: '2014-09-11' },
      ...synced(),
    },
  ];

  // The MoU as negotiated so far: the first draft (version 1, tabled at the second
  // meeting), five proposals (two accepted, one rejected, one withdrawn, one open), and
  // the second draft with the accepted ones applied (version 2). Records hold the current
  // text; version 1 keeps the first draft as it was.
  const articleId = (key: string) => sampleId('article', key);
  const meetingsAmendmentId = sampleId('amendment', 'kz-meetings');
  const contactPointsAmendmentId = sampleId('amendment', 'tj-contact-points');
  const firstDraft = ARTICLES.map((seed, index) => ({ seed, order: (index + 1) * ARTICLE_ORDER_STEP }));
  // Stamp of the first draft's text, before the accepted amendments changed it.
  const firstDraftStamp = ctx.stamp();
  const currentSeeds = [
    ...firstDraft.slice(0, 5),
    // Between Article 5 (secretariat) and Article 6 (meetings): no renumbering of keys.
    { seed: CONTACT_POINTS_ARTICLE, order: 5.5 * ARTICLE_ORDER_STEP },
    ...firstDraft.slice(5),
  ];
  const articles: Article[] = currentSeeds.map(({ seed, order }) => {
    const amendedBy =
      seed.key === 'meetings' ? meetingsAmendmentId : seed.key === CONTACT_POINTS_ARTICLE.key ? contactPointsAmendmentId : null;
    return {
      id: articleId(seed.key),
      documentId,
      order,
      heading: { ...seed.heading },
      body: seed.key === 'meetings' ? { ...MEETINGS_AMENDMENT_BODY } : { ...seed.body },
      translationStale: null,
      changedByAmendmentId: amendedBy,
      ...synced(),
    };
  });
  const articleByKey = (key: string) => articles.find((article) => article.id === articleId(key));

  const freeze = (articleList: readonly { id: string; heading: Bilingual; body: Bilingual }[]) =>
    articleList.map((article) => ({ articleId: article.id, heading: { ...article.heading }, body: { ...article.body } }));
  const versionId = sampleId('mou-version', 'cwg-mou:1');
  const secondVersionId = sampleId('mou-version', 'cwg-mou:2');
  const mouVersions: MouVersion[] = [
    {
      id: versionId,
      documentId,
      number: 1,
      label: 'First draft',
      date: '2014-09-11',
      note: 'Tabled by the Secretariat at the second meeting, Bishkek. / Представлен Секретариатом на втором заседании, Бишкек.',
      meetingId: secondMeetingId,
      title: { ...documentTitle },
      articles: freeze(firstDraft.map(({ seed }) => ({ id: articleId(seed.key), heading: seed.heading, body: seed.body }))),
      ...synced(),
    },
    {
      id: secondVersionId,
      documentId,
      number: 2,
      label: 'Second draft',
      date: '2015-03-16',
      note: 'With the amendments of Kazakhstan (Article 7) and Tajikistan (new Article 6) accepted by written procedure. / С поправками Казахстана (статья 7) и Таджикистана (новая статья 6), принятыми в письменном порядке.',
      meetingId: null,
      title: { ...documentTitle },
      articles: freeze(articles),
      ...synced(),
    },
  ];

  // Square brackets (issue 15), all in the first draft as circulated in August 2014. One
  // agreed at the Bishkek meeting, in the MoU session of 11 September 2014: "[only /
  // primarily]" in the article on confidentiality; the text has the agreed word. Three still
  // open (one alternative added in the written comments of February 2015): the marker "[[1]]"
  // stands in the current text where each is, in both languages, and the frozen versions
  // hold them as printed, "[a / b]".
  const mouSessionId =
    sessions.find((session) => session.meetingId === secondMeetingId && session.title.en.startsWith('Memorandum of Understanding'))?.id ?? null;
  const brackets: Bracket[] = [];
  const bracketAlternatives: BracketAlternative[] = [];
  const addBracket = (
    articleKey: string,
    openedOn: string,
    optional: boolean,
    options: readonly { key: string; text: Bilingual; by: string[]; on?: string }[],
    agreed: string | null,
    marker: { en: [string, string]; ru: [string, string] } | null,
  ): void => {
    const id = sampleId('bracket', `${articleKey}:1`);
    const alternativeIds = options.map((option) => sampleId('bracket-alternative', `${articleKey}:1:${option.key}`));
    brackets.push({
      id,
      documentId,
      articleId: articleId(articleKey),
      key: 1,
      optional,
      status: agreed === null ? 'open' : 'agreed',
      openedOn,
      agreedAlternativeId: agreed === null ? null : (alternativeIds[options.findIndex((option) => option.key === agreed)] ?? null),
      decidedOn: agreed === null ? null : '2014-09-11',
      decidedAtMeetingId: agreed === null ? null : secondMeetingId,
      decidedAtSessionId: agreed === null ? null : mouSessionId,
      ...synced(),
    });
    options.forEach((option, index) => {
      bracketAlternatives.push({
        id: alternativeIds[index] ?? '',
        documentId,
        bracketId: id,
        text: { ...option.text },
        proposedByCountryIds: [...option.by],
        proposedOn: option.on ?? openedOn,
        ...synced(),
      });
    });
    if (marker !== null) {
      const index = articles.findIndex((article) => article.id === articleId(articleKey));
      const article = articles[index];
      if (article) {
        const put = (text: string, [find, keep]: [string, string]) => text.replace(find, `${keep}${markerOf(1)}`);
        articles[index] = { ...article, body: { en: put(article.body.en, marker.en), ru: put(article.body.ru, marker.ru) } };
        const printed = (text: string, [find, keep]: [string, string], lang: 'en' | 'ru') =>
          text.replace(find, `${keep}${bracketNotation(options.map((option) => option.text[lang]))}`);
        for (const version of mouVersions) {
          version.articles = version.articles.map((frozen) =>
            frozen.articleId === article.id
              ? { ...frozen, body: { en: printed(frozen.body.en, marker.en, 'en'), ru: printed(frozen.body.ru, marker.ru, 'ru') } }
              : frozen,
          );
        }
      }
    }
  };
  addBracket(
    'confidentiality',
    '2014-08-20',
    false,
    [
      { key: 'only', text: bi('only', 'исключительно'), by: ['KZ'] },
      { key: 'primarily', text: bi('primarily', 'преимущественно'), by: ['KG'] },
    ],
    'only',
    null,
  );
  addBracket(
    'membership',
    '2014-08-20',
    false,
    [
      { key: 'consent', text: bi('with the consent of all members', 'с согласия всех членов'), by: ['KZ'] },
      {
        key: 'consensus',
        text: bi('by a decision of the Working Group taken by consensus', 'по решению Рабочей группы, принятому консенсусом'),
        by: ['TJ', 'KG'],
      },
    ],
    null,
    { en: ['Memorandum with the consent of all members', 'Memorandum '], ru: ['Меморандуму с согласия всех членов', 'Меморандуму '] },
  );
  addBracket(
    'amendments',
    '2014-08-20',
    false,
    [
      { key: 'thirty', text: bi('thirty', 'тридцать'), by: ['KZ', 'KG'] },
      { key: 'sixty', text: bi('sixty', 'шестьдесят'), by: ['TM'], on: '2015-02-10' },
    ],
    null,
    { en: ['at least thirty', 'at least '], ru: ['не позднее чем за тридцать', 'не позднее чем за '] },
  );
  addBracket(
    'financing',
    '2014-08-20',
    true,
    [{ key: 'unless', text: bi(', unless otherwise agreed', ', если не согласовано иное'), by: ['TJ'] }],
    null,
    { en: ['Working Group, unless otherwise agreed', 'Working Group'], ru: ['Рабочей группе, если не согласовано иное', 'Рабочей группе'] },
  );

  const amendmentBase = (key: string) => {
    const article = articleByKey(key);
    return {
      articleId: article?.id ?? null,
      baseArticleHlc: article?.hlc ?? null,
      baseText: article ? { heading: { ...article.heading }, body: { ...article.body } } : null,
    };
  };
  const firstDraftSeed = (key: string) => ARTICLES.find((seed) => seed.key === key);
  const amendments: Amendment[] = [
    {
      id: meetingsAmendmentId,
      documentId,
      articleId: articleId('meetings'),
      kind: 'replace',
      proposedByCountryId: 'KZ',
      proposedByDelegateId: delegateId('kz-seitkali'),
      proposedOn: '2014-09-11',
      heading: bi('Meetings', 'Заседания'),
      body: { ...MEETINGS_AMENDMENT_BODY },
      rationale: bi(
        'Two regular meetings a year may be hard to finance; extraordinary meetings remain possible under paragraph 2.',
        'Два очередных заседания в год может быть трудно профинансировать; внеочередные заседания по-прежнему возможны в соответствии с пунктом 2.',
      ),
      // Made against the first draft's text, which its acceptance then replaced.
      baseArticleHlc: firstDraftStamp,
      baseText: (() => {
        const seed = firstDraftSeed('meetings');
        return seed ? { heading: { ...seed.heading }, body: { ...seed.body } } : null;
      })(),
      status: 'accepted',
      decisionReason: 'Agreed by all members by written procedure. / Согласовано всеми членами в письменном порядке.',
      decidedOn: '2015-03-02',
      ...synced(),
    },
    {
      id: contactPointsAmendmentId,
      documentId,
      // Inserted after Article 5 (secretariat) of the first draft.
      articleId: articleId('secretariat'),
      kind: 'insert-after',
      proposedByCountryId: 'TJ',
      proposedByDelegateId: delegateId('tj-karimova'),
      proposedOn: '2014-11-20',
      heading: { ...CONTACT_POINTS_ARTICLE.heading },
      body: { ...CONTACT_POINTS_ARTICLE.body },
      rationale: bi(
        'Between meetings, documents and questions should reach the right people in each customs service without delay.',
        'В периоды между заседаниями документы и вопросы должны без задержек доходить до ответственных лиц в каждой таможенной службе.',
      ),
      baseArticleHlc: null,
      baseText: null,
      status: 'accepted',
      decisionReason: 'Agreed by all members by written procedure. / Согласовано всеми членами в письменном порядке.',
      decidedOn: '2015-03-02',
      ...synced(),
    },
    {
      id: sampleId('amendment', 'kg-financing'),
      documentId,
      kind: 'replace',
      proposedByCountryId: 'KG',
      proposedByDelegateId: delegateId('kg-asanov'),
      proposedOn: '2014-12-05',
      heading: bi('Financing', 'Финансирование'),
      body: { ...FINANCING_AMENDMENT_BODY },
      rationale: bi(
        'Sharing the costs of meetings would make the host’s burden predictable.',
        'Распределение расходов на заседания сделало бы нагрузку на принимающую сторону предсказуемой.',
      ),
      ...amendmentBase('financing'),
      status: 'rejected',
      decisionReason:
        'Several members cannot commit budget funds; the current text is kept. / Ряд членов не может взять на себя бюджетные обязательства; действующий текст сохранен.',
      decidedOn: '2015-03-02',
      ...synced(),
    },
    {
      id: sampleId('amendment', 'kg-chairmanship'),
      documentId,
      kind: 'replace',
      proposedByCountryId: 'KG',
      proposedByDelegateId: delegateId('kg-asanov'),
      proposedOn: '2014-10-01',
      heading: bi('Chairmanship', 'Председательство'),
      body: (() => {
        const seed = firstDraftSeed('chairmanship');
        return seed
          ? bi(
              seed.body.en.replace('English alphabetical order', 'Russian alphabetical order'),
              seed.body.ru.replace('английского алфавита', 'русского алфавита'),
            )
          : empty();
      })(),
      rationale: bi(
        'Russian is the working language most delegations use.',
        'Русский язык — рабочий язык большинства делегаций.',
      ),
      ...amendmentBase('chairmanship'),
      status: 'withdrawn',
      decisionReason: '',
      decidedOn: '2014-10-15',
      ...synced(),
    },
    {
      id: sampleId('amendment', 'af-languages'),
      documentId,
      kind: 'replace',
      proposedByCountryId: 'AF',
      proposedByDelegateId: delegateId('af-sharifi'),
      proposedOn: '2015-04-06',
      heading: bi('Working languages', 'Рабочие языки'),
      body: { ...LANGUAGES_AMENDMENT_BODY },
      rationale: bi(
        'Without interpretation the delegation of Afghanistan cannot follow the discussion; it should not depend on available resources.',
        'Без устного перевода делегация Афганистана не может следить за обсуждением; перевод не должен зависеть от наличия возможностей.',
      ),
      // The text the proposal was made against, so a later change of the article shows.
      ...amendmentBase('languages'),
      status: 'proposed',
      decisionReason: '',
      decidedOn: null,
      ...synced(),
    },
  ];

  const languagesArticleId = articleId('languages');
  const comments: Comment[] = [
    {
      id: sampleId('comment', 'af-languages'),
      targetKind: 'article',
      targetId: languagesArticleId,
      authorDelegateId: delegateId('af-sharifi'),
      authorName: 'Mohammad Nasir Sharifi',
      text: 'Afghanistan would welcome interpretation into and from Dari at every meeting, not only where resources permit.',
      // 11:00 in Bishkek (UTC+6), during the MoU session.
      createdAt: '2014-09-11T05:00:00.000Z',
      // Answered by Afghanistan's amendment.
      resolved: true,
      ...synced(),
    },
    {
      id: sampleId('comment', 'kz-af-languages'),
      targetKind: 'amendment',
      targetId: sampleId('amendment', 'af-languages'),
      authorDelegateId: delegateId('kz-seitkali'),
      authorName: 'Aigerim Seitkali',
      text: 'Kazakhstan supports the proposal if the host of each meeting can ask partners to cover the cost of interpretation.',
      createdAt: '2015-04-20T04:30:00.000Z',
      resolved: false,
      ...synced(),
    },
    {
      id: sampleId('comment', 'tm-confidentiality'),
      targetKind: 'article',
      targetId: articleId('confidentiality'),
      authorDelegateId: delegateId('tm-atayeva'),
      authorName: 'Gulnara Atayeva',
      text: 'Turkmenistan needs to check paragraph 2 against its national legislation on official information.',
      createdAt: '2015-03-25T06:00:00.000Z',
      resolved: false,
      ...synced(),
    },
  ];

  comments.push({
    id: sampleId('comment', 'tj-first-minutes'),
    targetKind: 'minutes',
    targetId: firstMinutesId,
    minutesRevision: 1,
    authorDelegateId: delegateId('tj-rahimov'),
    authorName: 'Farrukh Rahimov',
    text: 'Tajikistan agrees with the minutes as circulated.',
    createdAt: '2014-08-04T05:00:00.000Z',
    resolved: true,
    ...synced(),
  });

  const position = (
    version: string,
    countryId: string,
    key: string | null,
    stance: Position['stance'],
    reservation = '',
  ): Position => {
    const target = key === null ? null : articleId(key);
    return { id: positionId(version, countryId, target), versionId: version, countryId, articleId: target, stance, reservation, ...synced() };
  };
  const positions: Position[] = [
    position(
      versionId,
      'KZ',
      'meetings',
      'reservation',
      'Prefers one regular meeting a year; an amendment has been proposed. / Предпочитает одно очередное заседание в год; внесено предложение об изменении.',
    ),
    position(versionId, 'KG', null, 'supports'),
    position(versionId, 'TJ', null, 'pending'),
    position(versionId, 'TM', null, 'pending'),
    position(secondVersionId, 'KZ', null, 'supports'),
    position(secondVersionId, 'KG', null, 'supports'),
    position(secondVersionId, 'TJ', null, 'supports'),
    position(
      secondVersionId,
      'TM',
      'confidentiality',
      'reservation',
      'Paragraph 2 to be checked against national legislation on official information. / Пункт 2 подлежит проверке на соответствие национальному законодательству о служебной информации.',
    ),
  ];

  return {
    countries,
    organizations,
    delegates,
    meetings,
    sessions,
    participations,
    decisions,
    actionItems,
    mouDocuments,
    articles,
    mouVersions,
    amendments,
    comments,
    positions,
    // Conflict notices come from sync, never from sample content.
    syncConflicts: [],
    minutes,
    brackets,
    bracketAlternatives,
  };
}

/** Records per table in a sample. */
export function sampleCounts(data: SampleData): Record<SyncedTableName, number> {
  return {
    countries: data.countries.length,
    organizations: data.organizations.length,
    delegates: data.delegates.length,
    meetings: data.meetings.length,
    sessions: data.sessions.length,
    participations: data.participations.length,
    decisions: data.decisions.length,
    actionItems: data.actionItems.length,
    mouDocuments: data.mouDocuments.length,
    articles: data.articles.length,
    mouVersions: data.mouVersions.length,
    amendments: data.amendments.length,
    comments: data.comments.length,
    positions: data.positions.length,
    syncConflicts: data.syncConflicts.length,
    minutes: data.minutes.length,
    brackets: data.brackets.length,
    bracketAlternatives: data.bracketAlternatives.length,
  };
}
