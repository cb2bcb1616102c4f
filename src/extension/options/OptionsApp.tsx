import { useEffect, useState } from 'preact/hooks';
import { PROBE_PORTS, type ProbePort } from '../../core/api';
import { t } from '../platform/i18n';
import { readOptions, type EffectiveOptions } from '../settings/options';
import { ALL_SITES, checkOptions, exportOptions, importOptions, originsFor, type ManagedField, type Options } from '../settings/options-schema';
import { writeItems } from '../settings/storage';
import { browser } from '../platform/browser';
import { HiddenSites } from './HiddenSites';
import { IncomingFields, incomingDraft, type IncomingDraft } from '../ui/IncomingFields';
import { ProviderFiles } from './ProviderFiles';
import { jsonFaultWords } from './json-fault-words';
import { afterColon, fieldFaultWords, policyProblemWords } from '../ui/field-fault-words';

/** The help-centre domains the browser has not allowed yet: the page hint cannot run there. */
async function domainsWithoutPermission(domains: string[]): Promise<string[]> {
  if (await browser.permissions.contains({ origins: [ALL_SITES] })) return [];
  const allowed = await Promise.all(domains.map((domain) => browser.permissions.contains({ origins: originsFor(domain) })));
  return domains.filter((_domain, index) => !allowed[index]);
}

interface Draft {
  serviceUrl: string;
  name: string;
  helpDomains: string;
  outgoingServer: string;
  allowedPorts: ProbePort[];
  authMethod: Options['profile']['authMethod'];
  incoming: IncomingDraft;
}

function toDraft(options: Options): Draft {
  return {
    serviceUrl: options.serviceUrl,
    name: options.profile.name,
    helpDomains: options.profile.helpDomains.join('\n'),
    outgoingServer: options.profile.outgoingServer,
    allowedPorts: options.profile.allowedPorts,
    authMethod: options.profile.authMethod,
    incoming: incomingDraft(options.profile.incoming),
  };
}

function fromDraft(draft: Draft): unknown {
  return {
    serviceUrl: draft.serviceUrl,
    profile: {
      name: draft.name,
      helpDomains: draft.helpDomains.split(/[\s,]+/).filter(Boolean),
      outgoingServer: draft.outgoingServer,
      allowedPorts: draft.allowedPorts,
      authMethod: draft.authMethod,
      // No incoming host typed means no incoming server set.
      incoming: draft.incoming.hostname.trim() === '' ? null : { ...draft.incoming, port: draft.incoming.port.trim() },
    },
  };
}

export function OptionsApp() {
  const [effective, setEffective] = useState<EffectiveOptions | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [allSites, setAllSites] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    void browser.permissions.contains({ origins: [ALL_SITES] }).then(setAllSites);
  }, []);
  // Imported, saved or policy domains, and permissions granted or taken back elsewhere: the list follows.
  const helpDomains = effective?.options.profile.helpDomains.join(' ') ?? '';
  useEffect(() => {
    const refresh = () => void domainsWithoutPermission(helpDomains.split(' ').filter(Boolean)).then(setMissing);
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [helpDomains]);

  /** The prompt comes straight from the click, before any other await. */
  const allowMissing = async () => {
    const granted = await browser.permissions.request({ origins: missing.flatMap(originsFor) }).catch(() => false);
    setMissing(await domainsWithoutPermission(helpDomains.split(' ').filter(Boolean)));
    if (!granted) setMessage({ text: t('optionsPermissionDenied'), error: true });
  };

  /** Permission prompts must come straight from the click, before any other await. */
  const toggleAllSites = async (wanted: boolean) => {
    const changed = wanted
      ? await browser.permissions.request({ origins: [ALL_SITES] })
      : await browser.permissions.remove({ origins: [ALL_SITES] });
    setAllSites(changed ? wanted : !wanted);
    if (!changed && wanted) setMessage({ text: t('optionsPermissionDenied'), error: true });
  };

  const load = async () => {
    const next = await readOptions();
    setEffective(next);
    setDraft(toDraft(next.options));
  };
  useEffect(() => void load(), []);

  if (!effective || !draft) return <p class="loading" aria-busy="true" />;
  const locked = (field: ManagedField) => effective.locked.includes(field);
  const managedNote = (field: ManagedField) =>
    locked(field) ? (
      <span class="managed" data-managed={field}>
        {t('optionsManaged')}
      </span>
    ) : null;
  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkOptions(fromDraft(draft));
    if (!checked.ok) {
      setMessage({ text: checked.fault ? fieldFaultWords(checked.fault, t) : checked.message, error: true });
      return;
    }
    const origins = checked.value.profile.helpDomains.flatMap(originsFor);
    // The hint may only run on the profile's domains once the browser has granted them.
    const granted = origins.length === 0 || (await browser.permissions.request({ origins }).catch(() => false));
    await writeItems({ options: checked.value });
    if (!granted) {
      await load();
      setMessage({ text: t('optionsPermissionDenied'), error: true });
      return;
    }
    await load();
    setMessage({ text: t('optionsSaved'), error: false });
  };

  const exportFile = () => {
    const blob = new Blob([exportOptions(effective.options)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'smtp-port-assistant-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const imported = importOptions(await file.text());
    if (!imported.ok) {
      const why = imported.json ? jsonFaultWords(imported.json, t) : imported.fault ? afterColon(fieldFaultWords(imported.fault, t)) : imported.message;
      setMessage({ text: t('optionsImportFailed', why), error: true });
      return;
    }
    await writeItems({ options: imported.value });
    await load();
    setMessage({ text: t('optionsImported'), error: false });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {effective.locked.length > 0 && <p class="card notice">{t('optionsManagedIntro')}</p>}
      {missing.length > 0 && (
        <section class="card notice" aria-labelledby="sites-missing-title" data-testid="sites-missing">
          <h2 id="sites-missing-title">{t('optionsSitesMissingTitle')}</h2>
          <p>{t('optionsSitesMissingBody')}</p>
          <ul>
            {missing.map((domain) => (
              <li key={domain}>{domain}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void allowMissing()}>
            {t('optionsAllowSites')}
          </button>
        </section>
      )}
      {effective.problems.length > 0 && (
        <ul class="card error">
          {effective.problems.map((problem) => (
            <li key={problem.field} data-policy-problem={problem.field}>
              {policyProblemWords(problem, t)}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <fieldset>
          <legend>{t('optionsServiceLegend')}</legend>
          <label for="service-url">{t('optionsServiceUrl')}</label> {managedNote('serviceUrl')}
          <input id="service-url" type="url" value={draft.serviceUrl} disabled={locked('serviceUrl')} onInput={(e) => update({ serviceUrl: e.currentTarget.value })} />
        </fieldset>
        <fieldset>
          <legend>{t('optionsProfileLegend')}</legend>
          <label for="profile-name">{t('optionsProfileName')}</label> {managedNote('profileName')}
          <input id="profile-name" type="text" value={draft.name} disabled={locked('profileName')} onInput={(e) => update({ name: e.currentTarget.value })} />
          <label for="help-domains">{t('optionsHelpDomains')}</label> {managedNote('helpDomains')}
          <textarea id="help-domains" rows={4} value={draft.helpDomains} disabled={locked('helpDomains')} aria-describedby="help-domains-hint" onInput={(e) => update({ helpDomains: e.currentTarget.value })} />
          <p id="help-domains-hint" class="muted small">{t('optionsHelpDomainsHint')}</p>
          <label for="outgoing-server">{t('optionsOutgoingServer')}</label> {managedNote('outgoingServer')}
          <input id="outgoing-server" type="text" value={draft.outgoingServer} disabled={locked('outgoingServer')} onInput={(e) => update({ outgoingServer: e.currentTarget.value })} />
          <fieldset class="inline">
            <legend>
              {t('optionsPorts')} {managedNote('allowedPorts')}
            </legend>
            {PROBE_PORTS.map((port) => (
              <label key={port} class="check-label">
                <input
                  type="checkbox"
                  checked={draft.allowedPorts.includes(port)}
                  disabled={locked('allowedPorts')}
                  onChange={(e) =>
                    update({
                      allowedPorts: e.currentTarget.checked ? [...draft.allowedPorts, port].sort((a, b) => a - b) : draft.allowedPorts.filter((p) => p !== port),
                    })
                  }
                />{' '}
                {port}
              </label>
            ))}
          </fieldset>
          <fieldset class="inline">
            <legend>
              {t('optionsAuth')} {managedNote('authMethod')}
            </legend>
            <label class="check-label">
              <input type="radio" name="auth" checked={draft.authMethod === 'smtp-auth'} disabled={locked('authMethod')} onChange={() => update({ authMethod: 'smtp-auth' })} />{' '}
              {t('optionsAuthSmtp')}
            </label>
            <label class="check-label">
              <input type="radio" name="auth" checked={draft.authMethod === 'check-mail-first'} disabled={locked('authMethod')} onChange={() => update({ authMethod: 'check-mail-first' })} />{' '}
              {t('optionsAuthPop')}
            </label>
          </fieldset>
          <IncomingFields idPrefix="options" value={draft.incoming} onChange={(incoming) => update({ incoming })} />
        </fieldset>
        <fieldset>
          <legend>{t('optionsSitesLegend')}</legend>
          <label class="check-label">
            <input type="checkbox" checked={allSites} onChange={(e) => void toggleAllSites(e.currentTarget.checked)} /> {t('optionsAllSites')}
          </label>
          <p class="muted small">{t('optionsAllSitesHint')}</p>
        </fieldset>
        <div class="actions">
          <button type="submit">{t('optionsSave')}</button>
          <button type="button" class="secondary" onClick={exportFile}>
            {t('optionsExport')}
          </button>
          {/* The input comes first, so its keyboard focus can draw the ring on the label that stands for it. */}
          <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
          <label class="button secondary" for="import-file">
            {t('optionsImport')}
          </label>
        </div>
        <p class={message?.error ? 'status field-error' : 'status'} role={message?.error ? 'alert' : 'status'}>
          {message?.text ?? ''}
        </p>
      </form>
      <ProviderFiles profile={effective.options.profile} />
      <HiddenSites />
      <section class="card">
        <h2>{t('privacyTitle')}</h2>
        <p>{t('privacyBody')}</p>
      </section>
    </main>
  );
}
