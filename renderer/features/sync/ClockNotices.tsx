/**
 * What the sync screens say about clocks that run ahead (issue 12, "Clocks"): the one-time
 * notice that this computer's clock was corrected and its changes re-dated (Sync overview),
 * and the warning that a sender's clock is more than an hour ahead (import preview, history).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { roughDuration, type ClockSkew } from '../../../shared/sync/clockSkew';
import { currentLanguage, type Language } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import './clockNotices.css';

/** "about 3 days", "20 hours" (the number and unit; the sentence says "about"). */
export function formatAhead(ms: number, language: Language): string {
  const { unit, value } = roughDuration(ms);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function formatHours(hours: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(hours);
}

/** The clock-skew warnings of a history entry, as one short phrase ('' when none). */
export function skewsText(skews: readonly ClockSkew[] | undefined, t: TFunction, language: Language): string {
  return (skews ?? []).map((skew) => t('sync.clock.skewHistory', { name: skew.name, hours: formatHours(skew.hours, language) })).join('; ');
}

/** The import preview's warning: one line per origin whose clock is more than an hour ahead. */
export function ClockSkewWarning({ skews }: { skews: readonly ClockSkew[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  if (skews.length === 0) return null;
  return (
    <section className="clock-notice warning" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('sync.clock.skewTitle')}</h3>
      {skews.map((skew) => (
        <p key={skew.node}>{t('sync.clock.skew', { name: skew.name, hours: formatHours(skew.hours, language) })}</p>
      ))}
    </section>
  );
}

/**
 * The Sync overview's notice after a start-up clock repair, until dismissed. Reading it
 * loads the clock, which is where the repair runs (renderer/db/clockRepair.ts).
 */
export function ClockRepairNotice() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const notice = useLiveQuery(() => repositories.clockRepair.notice(), [repositories]);
  const id = useId();
  const busy = useRef(false);
  const [dismissed, setDismissed] = useState(false);
  if (!notice || dismissed) return null;
  const dismiss = () => {
    if (busy.current) return;
    busy.current = true;
    setDismissed(true);
    // The button goes away with the notice: keyboard focus goes to the page's heading.
    document.querySelector<HTMLElement>('h1[tabindex="-1"]')?.focus();
    void repositories.clockRepair.dismiss().finally(() => {
      busy.current = false;
    });
  };
  return (
    <section className="clock-notice" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sync.clock.repairedTitle')}</h2>
      <p>{t('sync.clock.repaired', { count: notice.changes, ahead: formatAhead(notice.aheadMs, language) })}</p>
      {notice.stillAheadMs > 3_600_000 && <p>{t('sync.clock.stillAhead', { ahead: formatAhead(notice.stillAheadMs, language) })}</p>}
      <button type="button" className="secondary" aria-label={t('sync.clock.dismissLabel')} onClick={dismiss}>
        {t('sync.clock.dismiss')}
      </button>
    </section>
  );
}
