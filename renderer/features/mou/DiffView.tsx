/**
 * Word-level differences on screen: inserted words in <ins>, deleted words in <del> (which
 * screen readers announce as insertion and deletion), one paragraph per line, plus the
 * legend explaining the marks.
 */
import { useTranslation } from 'react-i18next';
import { splitSegmentsIntoLines, type DiffSegment, type TextLanguage } from '../../../shared/mou/compare';

export function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        const key = `${String(index)}-${segment.kind}`;
        switch (segment.kind) {
          case 'equal':
            return <span key={key}>{segment.text}</span>;
          case 'insert':
            return (
              <ins key={key} className="diff-insert">
                {segment.text}
              </ins>
            );
          case 'delete':
            return (
              <del key={key} className="diff-delete">
                {segment.text}
              </del>
            );
        }
      })}
    </>
  );
}

export function DiffText({ segments, lang }: { segments: readonly DiffSegment[]; lang: TextLanguage }) {
  return (
    <div className="diff-text" lang={lang}>
      {splitSegmentsIntoLines(segments).map((line, index) =>
        line.length === 0 ? null : (
          <p key={index}>
            <Segments segments={line} />
          </p>
        ),
      )}
    </div>
  );
}

export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p className="compare-legend hint">
      <span>{t('mou.compare.legend')}</span>
      <ins className="diff-insert">{t('mou.compare.legendInserted')}</ins>
      <del className="diff-delete">{t('mou.compare.legendDeleted')}</del>
    </p>
  );
}
