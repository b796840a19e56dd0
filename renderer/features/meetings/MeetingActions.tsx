/**
 * The actions area in a meeting page's header: saving the agenda as a calendar for anyone;
 * editing, cancelling (or reinstating) and deleting for the secretariat. Other areas add
 * their own buttons for a meeting here (e.g. the reports' "Export PDF"), as children.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Meeting, Session } from '../../../shared/model';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { exportAgenda } from './exportAgenda';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  participantCount: number;
  personName: (delegateId: string) => string | undefined;
  editable: boolean;
  /** Buttons of other areas, placed after the calendar export. */
  children?: ReactNode;
}

export function MeetingActions({ meeting, sessions, participantCount, personName, editable, children }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const [exporting, setExporting] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'cancel' | null>(null);

  const saveCalendar = async () => {
    if (sessions.length === 0) {
      showToast('info', t('meetings.page.noSessionsToExport'));
      return;
    }
    setExporting(true);
    try {
      const result = await exportAgenda(meeting, sessions, personName, currentLanguage(), t);
      if (result.saved) showToast('info', t('meetings.page.exported', { path: result.path }));
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="page-actions" role="group" aria-label={t('meetings.page.actions')}>
      {/* While saving the button stays focusable (aria-disabled), so focus does not fall to the page. */}
      <button
        type="button"
        aria-disabled={exporting ? true : undefined}
        onClick={() => {
          if (!exporting) void saveCalendar();
        }}
      >
        {exporting ? t('meetings.page.exporting') : t('meetings.page.exportIcs')}
      </button>
      {children}
      {editable && (
        <>
          <Link className="button secondary" to={`/meetings/${meeting.id}/edit`}>
            {t('meetings.page.edit')}
          </Link>
          {meeting.status === 'cancelled' ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                repositories.meetings
                  .setStatus(meeting.id, 'planned')
                  .then(() => {
                    showToast('info', t('meetings.page.reinstated'));
                  })
                  .catch(showError);
              }}
            >
              {t('meetings.page.reinstate')}
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirm('cancel');
              }}
            >
              {t('meetings.page.cancelMeeting')}
            </button>
          )}
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirm('delete');
            }}
          >
            {t('meetings.page.delete')}
          </button>
        </>
      )}
      {confirm === 'cancel' && (
        <ConfirmDialog
          title={t('meetings.page.confirmCancelTitle')}
          cancelLabel={t('meetings.page.keep')}
          confirmLabel={t('meetings.page.confirmCancel')}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            setConfirm(null);
            repositories.meetings
              .setStatus(meeting.id, 'cancelled')
              .then(() => {
                showToast('info', t('meetings.page.cancelled'));
              })
              .catch(showError);
          }}
        >
          <p>{t('meetings.page.confirmCancelBody')}</p>
        </ConfirmDialog>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog
          title={t('meetings.page.confirmDeleteTitle')}
          cancelLabel={t('meetings.page.keep')}
          confirmLabel={t('meetings.page.confirmDelete')}
          danger
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            setConfirm(null);
            repositories.meetings
              .remove(meeting.id)
              .then(async () => {
                showToast('info', t('meetings.page.deleted'));
                await navigate('/meetings');
              })
              .catch(showError);
          }}
        >
          <p>{t('meetings.page.confirmDeleteBody', { sessions: sessions.length, participants: participantCount })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
