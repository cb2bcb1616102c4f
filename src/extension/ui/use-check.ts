import { useEffect, useState } from 'preact/hooks';
import { browser, type Storage } from '../platform/browser';
import { CHECK_KEY, type CheckState } from '../check/check-state';
import type { Reply } from '../platform/messages';

/**
 * The current server check, live: read from storage.session when the page opens and followed
 * through storage change events, so a popup reopened mid-check picks up where it was.
 */
export function useCheck(): { check: CheckState | null; start: (input: string, local?: boolean) => Promise<Reply> } {
  const [check, setCheck] = useState<CheckState | null>(null);
  useEffect(() => {
    let alive = true;
    void browser.storage.session.get(CHECK_KEY).then((stored) => {
      if (alive) setCheck((stored[CHECK_KEY] as CheckState | undefined) ?? null);
    });
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'session' && changes[CHECK_KEY]) setCheck((changes[CHECK_KEY].newValue as CheckState | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const start = (input: string, local = false) => browser.runtime.sendMessage({ type: 'check:start', input, local }) as Promise<Reply>;
  return { check, start };
}

/** Seconds since `since`, ticking once a second while `running`. */
export function useElapsed(since: number | null, running: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
}
