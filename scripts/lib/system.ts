/** Facts about the machine the scripts and tests run on. */
import { existsSync } from 'node:fs';

/** The Chromium to drive: CHROME_PATH overrides Debian's /usr/bin/chromium. */
export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function hasChromium(): boolean {
  return existsSync(chromePath());
}
