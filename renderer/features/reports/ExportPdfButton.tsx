/**
 * "Export PDF" and "Print…" for any report: reads the report's records and sends them with
 * the spec to main, which prints in a locked-down page and either asks where to save the
 * PDF or shows the system print dialog (the same document, page size and margins), then
 * tells the person how it went. Shows progress while main works; other screens embed it
 * with their own spec, e.g.
 * `<ExportPdfButton spec={{ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }} />`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSpec } from '../../../shared/reports/spec';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';

export interface ExportPdfButtonProps {
  /** The report; null disables the buttons (e.g. no meeting chosen yet). */
  spec: ReportSpec | null;
  /** Export button text; "Export PDF" by default. */
  label?: string;
  /** Print button text; "Print…" by default (name the report where a screen offers several). */
  printLabel?: string;
  disabled?: boolean;
}

type Action = 'export' | 'print';

export function ExportPdfButton({ spec, label, printLabel, disabled = false }: ExportPdfButtonProps) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState<Action | null>(null);

  const run = async (action: Action, chosen: ReportSpec) => {
    setBusy(action);
    try {
      const source = await repositories.reports.loadSource(chosen);
      if (action === 'export') {
        const result = await api.exportReportPdf({ spec: chosen, source });
        if (result.saved) showToast('info', t('reports.export.saved', { path: result.path, pages: result.pages }));
        else showToast('info', t('reports.export.cancelled'));
      } else {
        const result = await api.printReport({ spec: chosen, source });
        showToast('info', result.printed ? t('reports.toPrinter.sent') : t('reports.toPrinter.cancelled'));
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const button = (action: Action, text: string, busyText: string) => (
    <button
      type="button"
      // While busy the buttons stay focusable (aria-disabled, not disabled), so focus does not fall to the page.
      disabled={disabled || spec === null}
      aria-disabled={busy !== null ? true : undefined}
      aria-busy={busy === action}
      onClick={() => {
        if (spec && busy === null) void run(action, spec);
      }}
    >
      {busy === action ? busyText : text}
    </button>
  );

  return (
    <span className="export-pdf">
      {button('export', label ?? t('reports.export.button'), t('reports.export.busy'))}
      {button('print', printLabel ?? t('reports.toPrinter.button'), t('reports.toPrinter.busy'))}
      {busy !== null && (
        <progress className="export-progress" aria-label={busy === 'export' ? t('reports.export.progress') : t('reports.toPrinter.progress')} />
      )}
    </span>
  );
}
