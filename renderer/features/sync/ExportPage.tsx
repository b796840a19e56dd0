/**
 * Export: choose what goes into the bundle (everything, what one trusted installation
 * lacks, or one meeting), watch it being read and signed (cancel at any point), then save
 * it through the save dialog; main writes the file atomically.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncCancelledError } from '../../../shared/sync/bundleRead';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { ExportRequest, ExportStage, Progress } from '../../db/syncRepository';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';
import { ProgressStatus } from './ProgressStatus';
import { formatNumber } from './syncFormat';
import { utf8Bytes } from '../../lib/bytes';

type ScopeChoice = 'all' | 'peer' | 'meeting';

export function ExportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const ids = useId();
  const options = useLiveQuery(async () => {
    const [peers, meetings] = await Promise.all([repositories.sync.peers(), repositories.meetings.list()]);
    return { peers: peers.filter((peer) => peer.trusted), meetings };
  }, [repositories]);
  const [choice, setChoice] = useState<ScopeChoice>('all');
  const [peerId, setPeerId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [error, setError] = useState<{ field: 'peer' | 'meeting'; message: string } | null>(null);
  const [progress, setProgress] = useState<Progress<ExportStage> | null>(null);
  const [last, setLast] = useState<{ file: string; count: number } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const peerSelect = useRef<HTMLSelectElement>(null);
  const meetingSelect = useRef<HTMLSelectElement>(null);

  if (options === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { peers, meetings } = options;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    let request: ExportRequest = { kind: 'all' };
    if (choice === 'peer') {
      if (peerId === '') {
        setError({ field: 'peer', message: t('sync.export.peerRequired') });
        peerSelect.current?.focus();
        return;
      }
      request = { kind: 'peer', peerId };
    } else if (choice === 'meeting') {
      if (meetingId === '') {
        setError({ field: 'meeting', message: t('sync.export.meetingRequired') });
        meetingSelect.current?.focus();
        return;
      }
      request = { kind: 'meeting', meetingId };
    }
    setError(null);
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ stage: 'read', done: 0, total: 0 });
    try {
      const bundle = await repositories.sync.exportBundle(request, { signal: abort.signal, onProgress: setProgress });
      if (abort.signal.aborted) throw new SyncCancelledError();
      const result = await api.saveFile({
        purpose: 'bundle',
        suggestedName: bundle.fileName,
        content: utf8Bytes(bundle.text),
      });
      if (!result.saved) {
        showToast('info', t('sync.export.notSaved'));
        return;
      }
      await repositories.sync.recordExport(bundle, result.path);
      const file = result.path.split(/[\\/]/).pop() ?? result.path;
      setLast({ file, count: bundle.total });
      showToast('info', t('sync.export.saved', { count: formatNumber(bundle.total, language), path: result.path }));
    } catch (failure) {
      if (failure instanceof SyncCancelledError) showToast('info', t('sync.export.cancelled'));
      else showError(failure);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const option = (value: ScopeChoice, label: string, unavailable = false) => (
    <label className="choice">
      <input
        type="radio"
        name="sync-export-scope"
        value={value}
        checked={choice === value}
        disabled={progress !== null || unavailable}
        onChange={() => {
          setChoice(value);
          setError(null);
        }}
        aria-describedby={`${ids}-${value}-hint`}
      />
      <span>{label}</span>
    </label>
  );

  return (
    <div className="page narrow">
      <PageTitle>{t('sync.export.title')}</PageTitle>
      <p className="lead">{t('sync.export.intro')}</p>
      <section aria-labelledby={`${ids}-heading`}>
        <h2 id={`${ids}-heading`}>{t('sync.export.scopeLegend')}</h2>
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <fieldset className="sync-options">
            <legend className="visually-hidden">{t('sync.export.scopeLegend')}</legend>
            <div className="sync-option">
              {option('all', t('sync.export.all'))}
              <p className="hint" id={`${ids}-all-hint`}>
                {t('sync.export.allHint')}
              </p>
            </div>
            <div className="sync-option">
              {option('peer', t('sync.export.peer'), peers.length === 0)}
              <p className="hint" id={`${ids}-peer-hint`}>
                {peers.length === 0 ? t('sync.export.noPeers') : t('sync.export.peerHint')}
              </p>
              {choice === 'peer' && peers.length > 0 && (
                <>
                  <label className="visually-hidden" htmlFor={`${ids}-peer`}>
                    {t('sync.export.peerLabel')}
                  </label>
                  <select
                    id={`${ids}-peer`}
                    ref={peerSelect}
                    value={peerId}
                    disabled={progress !== null}
                    aria-invalid={error?.field === 'peer'}
                    aria-describedby={error?.field === 'peer' ? `${ids}-peer-error` : undefined}
                    onChange={(event) => {
                      setPeerId(event.target.value);
                      setError(null);
                    }}
                  >
                    <option value="">{t('sync.export.choosePeer')}</option>
                    {peers.map((peer) => (
                      <option key={peer.id} value={peer.id}>
                        {peer.name}
                      </option>
                    ))}
                  </select>
                  {error?.field === 'peer' && (
                    <p className="field-error" id={`${ids}-peer-error`}>
                      {error.message}
                    </p>
                  )}
                </>
              )}
            </div>
            <div className="sync-option">
              {option('meeting', t('sync.export.meeting'), meetings.length === 0)}
              <p className="hint" id={`${ids}-meeting-hint`}>
                {meetings.length === 0 ? t('sync.export.noMeetings') : t('sync.export.meetingHint')}
              </p>
              {choice === 'meeting' && meetings.length > 0 && (
                <>
                  <label className="visually-hidden" htmlFor={`${ids}-meeting`}>
                    {t('sync.export.meetingLabel')}
                  </label>
                  <select
                    id={`${ids}-meeting`}
                    ref={meetingSelect}
                    value={meetingId}
                    disabled={progress !== null}
                    aria-invalid={error?.field === 'meeting'}
                    aria-describedby={error?.field === 'meeting' ? `${ids}-meeting-error` : undefined}
                    onChange={(event) => {
                      setMeetingId(event.target.value);
                      setError(null);
                    }}
                  >
                    <option value="">{t('sync.export.chooseMeeting')}</option>
                    {meetings.map((meeting) => (
                      <option key={meeting.id} value={meeting.id}>
                        {pick(meeting.title, language)} ({meeting.startDate})
                      </option>
                    ))}
                  </select>
                  {error?.field === 'meeting' && (
                    <p className="field-error" id={`${ids}-meeting-error`}>
                      {error.message}
                    </p>
                  )}
                </>
              )}
            </div>
          </fieldset>
          {progress === null ? (
            <p className="actions">
              <button type="submit">{t('sync.export.submit')}</button>
            </p>
          ) : (
            <ProgressStatus
              label={t('sync.export.progressLabel')}
              step={t(`sync.export.stages.${progress.stage}`)}
              done={progress.done}
              total={progress.stage === 'read' ? 0 : progress.total}
              cancelLabel={t('sync.export.cancel')}
              onCancel={() => controller.current?.abort()}
            />
          )}
        </form>
        {last && <p role="status">{t('sync.export.lastExport', { file: last.file, count: formatNumber(last.count, language) })}</p>}
      </section>
    </div>
  );
}
