/** Freezes the current text as a numbered version: label (unique per MoU), date, note, and the meeting (and agenda session) where it was tabled or adopted. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateVersion } from '../../../shared/mou/validation';
import { todayIso } from '../../app/format';
import { useRepositories } from '../../app/RepositoriesContext';
import { TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
import { WherePicker } from './Brackets';
import { SaveCancel, useCheckedSubmit } from './ui';

export function FreezeVersionForm({
  documentId,
  takenLabels,
  onDone,
}: {
  documentId: string;
  takenLabels: string[];
  onDone: (number: number | null) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [where, setWhere] = useState({ meetingId: '', sessionId: '' });
  const { busy, issues, formRef, submit } = useCheckedSubmit();

  const freeze = async () => {
    const version = await repositories.mou.freezeVersion(documentId, {
      label,
      date,
      note,
      meetingId: where.meetingId === '' ? null : where.meetingId,
      sessionId: where.sessionId === '' ? null : where.sessionId,
    });
    showToast('info', t('mou.version.frozen', { number: version.number }));
    onDone(version.number);
  };

  return (
    <form
      ref={formRef}
      className="form editor-panel"
      noValidate
      aria-label={t('mou.version.freezeTitle')}
      onSubmit={(event) => void submit(event, () => validateVersion({ label, date }, takenLabels), freeze)}
    >
      <h2>{t('mou.version.freezeTitle')}</h2>
      <p className="hint">{t('mou.version.freezeHint')}</p>
      <TextField label={t('mou.version.label')} hint={t('mou.version.labelHint')} value={label} error={issues.message('label')} onChange={setLabel} />
      <TextField type="date" label={t('mou.version.date')} value={date} error={issues.message('date')} onChange={setDate} />
      <WherePicker
        meetingId={where.meetingId}
        sessionId={where.sessionId}
        labels={{ meeting: t('mou.version.meeting'), noMeeting: t('mou.version.noMeeting') }}
        onChange={(meetingId, sessionId) => setWhere({ meetingId, sessionId })}
        onDay={setDate}
      />
      <TextField multiline label={t('mou.version.note')} value={note} rows={3} onChange={setNote} />
      <SaveCancel busy={busy} saveLabel={t('mou.version.freeze')} onCancel={() => onDone(null)} />
    </form>
  );
}
