/** The document's status steps (drafting → negotiation → agreed → signed), each dated; for the secretariat. */
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MouDocument, MouStatus } from '../../../shared/model';
import { nextStatus, previousStatus } from '../../../shared/mou/status';
import { todayIso } from '../../app/format';
import { useRepositories } from '../../app/RepositoriesContext';
import { focusFirstInvalid, TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
import { useIssues, useShowMouError } from './ui';

export function StatusControl({ document }: { document: MouDocument }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const [target, setTarget] = useState<MouStatus | null>(null);
  const [date, setDate] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const issues = useIssues();
  const formRef = useRef<HTMLFormElement>(null);
  const forward = nextStatus(document.status);
  const back = previousStatus(document.status);
  if (forward === null && back === null) return null;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (target === null) return;
    setBusy(true);
    try {
      await repositories.mou.changeStatus(document.id, target, date);
      showToast('info', t('mou.statusControl.changed', { status: t(`mouStatuses.${target}`) }));
      setTarget(null);
      issues.setIssues([]);
    } catch (error) {
      if (issues.absorb(error)) focusFirstInvalid(formRef.current);
      else showMouError(error);
    } finally {
      setBusy(false);
    }
  };

  if (target === null) {
    return (
      <div className="actions" role="group" aria-label={t('mou.statusControl.legend')}>
        {forward && (
          <button type="button" className="secondary" onClick={() => setTarget(forward)}>
            {t('mou.statusControl.forward', { status: t(`mouStatuses.${forward}`) })}
          </button>
        )}
        {back && (
          <button type="button" className="secondary" onClick={() => setTarget(back)}>
            {t('mou.statusControl.back', { status: t(`mouStatuses.${back}`) })}
          </button>
        )}
      </div>
    );
  }

  const heading =
    target === forward
      ? t('mou.statusControl.forward', { status: t(`mouStatuses.${target}`) })
      : t('mou.statusControl.back', { status: t(`mouStatuses.${target}`) });
  const statusError = issues.message('status');
  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={heading} onSubmit={(event) => void submit(event)}>
      <h2>{heading}</h2>
      {target === 'signed' && <p className="notice warning">{t('mou.statusControl.signedWarning')}</p>}
      <TextField
        type="date"
        label={t('mou.statusControl.date')}
        value={date}
        error={statusError}
        onChange={setDate}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('mou.statusControl.confirm')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setTarget(null);
            issues.setIssues([]);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
