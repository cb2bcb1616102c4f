/**
 * A reply written before the agent knows the customer's mail program: it asks which one they use, right
 * after the greeting, and meanwhile gives the general steps that work in any program. Pure.
 */
import { findClient } from '../../core/clients/registry';
import type { MailClient } from '../../core/clients/types';

/** The general entry the reply falls back on while the program is not known. */
export function generalClient(): MailClient {
  const client = findClient('other');
  if (!client) throw new Error('The client list has no general entry ("other").');
  return client;
}

/** `reply` with `question` as its own paragraph after the first one (the greeting). */
export function withQuestion(reply: string, question: string): string {
  const end = reply.indexOf('\n\n');
  if (end < 0) return `${question}\n\n${reply}`;
  return `${reply.slice(0, end)}\n\n${question}${reply.slice(end)}`;
}
