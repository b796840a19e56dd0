/**
 * The running header (document title, DRAFT mark) and footer ("Page X of Y", print date)
 * that Chromium prints in the page margins. Chromium fills the elements with the classes
 * `pageNumber` and `totalPages`; everything else is our text, escaped by React. The
 * templates print in a separate page with none of the report's styles or fonts, so their
 * styles are inline and their fonts come with them (see document.ts).
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { formatDate, formatShortDate, languagesOf, type Lang } from '../format';
import type { ReportModel } from '../model';
import { REPORT_FONT_FAMILY } from '../fonts';
import { labelText, PRINT_LABELS } from './common';

/** The title as the running header prints it: one language, or both joined. */
export function headerTitle(model: ReportModel): string {
  return languagesOf(model.language)
    .map((lang) => model.title[lang].trim() || model.title[lang === 'en' ? 'ru' : 'en'])
    .join(' / ');
}

/** Each language's title as the header prints it, isolated; an MoU says which text it shows on every page. */
function HeaderTitle({ model }: { model: ReportModel }) {
  const langs = languagesOf(model.language);
  return (
    <>
      {langs.map((lang, index) => (
        <Fragment key={lang}>
          {index > 0 && ' / '}
          <bdi>{model.title[lang].trim() || model.title[lang === 'en' ? 'ru' : 'en']}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/** "Version 3: Second draft, 15 March 2026" or "Working text as of 12 March 2026", in the report's languages. */
export function mouVersionLine(model: ReportModel): string | null {
  if (model.kind !== 'mou') return null;
  const version = model.version;
  return languagesOf(model.language)
    .map((lang) =>
      version
        ? labelText(lang, (l) => l.mou.versionShort, { number: version.number, date: formatShortDate(version.date, lang) })
        : labelText(lang, (l) => l.mou.workingTextShort, { date: formatShortDate(model.printedOn, lang) }),
    )
    .join(' / ');
}

function bar(marginMm: number): CSSProperties {
  return {
    boxSizing: 'border-box',
    width: '100%',
    padding: `0 ${String(marginMm)}mm`,
    fontFamily: `"${REPORT_FONT_FAMILY}", sans-serif`,
    fontSize: '7.5pt',
    color: '#222',
    display: 'flex',
    justifyContent: 'space-between',
    gap: '6mm',
  };
}

const ellipsis: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' };

export function PageHeader({ model, marginMm }: { model: ReportModel; marginMm: number }) {
  const langs = languagesOf(model.language);
  const mark = model.cancelled ? 'cancelled' : model.draft ? 'draft' : null;
  const version = mouVersionLine(model);
  return (
    <div style={bar(marginMm)}>
      <span style={ellipsis}>
        <HeaderTitle model={model} />
      </span>
      {version !== null && <span style={{ whiteSpace: 'nowrap' }}>{version}</span>}
      {mark && (
        <span style={{ fontWeight: 700, letterSpacing: '0.08em', whiteSpace: 'nowrap' }}>
          {langs.map((lang) => PRINT_LABELS[lang][mark]).join(' / ')}
        </span>
      )}
    </div>
  );
}

/** "Page {{page}} of {{pages}}" with Chromium's number elements in place of the placeholders. */
function pageOf(lang: Lang): ReactNode {
  const template = labelText(lang, (l) => l.pageOf);
  const parts = template.split(/(\{\{page\}\}|\{\{pages\}\})/);
  return parts.map((part, index) => {
    const key = String(index);
    if (part === '{{page}}') return <span key={key} className="pageNumber" />;
    if (part === '{{pages}}') return <span key={key} className="totalPages" />;
    return <Fragment key={key}>{part}</Fragment>;
  });
}

export function PageFooter({ model, marginMm }: { model: ReportModel; marginMm: number }) {
  const langs = languagesOf(model.language);
  return (
    <div style={bar(marginMm)}>
      <span>
        {langs.map((lang, index) => (
          <Fragment key={lang}>
            {index > 0 && ' / '}
            {labelText(lang, (l) => l.printedOn, { date: formatDate(model.printedOn, lang) })}
          </Fragment>
        ))}
      </span>
      <span style={{ whiteSpace: 'nowrap' }}>
        {langs.map((lang, index) => (
          <Fragment key={lang}>
            {index > 0 && ' / '}
            {pageOf(lang)}
          </Fragment>
        ))}
      </span>
    </div>
  );
}
