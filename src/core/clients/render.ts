import type { Locale, Localized, MailClient, Step, TargetSettings } from './types';

export interface RenderedStep {
  id: string;
  kind: Step['kind'];
  text: string;
  detail: string | null;
  expect: string | null;
}

const PLACEHOLDER = /\{(server|port|oldPort|security)\}/g;

export function pick(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}

/** Fills `{name}` placeholders from `values`; an unknown name is left as it stands. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * Fill a step template with the real values. `serverFallback` is what to say when the server is not
 * known yet ("your outgoing server"), so no step ever shows an empty value.
 */
export function renderText(
  template: string,
  client: MailClient,
  target: TargetSettings,
  locale: Locale,
  serverFallback: string,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    switch (name) {
      case 'server':
        return target.server ?? serverFallback;
      case 'port':
        return String(target.port);
      case 'oldPort':
        return '25';
      default:
        return pick(client.securityWords[target.security], locale);
    }
  });
}

export function renderSteps(
  client: MailClient,
  target: TargetSettings,
  locale: Locale,
  serverFallback: string,
): RenderedStep[] {
  const fill = (text: Localized | undefined): string | null =>
    text ? renderText(pick(text, locale), client, target, locale, serverFallback) : null;
  return client.steps.map((step) => ({
    id: step.id,
    kind: step.kind,
    text: fill(step.text) ?? '',
    detail: fill(step.detail),
    expect: fill(step.expect),
  }));
}
