/**
 * The on-screen preview of a report: the same view and the same components the print
 * service renders, on a paper of the chosen size, kept current with the database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildReport, ReportInputError } from '../../../shared/reports/build';
import { ReportHeadingShift } from '../../../shared/reports/components/common';
import { ReportView } from '../../../shared/reports/components/ReportView';
import { pageSetupFor } from '../../../shared/reports/document';
import { isoDateOf } from '../../../shared/reports/format';
import type { ReportModel } from '../../../shared/reports/model';
import type { ReportSpec } from '../../../shared/reports/spec';
import { useRepositories } from '../../app/RepositoriesContext';
import { adoptReportStyles } from './previewStyles';

type Built = { model: ReportModel } | { error: string };

export function ReportPreview({ spec, labelledBy }: { spec: ReportSpec; labelledBy: string }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  useLayoutEffect(adoptReportStyles, []);
  // Keyed by the spec's content: a new object with the same choices reads nothing again.
  const key = JSON.stringify(spec);
  const source = useLiveQuery(() => repositories.reports.loadSource(spec), [repositories, key]);

  const built = useMemo((): Built | undefined => {
    if (source === undefined) return undefined;
    try {
      return { model: buildReport(spec, source, isoDateOf(new Date())) };
    } catch (error) {
      if (error instanceof ReportInputError) return { error: t(`reports.inputErrors.${error.reason}`) };
      throw error;
    }
    // `spec` is covered by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key, t]);

  if (built === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if ('error' in built) {
    return (
      <p className="field-error" role="alert">
        {t('reports.previewFailed', { message: built.error })}
      </p>
    );
  }
  const setup = pageSetupFor(built.model);
  const paperClass = [
    'preview-paper',
    setup.pageSize === 'Letter' ? 'paper-letter' : 'paper-a4',
    setup.landscape ? 'landscape' : '',
  ].join(' ');
  return (
    <div className="report-preview" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <div className={paperClass.trim()}>
        {/* The report sits under the screen's h1: its own headings are announced one level down. */}
        <ReportHeadingShift.Provider value={1}>
          <ReportView model={built.model} />
        </ReportHeadingShift.Provider>
      </div>
    </div>
  );
}
