/**
 * Building blocks of the MoU screens: who is looking (role, country, and what the
 * authority table lets it do), field errors by path
 * (shown by the app's form kit), the check-then-save submit of a form and its Save/Cancel
 * buttons, an inline confirmation, breadcrumbs, the
 * paragraph-structured article text, and the choice of text language.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { create } from 'zustand';
import type { Country, Installation } from '../../../shared/model';
import type { TextLanguage } from '../../../shared/mou/compare';
import { mouOffers, type MouOffers } from '../../../shared/sync/screenOffers';
import { parseBody } from '../../../shared/mou/structure';
import type { MouIssue } from '../../../shared/mou/validation';
import { pick } from '../../app/format';
import { focusFirstInvalid, SelectField } from '../../app/forms';
import { currentLanguage, type Language } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { MouRefusedError, MouValidationError, AmendmentConflictError } from '../../db';
import { showError } from '../../stores/toasts';
import './mou.css';

export interface MouSession {
  installation: Installation;
  countries: Map<string, Country>;
  /** What the screens offer on the official text, documents and versions (shared/sync/screenOffers.ts). */
  may: MouOffers;
}

/** The installation and the countries; undefined while loading. */
export function useMouSession(): MouSession | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => {
    const [installation, countries] = await Promise.all([repositories.installation.get(), repositories.countries.list()]);
    if (!installation) return undefined;
    return {
      installation,
      countries: new Map(countries.map((country) => [country.id, country])),
      may: mouOffers(installation),
    };
  }, [repositories]);
}

export function countryName(countries: Map<string, Country>, id: string | null, language: Language): string {
  if (id === null) return '';
  const country = countries.get(id);
  return country ? pick(country.name, language) : id;
}

/** Shows a repository error as a toast, in the UI language where the error is one of ours. */
export function useShowMouError(): (error: unknown) => void {
  const { t } = useTranslation();
  // Stable, so handlers built on it do not re-render memoized article cards.
  return useCallback(
    (error: unknown) => {
      if (error instanceof MouRefusedError) showError(new Error(t(`mou.errors.${error.code}`)));
      else if (error instanceof AmendmentConflictError) showError(new Error(t(`mou.errors.conflict.${error.conflict.kind}`)));
      else if (error instanceof MouValidationError) {
        showError(new Error(error.mouIssues.map((issue) => t(`mou.errors.${issue.code}`)).join(' ')));
      } else showError(error);
    },
    [t],
  );
}

/** Field errors of a form: set from a local check or a MouValidationError, read by path. */
export function useIssues() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<readonly MouIssue[]>([]);
  const code = (path: string) => issues.find((issue) => issue.path === path)?.code;
  return {
    issues,
    setIssues,
    code,
    /** The field's error in the UI language, for the form kit's fields. */
    message: (path: string): string | undefined => {
      const found = code(path);
      return found === undefined ? undefined : t(`mou.errors.${found}`);
    },
    /** Takes the issues of a validation error; false for any other error. */
    absorb: (error: unknown): boolean => {
      if (error instanceof MouValidationError) {
        setIssues(error.mouIssues);
        return true;
      }
      return false;
    },
  };
}

/**
 * The submit of a MoU form (attach `formRef` to the form): `check`'s issues are shown by
 * field (the first invalid one focused) and stop the save; a save refused with a
 * MouValidationError shows its issues the same way, any other failure a toast. `busy` is
 * true while saving.
 */
export function useCheckedSubmit() {
  const [busy, setBusy] = useState(false);
  const issues = useIssues();
  const showMouError = useShowMouError();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = async (event: SyntheticEvent<HTMLFormElement>, check: () => readonly MouIssue[], save: () => Promise<void>) => {
    event.preventDefault();
    const found = check();
    issues.setIssues(found);
    if (found.length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await save();
    } catch (error) {
      if (issues.absorb(error)) focusFirstInvalid(formRef.current);
      else showMouError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, issues, formRef, submit };
}

/** A form's submit button (reading "Saving…" while busy) and its Cancel button. */
export function SaveCancel({ busy, saveLabel, onCancel }: { busy: boolean; saveLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : saveLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** A button that asks first, inline (no browser dialog), and can be answered by keyboard. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  className = 'secondary small',
  ariaLabel,
}: {
  label: string;
  /** The button's accessible name when the label alone repeats on the page ("Delete — Article 3. Membership"). */
  ariaLabel?: string;
  question: string;
  confirmLabel?: string;
  onConfirm: () => Promise<void>;
  className?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="danger small"
        disabled={busy}
        // The question replaces the button that had focus: keep the keyboard user here.
        autoFocus
        onClick={() => {
          setBusy(true);
          void onConfirm().finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel ?? label}
      </button>
      <button type="button" className="secondary small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}

export interface Crumb {
  label: string;
  to?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="mou-breadcrumbs" aria-label={t('mou.breadcrumbs')}>
      <ol>
        {items.map((item, index) => (
          <li key={`${String(index)}-${item.label}`}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** An article body as its paragraphs: "1." paragraphs, indented "(a)" sub-paragraphs. */
export function ArticleText({ text, lang }: { text: string; lang: TextLanguage }) {
  return (
    <div className="article-text" lang={lang}>
      {parseBody(text).map((paragraph) => (
        <p key={paragraph.line} className={paragraph.kind === 'subparagraph' ? 'para-sub' : undefined}>
          {paragraph.marker !== '' && <span className="marker">{paragraph.marker}</span>} {paragraph.text}
        </p>
      ))}
    </div>
  );
}

export type TextChoice = TextLanguage | 'both';

interface TextChoiceState {
  choice: TextChoice | null;
  setChoice: (choice: TextChoice) => void;
}

/** Which language(s) the MoU text is shown in; UI state, by default the UI language. */
const useTextChoiceStore = create<TextChoiceState>((set) => ({
  choice: null,
  setChoice: (choice) => {
    set({ choice });
  },
}));

export function useTextChoice(): [TextChoice, (choice: TextChoice) => void] {
  const choice = useTextChoiceStore((state) => state.choice);
  const setChoice = useTextChoiceStore((state) => state.setChoice);
  return [choice ?? currentLanguage(), setChoice];
}

export function languagesOf(choice: TextChoice): TextLanguage[] {
  return choice === 'both' ? ['en', 'ru'] : [choice];
}

export function TextChoiceSelect() {
  const { t } = useTranslation();
  const [choice, setChoice] = useTextChoice();
  return (
    <SelectField
      label={t('mou.document.showIn')}
      value={choice}
      onChange={(value) => {
        if (value === 'en' || value === 'ru' || value === 'both') setChoice(value);
      }}
    >
      <option value="en">{t('mou.languageName.en')}</option>
      <option value="ru">{t('mou.languageName.ru')}</option>
      <option value="both">{t('mou.document.both')}</option>
    </SelectField>
  );
}

/** Columns for the chosen languages; `render` draws one language. */
export function Bilingual({ choice, render }: { choice: TextChoice; render: (language: TextLanguage) => ReactNode }) {
  const { t } = useTranslation();
  const languages = languagesOf(choice);
  return (
    <div className={choice === 'both' ? 'bilingual both' : 'bilingual'}>
      {languages.map((language) => (
        <div key={language} lang={language}>
          {languages.length > 1 && <p className="language-tag">{t(`mou.languageName.${language}`)}</p>}
          {render(language)}
        </div>
      ))}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('common.loading')}</p>;
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle>{t('mou.title')}</PageTitle>
      <div className="empty-state">
        <p>{t('mou.notFound')}</p>
        <p>
          <Link to="/mou">{t('mou.allDocuments')}</Link>
        </p>
      </div>
    </div>
  );
}
