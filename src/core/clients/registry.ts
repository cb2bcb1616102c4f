/**
 * Every client the checklist offers, in the order the picker lists them.
 * Adding a client: one file in this folder, one line here; test/unit/clients.test.ts checks the rest.
 */
import type { MailClient } from './types';
import { appleMail } from './apple-mail';
import { appleMailLegacy } from './apple-mail-legacy';
import { emClient } from './em-client';
import { gmailAndroid } from './gmail-android';
import { gmailWeb } from './gmail-web';
import { iosMail } from './ios-mail';
import { otherClient } from './other';
import { outlook2003 } from './outlook-2003';
import { outlook2007 } from './outlook-2007';
import { outlookClassic } from './outlook-classic';
import { outlookMac } from './outlook-mac';
import { outlookNew } from './outlook-new';
import { samsungEmail } from './samsung-email';
import { thunderbird } from './thunderbird';
import { windowsLiveMail } from './windows-live-mail';
import { windowsMail } from './windows-mail';

export const CLIENTS: readonly MailClient[] = [
  outlookClassic,
  outlookNew,
  outlookMac,
  outlook2007,
  outlook2003,
  thunderbird,
  appleMail,
  appleMailLegacy,
  iosMail,
  gmailAndroid,
  samsungEmail,
  emClient,
  gmailWeb,
  windowsLiveMail,
  windowsMail,
  otherClient,
];

const BY_ID = new Map(CLIENTS.map((client) => [client.id, client]));

export function findClient(id: string): MailClient | undefined {
  return BY_ID.get(id);
}
