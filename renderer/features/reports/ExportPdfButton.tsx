/**
 * "Export PDF" for any report: reads the report's records, sends them with the spec to main
 * (which prints in a locked-down page and asks where to save), and tells the person how it
 * went. Shows progress while main works; other screens embed it with their own spec, e.g.
 * `<ExportPdfButton spec={{ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }} />`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSpec } from '../../../shared/reports/spec';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';

export interface ExportPdfButtonProps {
  /** The report; null disables the button (e.g. no meeting chosen yet). */
  spec: ReportSpec | null;
  /** Button text; "Export PDF" by default. */
  label?: string;
  disabled?: boolean;
}

export function ExportPdfButton({ spec, label, disabled = false }: ExportPdfButtonProps) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState(false);

  const exportPdf = async (chosen: ReportSpec) => {
    setBusy(true);
    try {
      const source = await repositories.reports.loadSource(chosen);
      const result = await api.exportReportPdf({ spec: chosen, source });
      if (result.saved) showToast('info', t('reports.export.saved', { path: result.path, pages: result.pages }));
      else showToast('info', t('reports.export.cancelled'));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export-pdf">
      <button
        type="button"
        // While busy the button stays focusable (aria-disabled, not disabled), so focus does not fall to the page.
        disabled={disabled || spec === null}
        aria-disabled={busy ? true : undefined}
        aria-busy={busy}
        onClick={() => {
          if (spec && !busy) void exportPdf(spec);
        }}
      >
        {busy ? t('reports.export.busy') : (label ?? t('reports.export.button'))}
      </button>
      {busy && <progress className="export-progress" aria-label={t('reports.export.progress')} />}
    </span>
  );
}
