import type { PortResult, ProbeReport } from '../../core/api';
import { compareViews, type ViewVerdict } from '../../core/diagnosis/compare';
import { contentLocale, t, type MessageKey } from '../platform/i18n';
import { stateWords } from './port-words';

interface Props {
  service: ProbeReport;
  local: ProbeReport;
  /** Column heading for the local side: "From your network" (popup) or "From the customer" (agent mode). */
  localHeading: string;
  idPrefix: string;
}

function verdictWords(verdict: ViewVerdict): string {
  return t(`verdict_${verdict.replace(/-/g, '_')}` as MessageKey);
}

/** The words for one side of one port, in the same family `compareViews` paired (IPv4 first). */
function sideWords(results: PortResult[], port: number): string {
  const forPort = results.filter((result) => result.port === port);
  const result = forPort.find((entry) => entry.family === 4) ?? forPort[0];
  return result ? stateWords(result) : t('portNotAsked');
}

/**
 * The service's view beside the local view, port by port, with the verdict and one sentence for the
 * customer (`compareViews`). Both reports must be for the same server: the caller checks that.
 */
export function Comparison({ service, local, localHeading, idPrefix }: Props) {
  const comparison = compareViews(service, local, contentLocale());
  const notable = comparison.ports.filter((entry) => entry.verdict !== 'open-from-both');
  return (
    <section class="card comparison" aria-labelledby={`${idPrefix}-compare-title`} data-testid="comparison">
      <h3 id={`${idPrefix}-compare-title`}>{t('compareTitle')}</h3>
      <table class="ports compare">
        <thead>
          <tr>
            <th scope="col">{t('colPort')}</th>
            <th scope="col">{t('compareColInternet')}</th>
            <th scope="col">{localHeading}</th>
            <th scope="col">{t('compareColVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.ports.map((entry) => (
            <tr key={entry.port} data-port={entry.port} data-verdict={entry.verdict} title={entry.sentence}>
              <th scope="row">{entry.port}</th>
              <td>{sideWords(service.ports, entry.port)}</td>
              <td>{sideWords(local.ports, entry.port)}</td>
              <td class="verdict">{verdictWords(entry.verdict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="compare-summary" data-testid="comparison-summary">
        {comparison.summary}
      </p>
      {notable.length > 0 && (
        <ul class="warnings">
          {notable.map((entry) => (
            <li key={entry.port}>{entry.sentence}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Server names compare case-insensitively and without a trailing dot. */
export function sameServer(a: string, b: string): boolean {
  const norm = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');
  return norm(a) === norm(b);
}
