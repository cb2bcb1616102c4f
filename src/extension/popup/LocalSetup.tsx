import { useEffect, useState } from 'preact/hooks';
import { installHostCommand } from '../../core/local-command';
import { browser } from '../platform/browser';
import { contentLocale, t } from '../platform/i18n';
import {
  currentHostBrowser,
  localAvailability,
  removeLocalPermission,
  requestLocalPermission,
  type LocalAvailability,
} from '../check/local-probe';

/**
 * The line under "Check my server" about the customer's own view: an invitation while the feature is off,
 * the one install command while the helper is missing, and a way to turn it off again once it runs.
 * The popup's checks always ask for both views; the background runs the local one only while the
 * permission is granted, so a click before this line has loaded loses nothing.
 */
export function LocalSetup() {
  const [availability, setAvailability] = useState<LocalAvailability | null>(null);
  const [message, setMessage] = useState('');

  const refresh = async () => {
    setAvailability(await localAvailability());
  };
  useEffect(() => void refresh(), []);

  if (!availability || availability.state === 'unsupported') return null;
  const command = installHostCommand(currentHostBrowser());

  const turnOn = async () => {
    // The permission prompt has to come straight from this click, before any other await.
    const granted = await requestLocalPermission();
    setMessage(granted ? '' : t('localDenied'));
    if (granted) await refresh();
  };
  const turnOff = async () => {
    await removeLocalPermission();
    setMessage('');
    await refresh();
  };
  const turnOffButton = (
    <button type="button" class="link" onClick={() => void turnOff()}>
      {t('localTurnOff')}
    </button>
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setMessage(t('localCopied'));
    } catch {
      setMessage(t('copyFailedCommand'));
    }
  };

  return (
    <div class="card local-setup" data-testid="local-setup" data-state={availability.state}>
      {availability.state === 'off' && (
        <>
          <p>{t('localInvite')}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void turnOn()}>
              {t('localTurnOn')}
            </button>
          </div>
        </>
      )}
      {availability.state === 'restart' && (
        <>
          <p>{t('localRestart')}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => browser.runtime.reload()}>
              {t('localRestartButton')}
            </button>
            {turnOffButton}
          </div>
        </>
      )}
      {(availability.state === 'missing' || availability.state === 'broken') && (
        <>
          <p>{availability.state === 'broken' ? (contentLocale() === 'en' ? t('localBroken', availability.detail) : t('localBrokenPlain')) : t('localMissing')}</p>
          <code class="command" data-testid="install-command">
            {command}
          </code>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void copy()}>
              {t('localCopyCommand')}
            </button>
            <button type="button" class="secondary" onClick={() => void refresh()}>
              {t('localRecheck')}
            </button>
            {turnOffButton}
          </div>
        </>
      )}
      {availability.state === 'ready' && (
        <p>
          {t('localReady')}{' '}
          {turnOffButton}
        </p>
      )}
      <p class="muted" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
