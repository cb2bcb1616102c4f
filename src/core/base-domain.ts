/**
 * The registrable ("base") domain of a host name: aspmx.l.google.com → google.com,
 * mx1.mail.example.co.uk → example.co.uk. Thunderbird uses the Public Suffix List for this
 * (https://publicsuffix.org); shipping the whole list is not worth it for one hint, so the common
 * second-level public suffixes are listed and everything else counts as a one-label suffix. A wrong guess
 * costs one ISPDB miss, or a pattern host (detect/extract.ts) taken for a real one, nothing more.
 */
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'net.nz', 'org.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'ne.kr',
  'com.br', 'net.br', 'org.br',
  'com.cn', 'net.cn', 'org.cn',
  'com.tw', 'net.tw', 'org.tw',
  'com.hk', 'net.hk', 'org.hk',
  'co.in', 'net.in', 'org.in', 'firm.in',
  'co.za', 'org.za', 'web.za',
  'com.mx', 'com.ar', 'com.co', 'com.tr', 'com.sg', 'com.my', 'com.ph', 'com.pl', 'com.ru', 'com.ua',
  'co.il', 'co.id', 'co.th', 'or.at', 'co.at', 'gv.at',
]);

export function baseDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
