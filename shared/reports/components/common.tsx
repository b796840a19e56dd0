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
import { latinOrFallback, nativeOrFallback, readableBeside } from '../names';
import type { NameScript, ReportLanguage } from '../spec';
import { watermarkPath } from '../watermarkGlyphs';

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

/** True inside the meeting book (components/Book.tsx provides it). */
export const InBookContext = createContext(false);
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
            <span lang={lang}>{filled ? <Filled template={template} values={filled} /> : template}</span>
          </Fragment>
        );
      })}
    </>
  );
}

/** A label with its placeholders filled, each value isolated (a value may be a stored string). */
export function Filled({ template, values }: { template: string; values: Values }) {
  const parts = template.split(/(\{\{\w+\}\})/);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        const value = name === undefined ? undefined : values[name];
        if (value === undefined) return <Fragment key={String(index)}>{part}</Fragment>;
        return <bdi key={String(index)}>{value}</bdi>;
      })}
    </>
  );
}

/** A label in one language with its values filled and isolated. */
export function LabelIn({ lang, get, values }: { lang: Lang; get: (labels: PrintLabels) => string; values: Values }) {
  return <Filled template={get(PRINT_LABELS[lang])} values={values} />;
}

/** A label as plain text in one language. */
export function labelText(lang: Lang, get: (labels: PrintLabels) => string, values?: Values): string {
  const template = get(PRINT_LABELS[lang]);
  return values ? interpolate(template, values) : template;
}

/** Stored bilingual text in one language, falling back to the other (and saying which it is). */
export function Txt({ value, lang }: { value: Bilingual; lang: Lang }) {
  const picked = pickText(value, lang);
  return picked.lang === lang ? <U>{picked.text}</U> : <U lang={picked.lang}>{picked.text}</U>;
}

/**
 * A user-supplied string, isolated for bidirectional text: whatever it holds (a Dari name,
 * an unclosed right-to-left override arriving from another installation) cannot reorder
 * the text around it. Every stored value a template prints goes through here (or <bdi>).
 */
export function U({ children, lang, className }: { children: ReactNode; lang?: string; className?: string }) {
  return (
    <bdi lang={lang} className={className}>
      {children}
    </bdi>
  );
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
            <U>{picked.text}</U>
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
          <U lang={picked.lang} className={!inline && index > 0 ? 'second-line' : undefined}>
            {picked.text}
          </U>
        </Fragment>
      ))}
    </>
  );
}

/**
 * The name in Latin script, with the honorific a list prints ("Ms. Aigerim Seitkali");
 * never blank: without a Latin spelling, transliterated from Cyrillic or as written.
 */
export function latinName(name: PersonName, withHonorific: boolean): string {
  const text = latinOrFallback(name);
  return withHonorific && name.honorific !== '' && text !== '' ? `${name.honorific} ${text}` : text;
}

/** The name in the native script, or in Latin script when there is none. */
export function nativeName(name: PersonName): string {
  return nativeOrFallback(name);
}

/** A native name a Russian reader may not read (Dari), with its Latin spelling after it. */
function NativeName({ name }: { name: PersonName }) {
  const beside = readableBeside(name);
  return (
    <>
      <bdi dir="auto">{nativeName(name)}</bdi>
      {beside !== null && (
        <>
          {' ('}
          <bdi>{beside}</bdi>
          {')'}
        </>
      )}
    </>
  );
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
      return <NativeName name={name} />;
    case 'both':
      return (
        <>
          <bdi>{latinName(name, honorific)}</bdi>
          {name.native !== '' && name.native !== latinOrFallback(name) && (
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
export function Watermark({ draft, cancelled, mode, own = false }: { draft: boolean; cancelled: boolean; mode: ReportLanguage; own?: boolean }) {
  const inBook = useContext(InBookContext);
  if ((!draft && !cancelled) || (inBook && !own)) return null;
  const text = languagesOf(mode)
    .map((lang) => (cancelled ? PRINT_LABELS[lang].cancelled : PRINT_LABELS[lang].draft))
    .join(' / ');
  const { d, width } = watermarkPath(text);
  const stroke = 14;
  return (
    <div className="watermark" aria-hidden="true">
      <svg viewBox={`${String(-stroke)} ${String(-stroke)} ${String(width + 2 * stroke)} ${String(100 + 2 * stroke)}`} role="presentation">
        <path d={d} fill="none" stroke="rgba(0,0,0,0.075)" strokeWidth={stroke} strokeLinejoin="round" strokeLinecap="round" />
      </svg>
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
        <U>{firstText.text}</U>
      </Heading>
      {secondText && secondText.text !== firstText.text && (
        <p className="title-second" lang={secondText.lang}>
          <U>{secondText.text}</U>
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
  standalone = false,
}: {
  meeting: MeetingHead;
  mode: ReportLanguage;
  kindLabel: (labels: PrintLabels) => string;
  draft: boolean;
  cancelled: boolean;
  children?: ReactNode;
  /** The full header even inside the meeting book (its title page). */
  standalone?: boolean;
}) {
  const inBook = useContext(InBookContext);
  if (inBook && !standalone) {
    // In the book, the title page says which meeting; a part opens with its kind.
    return (
      <header className="report-head book-part-head">
        <h1>
          <Label mode={mode} get={kindLabel} />
        </h1>
        {children}
      </header>
    );
  }
  const langs = languagesOf(mode);
  // Venue and city each fall back to the other language on their own: a Russian line keeps
  // the venue's English name when only that one is filled. Each part is isolated.
  const placeParts = (lang: Lang) => [pickText(meeting.venue, lang), pickText(meeting.city, lang)].filter((part) => part.text !== '');
  const placeKey = (lang: Lang) => placeParts(lang).map((part) => part.text).join('\u0000');
  const places = langs.filter((lang, index) => index === 0 || placeKey(lang) !== placeKey(langs[0] ?? 'en'));
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
          {isBlank(meeting.venue) && isBlank(meeting.city) ? (
            <Label mode={mode} get={(l) => l.notStated} />
          ) : (
            places.map((lang, index) => (
              <Fragment key={lang}>
                {index > 0 && ' / '}
                <span lang={lang}>
                  {placeParts(lang).map((part, partIndex) => (
                    <Fragment key={String(partIndex)}>
                      {partIndex > 0 && ', '}
                      <U lang={part.lang === lang ? undefined : part.lang}>{part.text}</U>
                    </Fragment>
                  ))}
                </span>
              </Fragment>
            ))
          )}
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
