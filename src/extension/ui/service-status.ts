/**
 * Whether a check can work at all: the probe service configured in the options (or by the
 * administrator's policy) must answer. A fresh install points at a service on this computer
 * that a home user does not have, so the check panel asks first and explains instead of failing.
 */
import { useEffect, useState } from 'preact/hooks';
import { readOptions } from '../settings/options';
import { DEFAULT_SERVICE_URL } from '../settings/options-schema';

export type ServiceStatus =
  | { state: 'asking' }
  | { state: 'answers'; url: string }
  /** configured: the options or a policy name a service (not the built-in default); host: where it was asked. */
  | { state: 'silent'; url: string; host: string; configured: boolean };

const ASK_TIMEOUT_MS = 4000;

/** Any HTTP answer counts (the health route of the service, or its refusal): only silence means no service. */
async function answers(url: string): Promise<boolean> {
  try {
    // no-cors: the answer's content is not needed, only that one came; nothing is sent but the request line.
    await fetch(`${url}/healthz`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

export function useServiceStatus(): { status: ServiceStatus; askAgain: () => void } {
  const [status, setStatus] = useState<ServiceStatus>({ state: 'asking' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const effective = await readOptions();
      const url = effective.options.serviceUrl;
      const configured = url !== DEFAULT_SERVICE_URL || effective.locked.includes('serviceUrl');
      const ok = await answers(url);
      if (!alive) return;
      setStatus(ok ? { state: 'answers', url } : { state: 'silent', url, host: new URL(url).host, configured });
    })();
    return () => {
      alive = false;
    };
  }, [round]);
  return {
    status,
    askAgain: () => {
      setStatus({ state: 'asking' });
      setRound((value) => value + 1);
    },
  };
}
