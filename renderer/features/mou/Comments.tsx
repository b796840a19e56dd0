/** Comments on an article or an amendment: read, post, resolve and reopen (any role). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/model';
import { validateComment } from '../../../shared/mou/validation';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
import { useCheckedSubmit, useShowMouError } from './ui';

function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function Comments({
  targetKind,
  targetId,
  heading,
}: {
  targetKind: Comment['targetKind'];
  targetId: string;
  heading: string;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const language = currentLanguage();
  const comments = useLiveQuery(() => repositories.mou.listComments(targetId), [repositories, targetId]);
  const [text, setText] = useState('');
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const headingId = `comments-${targetId}`;

  const post = async () => {
    await repositories.mou.addComment(targetKind, targetId, text);
    setText('');
    showToast('info', t('mou.comments.posted'));
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {comments === undefined ? null : comments.length === 0 ? (
        <p>{t('mou.comments.none')}</p>
      ) : (
        <ul className="comments">
          {comments.map((comment) => (
            <li key={comment.id} className={comment.resolved ? 'resolved' : undefined}>
              <div className="comment-meta">
                <span>{t('mou.comments.by', { name: comment.authorName, date: formatMoment(comment.createdAt, language) })}</span>
                {comment.resolved && <span className="badge">{t('mou.comments.resolved')}</span>}
              </div>
              <p className="comment-text">{comment.text}</p>
              <button
                type="button"
                className="secondary small"
                onClick={() => {
                  repositories.mou.setCommentResolved(comment.id, !comment.resolved).catch(showMouError);
                }}
              >
                {comment.resolved ? t('mou.comments.reopen') : t('mou.comments.resolve')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form" noValidate aria-label={t('mou.comments.add')} onSubmit={(event) => void submit(event, () => validateComment(text), post)}>
        <TextField multiline label={t('mou.comments.text')} value={text} rows={3} error={issues.message('text')} onChange={setText} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('mou.comments.post')}
          </button>
        </div>
      </form>
    </section>
  );
}
