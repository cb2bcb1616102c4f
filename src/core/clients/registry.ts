/**
 * Every client the checklist offers, in the order the picker lists them.
 * Adding a client: one file in this folder, one line here; test/unit/clients.test.ts checks the rest.
 */
import type { MailClient } from './types';
import { thunderbird } from './thunderbird';

export const CLIENTS: readonly MailClient[] = [thunderbird];

const BY_ID = new Map(CLIENTS.map((client) => [client.id, client]));

export function findClient(id: string): MailClient | undefined {
  return BY_ID.get(id);
}
