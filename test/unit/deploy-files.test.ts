/**
 * deploy/: the systemd unit parses without a warning and keeps its hardening; the proxy examples
 * set X-Forwarded-For themselves and do not buffer NDJSON.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const unit = 'deploy/smtp-probe.service';

describe('deploy/', () => {
  it('the systemd unit passes systemd-analyze verify and keeps its hardening', () => {
    const verify = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    expect(verify.error, 'systemd-analyze (package systemd) is needed to check the unit').toBeUndefined();
    expect(verify.status).toBe(0);
    // verify exits 0 on unknown keys and bad values too; it only says so.
    expect(verify.stderr).toBe('');
    const text = readFileSync(unit, 'utf8');
    for (const line of [
      'DynamicUser=yes',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ProtectHome=yes',
      'PrivateTmp=yes',
      'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX',
      'CapabilityBoundingSet=',
      'KillSignal=SIGTERM',
    ]) {
      expect(text.split('\n'), line).toContain(line);
    }
  });

  it('nginx and Caddy examples replace X-Forwarded-For and stream NDJSON', () => {
    const nginx = readFileSync('deploy/nginx.conf', 'utf8');
    expect(nginx).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
    expect(nginx).toMatch(/^\s*proxy_buffering off;$/m);
    // Plain HTTP serves nothing: it only sends the browser on to HTTPS.
    expect(nginx).toMatch(/listen 80;[\s\S]*?return 301 https:\/\/\$host\$request_uri;/);
    const caddy = readFileSync('deploy/Caddyfile', 'utf8');
    expect(caddy).toMatch(/^\s*header_up X-Forwarded-For \{remote_host\}$/m);
    expect(caddy).toMatch(/^\s*flush_interval -1$/m);
  });
});
