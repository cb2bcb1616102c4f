import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { readState, writeItems } from '../settings/storage';

/**
 * The sites where the person chose "Hide on this site" in the page hint, each with a button that shows
 * the hint there again. It follows storage, so a site hidden while this page is open appears at once.
 */
export function HiddenSites() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const load = () => void readState().then((state) => setSites(state.dismissedSites));
    load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'dismissedSites' in changes) load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  if (!sites) return null;

  const showAgain = async (site: string) => {
    const next = sites.filter((entry) => entry !== site);
    setSites(next);
    await writeItems({ dismissedSites: next });
    setStatus(t('hiddenSitesShown', site));
  };

  return (
    <section class="card hidden-sites" aria-labelledby="hidden-sites-title">
      <h2 id="hidden-sites-title">{t('hiddenSitesLegend')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('hiddenSitesNone')}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>{' '}
              <button type="button" class="secondary" onClick={() => void showAgain(site)}>
                {t('hiddenSitesShow', site)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
