/**
 * The side-by-side editor of an article: heading and body in English and Russian next to
 * each other, with warnings when the paragraph numbering is out of sequence or the two
 * languages' paragraphs differ, and a button to renumber paragraphs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextLanguage } from '../../../shared/mou/compare';
import { checkNumbering, compareStructure, renumberParagraphs } from '../../../shared/mou/structure';
import { validateArticle, type ArticleInput } from '../../../shared/mou/validation';
import { TextField } from '../../app/forms';
import { SaveCancel, useCheckedSubmit } from './ui';

const LANGUAGES: readonly TextLanguage[] = ['en', 'ru'];

/** The four text fields, controlled by the caller (also used inside the amendment form). */
export function ArticleFields({
  value,
  onChange,
  errorFor,
  brackets = false,
}: {
  value: ArticleInput;
  onChange: (value: ArticleInput) => void;
  errorFor: (path: string) => string | undefined;
  /** The official text's editor: say how square brackets are typed. */
  brackets?: boolean;
}) {
  const { t } = useTranslation();
  const mismatch = compareStructure(value.body.en, value.body.ru);
  const numbering = LANGUAGES.flatMap((language) =>
    checkNumbering(value.body[language]).map((issue) => ({ language, ...issue })),
  );
  const set = (field: 'heading' | 'body', language: TextLanguage, text: string) => {
    onChange({ ...value, [field]: { ...value[field], [language]: text } });
  };
  return (
    <>
      <div className="editor-grid">
        {LANGUAGES.map((language) => (
          <fieldset key={language} lang={language}>
            <legend>{t('mou.editor.languageColumn', { language: t(`mou.language.${language}`) })}</legend>
            <TextField
              label={`${t('mou.editor.heading')} (${t(`mou.languageShort.${language}`)})`}
              value={value.heading[language]}
              lang={language}
              inputClassName="wide"
              error={errorFor(`heading.${language}`)}
              onChange={(text) => {
                set('heading', language, text);
              }}
            />
            <TextField
              multiline
              label={`${t('mou.editor.body')} (${t(`mou.languageShort.${language}`)})`}
              value={value.body[language]}
              lang={language}
              rows={Math.min(18, Math.max(6, value.body[language].split('\n').length + 2))}
              hint={brackets ? `${t('mou.editor.bodyHint')} ${t('mou.brackets.editorHint')}` : t('mou.editor.bodyHint')}
              error={errorFor(`body.${language}`)}
              onChange={(text) => {
                set('body', language, text);
              }}
            />
            <div>
              <button
                type="button"
                className="secondary small"
                disabled={checkNumbering(value.body[language]).length === 0}
                onClick={() => {
                  set('body', language, renumberParagraphs(value.body[language]));
                }}
              >
                {`${t('mou.editor.renumber')} (${t(`mou.languageShort.${language}`)})`}
              </button>
            </div>
          </fieldset>
        ))}
      </div>
      {(mismatch !== null || numbering.length > 0) && (
        <ul className="warnings">
          {mismatch !== null && (
            <li>
              {t('mou.editor.structureMismatch', {
                index: mismatch.index + 1,
                en: mismatch.en ?? t('mou.editor.none'),
                ru: mismatch.ru ?? t('mou.editor.none'),
              })}
            </li>
          )}
          {numbering.map((issue) => (
            <li key={`${issue.language}-${String(issue.line)}`}>
              {t('mou.editor.numberingIssue', {
                language: t(`mou.languageName.${issue.language}`),
                line: issue.line,
                found: issue.found,
                expected: issue.expected,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A form around ArticleFields that checks the input and saves it through `onSave`. */
export function ArticleEditor({
  title,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  title: string;
  initial: ArticleInput;
  submitLabel: string;
  onSave: (value: ArticleInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState<ArticleInput>(initial);
  const { busy, issues, formRef, submit } = useCheckedSubmit();

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event, () => validateArticle(value), () => onSave(value))}>
      <h3>{title}</h3>
      <ArticleFields value={value} onChange={setValue} errorFor={issues.message} brackets />
      <SaveCancel busy={busy} saveLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
