#!/usr/bin/env bash
# Configures the machine's Postfix as a loopback-only test server for the integration tests:
#   25  smtpd, STARTTLS offered, no AUTH
#   587 submission, STARTTLS required (smtpd_tls_security_level=encrypt), SASL after TLS only
#   465 smtps, implicit TLS (wrapper mode, RFC 8314), SASL
# Idempotent; safe to run again. Listens on 127.0.0.1 and ::1 only and never delivers mail anywhere
# (default_transport and relay_transport are "error"). Must run as root; needs no systemd.
set -euo pipefail

# swaks speaks TLS (--tls, --tlsc) only with the two Perl TLS modules; without them it says
# "TLS not available" and the benchmark baseline and the interop cross-checks break.
readonly PACKAGES=(postfix swaks libnet-ssleay-perl libio-socket-ssl-perl libsasl2-modules sasl2-bin openssl)
readonly STATE_DIR=/etc/postfix/smtp-port-assistant
readonly CERT="$STATE_DIR/cert.pem"
readonly KEY="$STATE_DIR/key.pem"
readonly SASLDB="$STATE_DIR/sasldb2"
readonly SASL_DOMAIN=localhost
readonly TEST_USER=probe-test
readonly TEST_PASSWORD=probe-test-password

step() { printf 'setup-postfix: %s\n' "$*"; }
fail() { printf 'setup-postfix: FAILED: %s\n' "$*" >&2; exit 1; }
trap 'fail "command failed on line $LINENO (see the output above)"' ERR

[[ "$(id -u)" == 0 ]] || fail "run as root (it configures the system Postfix): sudo $0"

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
  # Without this preseed the postfix package asks an interactive question and CI hangs.
  echo 'postfix postfix/main_mailer_type select Local only' | debconf-set-selections
  echo "postfix postfix/mailname string $(hostname --fqdn 2>/dev/null || hostname)" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
  step "installed ${missing[*]}"
else
  step "packages already installed (${PACKAGES[*]})"
fi

install -d -m 0755 "$STATE_DIR"
if [[ -s "$CERT" && -s "$KEY" ]] && openssl x509 -in "$CERT" -noout -checkend 86400 >/dev/null 2>&1; then
  step "self-signed certificate already present ($CERT)"
else
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -sha256 \
    -subj '/CN=localhost' -addext 'subjectAltName=DNS:localhost,DNS:mail.test.invalid' \
    -keyout "$KEY" -out "$CERT" >/dev/null 2>&1 || fail "openssl could not create the test certificate"
  chmod 0600 "$KEY"
  step "created self-signed certificate for localhost and mail.test.invalid ($CERT)"
fi

# IPv6 only when ::1 exists on lo (containers often disable IPv6); otherwise Postfix cannot bind ::1.
if grep -qE '^0{31}1 .* lo$' /proc/net/if_inet6 2>/dev/null; then protocols=all; else protocols=ipv4; fi

postconf -e \
  "inet_interfaces = loopback-only" \
  "inet_protocols = $protocols" \
  "mydestination = localhost, localhost.localdomain" \
  "mynetworks = 127.0.0.0/8 [::1]/128" \
  "relayhost =" \
  "default_transport = error:this test server never delivers mail" \
  "relay_transport = error:this test server never delivers mail" \
  "maillog_file = /var/log/postfix.log" \
  "smtpd_tls_cert_file = $CERT" \
  "smtpd_tls_key_file = $KEY" \
  "smtpd_tls_security_level = may" \
  "smtpd_tls_loglevel = 0" \
  "smtpd_sasl_auth_enable = no" \
  "smtpd_sasl_type = cyrus" \
  "smtpd_sasl_path = smtpd" \
  "cyrus_sasl_config_path = /etc/postfix/sasl" \
  "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination"
step "main.cf: loopback only ($protocols), STARTTLS offered on 25, no AUTH on 25, no delivery"

# Every service runs without chroot, so no copy of /etc files is needed under the spool.
postconf -M 'smtp/inet=smtp inet n - n - - smtpd'
postconf -M 'submission/inet=submission inet n - n - - smtpd'
postconf -P 'submission/inet/syslog_name=postfix/submission' \
  'submission/inet/smtpd_tls_security_level=encrypt' \
  'submission/inet/smtpd_sasl_auth_enable=yes' \
  'submission/inet/smtpd_tls_auth_only=yes' \
  'submission/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject'
postconf -M 'smtps/inet=smtps inet n - n - - smtpd'
postconf -P 'smtps/inet/syslog_name=postfix/smtps' \
  'smtps/inet/smtpd_tls_wrappermode=yes' \
  'smtps/inet/smtpd_sasl_auth_enable=yes' \
  'smtps/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject'
postconf -M 'postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd'
postconf -F '*/*/chroot = n'
step "master.cf: smtp 25, submission 587 (TLS required, AUTH after TLS), smtps 465 (wrapper mode), chroot n"

install -d -m 0755 /etc/postfix/sasl
cat >/etc/postfix/sasl/smtpd.conf <<CONF
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN
sasldb_path: $SASLDB
CONF
printf '%s' "$TEST_PASSWORD" | saslpasswd2 -p -c -f "$SASLDB" -u "$SASL_DOMAIN" "$TEST_USER"
chown root:postfix "$SASLDB"
chmod 0640 "$SASLDB"
step "SASL: sasldb auxprop with user $TEST_USER@$SASL_DOMAIN (PLAIN, LOGIN)"

[[ -f /etc/aliases ]] || printf 'postmaster: root\n' >/etc/aliases
newaliases
postfix check || fail "postfix check found a problem in the configuration"

if postfix status >/dev/null 2>&1; then
  postfix reload >/dev/null 2>&1 || fail "postfix reload failed (see /var/log/postfix.log)"
  step "reloaded the running Postfix"
else
  postfix start >/dev/null 2>&1 || fail "postfix start failed (see /var/log/postfix.log)"
  step "started Postfix"
fi

for port in 25 465 587; do
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue 2; fi
    sleep 0.2
  done
  fail "nothing listens on 127.0.0.1:$port after 10 s (see /var/log/postfix.log)"
done
step "ready: 127.0.0.1 ports 25, 465 and 587 answer"
