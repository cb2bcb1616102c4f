import { SECURITIES } from '../api';
import { DEFAULT_TARGET, LOCALES, type Localized, type MailClient } from './types';
import { renderSteps } from './render';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLATFORMS = new Set(['windows', 'mac', 'ios', 'android', 'web', 'any']);
const KINDS = new Set(['open', 'navigate', 'server', 'port', 'security', 'auth', 'save', 'verify', 'info']);
const UNKNOWN_PLACEHOLDER = /\{(?!server\}|port\}|oldPort\}|security\})[^}]*\}/;

function checkText(errors: string[], where: string, text: Localized | undefined, required: boolean): void {
  if (text === undefined) {
    if (required) errors.push(`${where}: missing`);
    return;
  }
  for (const locale of LOCALES) {
    const value = text[locale];
    if (typeof value !== 'string' || value.trim() === '') errors.push(`${where}.${locale}: empty`);
    else if (UNKNOWN_PLACEHOLDER.test(value)) errors.push(`${where}.${locale}: unknown placeholder in "${value}"`);
  }
}

/** Every rule a client file must follow. Returns human-readable problems; empty means valid. */
export function validateClient(client: MailClient): string[] {
  const errors: string[] = [];
  const at = (field: string) => `${client.id || '(no id)'}.${field}`;
  if (!ID.test(client.id)) errors.push(`${at('id')}: must be kebab-case`);
  if (!client.name?.trim()) errors.push(`${at('name')}: empty`);
  if (!PLATFORMS.has(client.platform)) errors.push(`${at('platform')}: unknown "${client.platform}"`);
  checkText(errors, at('versions'), client.versions, true);
  for (const key of ['outgoingServer', 'port', 'security', 'authentication'] as const) {
    checkText(errors, at(`words.${key}`), client.words?.[key], true);
  }
  for (const key of SECURITIES) {
    checkText(errors, at(`securityWords.${key}`), client.securityWords?.[key], true);
  }
  if (client.securityModel !== 'named' && client.securityModel !== 'switch') {
    errors.push(`${at('securityModel')}: must be "named" or "switch"`);
  }
  checkText(errors, at('authentication.where'), client.authentication?.where, true);
  checkText(errors, at('authentication.detail'), client.authentication?.detail, true);
  if (client.checkInterval !== null) checkText(errors, at('checkInterval'), client.checkInterval, true);
  if (!/^20\d\d-(0[1-9]|1[0-2])$/.test(client.checked)) errors.push(`${at('checked')}: must be YYYY-MM`);
  if (!client.sources?.length) errors.push(`${at('sources')}: at least one vendor help page`);
  const steps = client.steps ?? [];
  for (const source of client.sources ?? []) {
    if (!/^https:\/\/[^\s/]+\.[^\s/]+\//.test(source.url)) errors.push(`${at('sources')}: not an https URL: ${source.url}`);
    if (!source.title?.trim()) errors.push(`${at('sources')}: a source needs a title`);
    if (!Array.isArray(source.confirms)) errors.push(`${at('sources')}: ${source.url} needs a list of the steps it confirms (empty when none)`);
    for (const id of source.confirms ?? []) {
      if (!steps.some((step) => step.id === id)) errors.push(`${at('sources')}: ${source.url} confirms "${id}", which is not a step`);
    }
  }
  if (steps.length < 4) errors.push(`${at('steps')}: at least 4 steps, found ${steps.length}`);
  const stepIds = new Set<string>();
  steps.forEach((step, index) => {
    const where = at(`steps[${index}]`);
    if (!ID.test(step.id)) errors.push(`${where}.id: must be kebab-case`);
    if (stepIds.has(step.id)) errors.push(`${where}.id: duplicate "${step.id}"`);
    stepIds.add(step.id);
    if (!KINDS.has(step.kind)) errors.push(`${where}.kind: unknown "${step.kind}"`);
    checkText(errors, `${where}.text`, step.text, true);
    checkText(errors, `${where}.noServer`, step.noServer, false);
    for (const security of SECURITIES) checkText(errors, `${where}.textFor.${security}`, step.textFor?.[security], false);
    for (const [authentication, text] of Object.entries(step.textForAuth ?? {})) checkText(errors, `${where}.textForAuth.${authentication}`, text, true);
    if (step.textForAuth && step.kind !== 'auth') errors.push(`${where}.textForAuth: only an auth step has one`);
    // A sentence that checks or types the server's name needs its own wording while no server is known.
    const namesServer = LOCALES.some((locale) => step.text?.[locale]?.includes('{server}'));
    if (namesServer && !step.noServer) errors.push(`${where}.noServer: required, the text names {server}`);
    if (step.noServer && LOCALES.some((locale) => step.noServer![locale].includes('{server}'))) errors.push(`${where}.noServer: must not name {server}`);
    if (client.securityModel === 'switch') {
      // A switch's position is not a choice to "set to": its steps say check or clear in full sentences.
      const texts = [step.text, step.detail, step.expect, step.noServer, ...Object.values(step.textFor ?? {})];
      if (texts.some((text) => text && LOCALES.some((locale) => text[locale].includes('{security}')))) {
        errors.push(`${where}: a switch client words its security step itself, without {security}`);
      }
      if (step.kind === 'security' && !step.textFor?.none) errors.push(`${where}.textFor.none: required, the sentence that turns the switch off`);
    }
    checkText(errors, `${where}.detail`, step.detail, false);
    checkText(errors, `${where}.expect`, step.expect, false);
    for (const [authentication, text] of Object.entries(step.expectForAuth ?? {})) checkText(errors, `${where}.expectForAuth.${authentication}`, text, true);
    if (step.expectForAuth && !step.expect) errors.push(`${where}.expectForAuth: only beside an expect`);
  });
  if (!client.retired) {
    for (const locale of LOCALES) {
      const rendered = renderSteps(client, DEFAULT_TARGET, locale);
      if (!rendered.some((step) => step.kind === 'port' && step.text.includes('587'))) {
        errors.push(`${at('steps')}: no "port" step mentions 587 in ${locale}`);
      }
    }
  } else {
    checkText(errors, at('retired.note'), client.retired.note, true);
  }
  return errors;
}
