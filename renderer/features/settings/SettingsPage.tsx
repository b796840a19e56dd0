/** Settings: who this installation is, the UI language, sample data, and what the app runs on. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppInfo } from '../../../shared/ipc/contract';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';
import { InstallationForm } from './InstallationForm';
import { SyncSettingsSection } from '../sync/SyncSettingsSection';
import { SyncFolderSection } from '../syncFolder/SyncFolderSection';
import { StorageSection } from './StorageSection';
import { BackupsSection } from '../backup/BackupsSection';

/** The public page that describes the working group (the app's seed facts come from it). */
export const CWG_PAGE_URL = 'https://cldp.doc.gov/';

export function SettingsPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const installation = useLiveQuery(() => repositories.installation.get(), [repositories]);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadingSample, setLoadingSample] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .appInfo()
      .then((value) => {
        if (live) setInfo(value);
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, []);

  const loadSample = async () => {
    setLoadingSample(true);
    try {
      const counts = await repositories.sampleData.load();
      showToast(
        'info',
        t('settings.sampleLoaded', { meetings: counts.meetings, delegates: counts.delegates, articles: counts.articles }),
      );
    } catch (error) {
      showError(error);
    } finally {
      setLoadingSample(false);
    }
  };

  return (
    <div className="page narrow">
      <PageTitle>{t('settings.title')}</PageTitle>

      <section aria-labelledby="settings-installation">
        <h2 id="settings-installation">{t('settings.installationSection')}</h2>
        {installation && (
          <InstallationForm
            key={installation.id}
            initial={{ displayName: installation.displayName, role: installation.role, countryId: installation.countryId }}
            submitLabel={t('common.save')}
            onSubmit={async (input) => {
              await repositories.installation.update(input);
              showToast('info', t('settings.saved'));
            }}
          />
        )}
      </section>

      <section aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageSection')}</h2>
        <p className="hint">{t('settings.languageHint')}</p>
        <LanguageSwitch />
      </section>

      <section aria-labelledby="settings-sample">
        <h2 id="settings-sample">{t('settings.sampleSection')}</h2>
        <p className="hint">{t('settings.sampleHint')}</p>
        <button type="button" disabled={loadingSample} onClick={() => void loadSample()}>
          {loadingSample ? t('settings.loadingSample') : t('settings.loadSample')}
        </button>
      </section>

      <StorageSection />

      <BackupsSection dataFolder={info?.dataFolder ?? null} />

      <section aria-labelledby="settings-deleted">
        <h2 id="settings-deleted">{t('deleted.settings.section')}</h2>
        <p className="hint">{t('deleted.settings.hint')}</p>
        <p>
          <Link to="/deleted">{t('deleted.settings.open')}</Link>
        </p>
      </section>

      <SyncSettingsSection />

      <SyncFolderSection />

      <section aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.aboutSection')}</h2>
        {info ? (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.platform')}</dt>
            <dd>{info.platform}</dd>
            <dt>{t('settings.dataFolder')}</dt>
            <dd>
              <code>{info.dataFolder}</code>
            </dd>
            <dt>{t('settings.host')}</dt>
            <dd>{t(`settings.hosts.${info.host}`)}</dd>
          </dl>
        ) : (
          <p aria-busy="true">{t('common.loading')}</p>
        )}
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              api
                .openExternal(CWG_PAGE_URL)
                .then(() => {
                  showToast('info', t('settings.linkOpened'));
                })
                .catch(showError);
            }}
          >
            {t('settings.seedLink')}
          </button>
        </p>
      </section>
    </div>
  );
}
