/** Freezes the current text as a numbered version: label (unique per MoU), date, note, and the meeting where it was tabled. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateVersion } from '../../../shared/mou/validation';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { SelectField, TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
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
  const language = currentLanguage();
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const { busy, issues, formRef, submit } = useCheckedSubmit();

  const freeze = async () => {
    const version = await repositories.mou.freezeVersion(documentId, {
      label,
      date,
      note,
      meetingId: meetingId === '' ? null : meetingId,
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
      <SelectField label={t('mou.version.meeting')} value={meetingId} onChange={setMeetingId}>
        <option value="">{t('mou.version.noMeeting')}</option>
        {(meetings ?? []).map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {`${pick(meeting.title, language)} (${formatDate(meeting.startDate, language)})`}
          </option>
        ))}
      </SelectField>
      <TextField multiline label={t('mou.version.note')} value={note} rows={3} onChange={setNote} />
      <SaveCancel busy={busy} saveLabel={t('mou.version.freeze')} onCancel={() => onDone(null)} />
    </form>
  );
}
