/**
 * Building blocks shared by the report templates: labels in one or both languages,
 * bilingual text with its language marked, people's names in the chosen script, the
 * DRAFT/CANCELLED marks and the meeting header. All text is rendered by React, so every
 * stored value is escaped and prints literally.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { createContext, Fragment, useContext, type ReactNode } from 'react';
import type { Bilingual } from '../../model';
import { reportsEn, reportsRu } from '../../i18n/reports';
import type { Widen } from '../../i18n/widen';
import type { DiffSegment as Segment } from '../../mou/compare';
import { formatDateRange, formatZone, interpolate, isBlank, languagesOf, pickText, type Lang } from '../format';
import type { MeetingHead, PersonName } from '../model';
import type { NameScript, ReportLanguage } from '../spec';

/**
 * How many levels a report's headings sit below the page that shows it: 0 when printed (the
 * report is the document: its title is h1), 1 in the app's preview, under the screen's own h1.
 * The tags (and so the print CSS) stay; `aria-level` gives assistive technology the real level.
 */
export const ReportHeadingShift = createContext(0);

/** A report heading: the tag of its level in the report, `aria-level` shifted when shown in a page. */
export function Heading({ level, className, lang, children }: { level: 1 | 2 | 3; className?: string; lang?: string; children: ReactNode }) {
  const shift = useContext(ReportHeadingShift);
  const Tag = `h${String(level)}` as 'h1' | 'h2' | 'h3';
  return (
    <Tag className={className} lang={lang} aria-level={shift === 0 ? undefined : level + shift}>
      {children}
    </Tag>
  );
}

export type PrintLabels = Widen<typeof reportsEn.print>;
export const PRINT_LABELS: Readonly<Record<Lang, PrintLabels>> = { en: reportsEn.print, ru: reportsRu.print };

type Values = Readonly<Record<string, string | number>>;

/** "Agenda" or, in a two-language report, "Agenda / Повестка дня". */
export function Label({
  mode,
  get,
  values,
}: {
  mode: ReportLanguage;
  get: (labels: PrintLabels) => string;
  values?: Values | ((lang: Lang) => Values);
}) {
  return (
    <>
      {languagesOf(mode).map((lang, index) => {
        const filled = typeof values === 'function' ? values(lang) : values;
        const template = get(PRINT_LABELS[lang]);
        return (
          <Fragment key={lang}>
            {index > 0 && ' / '}
            <span lang={lang}>{filled ? interpolate(template, filled) : template}</span>
          </Fragment>
        );
      })}
    </>
  );
}

/** A label as plain text in one language. */
export function labelText(lang: Lang, get: (labels: PrintLabels) => string, values?: Values): string {
  const template = get(PRINT_LABELS[lang]);
  return values ? interpolate(template, values) : template;
}

/** Stored bilingual text in one language, falling back to the other (and saying which it is). */
export function Txt({ value, lang }: { value: Bilingual; lang: Lang }) {
  const picked = pickText(value, lang);
  return picked.lang === lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/**
 * Stored bilingual text in the report's language(s): in two languages one per line,
 * joined by " / " when `inline`, or as separate paragraphs when `paragraphs`.
 */
export function BiText({
  value,
  mode,
  inline = false,
  paragraphs = false,
}: {
  value: Bilingual;
  mode: ReportLanguage;
  inline?: boolean;
  paragraphs?: boolean;
}) {
  const langs = languagesOf(mode);
  const texts = langs.map((lang) => ({ lang, picked: pickText(value, lang) }));
  // The same words twice (a name, an acronym) print once.
  const firstText = texts[0]?.picked.text;
  const distinct = texts.filter((entry, index) => index === 0 || entry.picked.text !== firstText);
  if (paragraphs) {
    return (
      <>
        {distinct.map(({ lang, picked }) => (
          <p key={lang} lang={picked.lang}>
            {picked.text}
          </p>
        ))}
      </>
    );
  }
  return (
    <>
      {distinct.map(({ lang, picked }, index) => (
        <Fragment key={lang}>
          {index > 0 && inline && ' / '}
          <span lang={picked.lang} className={!inline && index > 0 ? 'second-line' : undefined}>
            {picked.text}
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** The name in Latin script, with the honorific a list prints ("Ms. Aigerim Seitkali"). */
export function latinName(name: PersonName, withHonorific: boolean): string {
  return withHonorific && name.honorific !== '' ? `${name.honorific} ${name.latin}` : name.latin;
}

/** The name in the native script, or in Latin script when there is none. */
export function nativeName(name: PersonName): string {
  return name.native !== '' ? name.native : name.latin;
}

/**
 * A person's name, isolated for bidirectional text (Dari names run right to left inside
 * left-to-right lines). `both` prints the native spelling under the Latin one.
 */
export function Name({ name, script, honorific = false }: { name: PersonName; script: NameScript; honorific?: boolean }) {
  switch (script) {
    case 'latin':
      return <bdi>{latinName(name, honorific)}</bdi>;
    case 'native':
      return <bdi dir="auto">{nativeName(name)}</bdi>;
    case 'both':
      return (
        <>
          <bdi>{latinName(name, honorific)}</bdi>
          {name.native !== '' && name.native !== name.latin && (
            <span className="second-line">
              <bdi dir="auto">{name.native}</bdi>
            </span>
          )}
        </>
      );
  }
}

/** The script names are written in for a column of that language. */
export function scriptFor(lang: Lang): NameScript {
  return lang === 'en' ? 'latin' : 'native';
}

/** Names separated by commas. */
export function NameList({ names, script }: { names: readonly PersonName[]; script: NameScript }) {
  return (
    <>
      {names.map((name, index) => (
        <Fragment key={`${name.latin}-${String(index)}`}>
          {index > 0 && ', '}
          <Name name={name} script={script} />
        </Fragment>
      ))}
    </>
  );
}

/** Compared text: insertions underlined, deletions struck through, the rest plain. */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        const key = String(index);
        switch (segment.kind) {
          case 'insert':
            return <ins key={key}>{segment.text}</ins>;
          case 'delete':
            return <del key={key}>{segment.text}</del>;
          case 'equal':
            return <Fragment key={key}>{segment.text}</Fragment>;
        }
      })}
    </>
  );
}

/**
 * The DRAFT (or CANCELLED) mark: a large faint word that Chromium repeats on every printed
 * page (a fixed element prints on each page), plus a visible stamp under the title.
 */
export function Watermark({ draft, cancelled, mode }: { draft: boolean; cancelled: boolean; mode: ReportLanguage }) {
  if (!draft && !cancelled) return null;
  const get = (labels: PrintLabels) => (cancelled ? labels.cancelled : labels.draft);
  return (
    <div className={languagesOf(mode).length > 1 ? 'watermark two-languages' : 'watermark'} aria-hidden="true">
      <Label mode={mode} get={get} />
    </div>
  );
}

export function Stamp({ draft, cancelled, mode }: { draft: boolean; cancelled: boolean; mode: ReportLanguage }) {
  if (!draft && !cancelled) return null;
  return (
    <p className="stamp">
      <Label mode={mode} get={(labels) => (cancelled ? labels.cancelled : labels.draft)} />
    </p>
  );
}

/** Title lines: the first language as the heading, the second under it. */
export function TitleLines({ value, mode }: { value: Bilingual; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  const [first, second] = langs;
  if (first === undefined) return null;
  const firstText = pickText(value, first);
  const secondText = second === undefined ? null : pickText(value, second);
  return (
    <>
      <Heading level={1} lang={firstText.lang}>
        {firstText.text}
      </Heading>
      {secondText && secondText.text !== firstText.text && (
        <p className="title-second" lang={secondText.lang}>
          {secondText.text}
        </p>
      )}
    </>
  );
}

function MetaRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Kind of report, meeting title, dates, place, host, "in conjunction with" and the status marks. */
export function MeetingHeader({
  meeting,
  mode,
  kindLabel,
  draft,
  cancelled,
  children,
}: {
  meeting: MeetingHead;
  mode: ReportLanguage;
  kindLabel: (labels: PrintLabels) => string;
  draft: boolean;
  cancelled: boolean;
  children?: ReactNode;
}) {
  const place: Bilingual = {
    en: [meeting.venue.en, meeting.city.en].filter((part) => part.trim() !== '').join(', '),
    ru: [meeting.venue.ru, meeting.city.ru].filter((part) => part.trim() !== '').join(', '),
  };
  return (
    <header className="report-head">
      <p className="report-kind">
        <Label mode={mode} get={kindLabel} />
      </p>
      <TitleLines value={meeting.title} mode={mode} />
      <Stamp draft={draft} cancelled={cancelled} mode={mode} />
      <dl className="meta">
        <MetaRow label={<Label mode={mode} get={(l) => l.dates} />}>
          {languagesOf(mode).map((lang, index) => (
            <Fragment key={lang}>
              {index > 0 && ' / '}
              <span lang={lang}>{formatDateRange(meeting.startDate, meeting.endDate, lang)}</span>
            </Fragment>
          ))}
        </MetaRow>
        <MetaRow label={<Label mode={mode} get={(l) => l.place} />}>
          {isBlank(place) ? <Label mode={mode} get={(l) => l.notStated} /> : <BiText value={place} mode={mode} inline />}
        </MetaRow>
        {meeting.host && (
          <MetaRow label={<Label mode={mode} get={(l) => l.host} />}>
            <BiText value={meeting.host} mode={mode} />
          </MetaRow>
        )}
        {!isBlank(meeting.inConjunctionWith) && (
          <MetaRow label={<Label mode={mode} get={(l) => l.inConjunctionWith} />}>
            <BiText value={meeting.inConjunctionWith} mode={mode} />
          </MetaRow>
        )}
      </dl>
      {children}
    </header>
  );
}

/** "Times are local time at the venue (Asia/Bishkek, UTC+6)." */
export function TimesNote({ meeting, mode }: { meeting: MeetingHead; mode: ReportLanguage }) {
  return (
    <p className="note">
      <Label mode={mode} get={(l) => l.timesNote} values={{ zone: formatZone(meeting.timeZone, meeting.startDate) }} />
    </p>
  );
}
