#!/usr/bin/env bash
# Starts the interop suite's real SMTP servers on loopback addresses beside Postfix (127.0.0.1):
#   127.0.0.2-4  Exim 4 (Debian's exim4-daemon-light, unpacked with dpkg -x, never installed: installing
#                it would remove Postfix). Certificates from a private CA: valid, expired, wrong name.
#   127.0.0.5    Haraka (npm, exact version locked in scripts/interop/haraka/), self-signed certificate,
#                AUTH before TLS, a port without STARTTLS.
#   127.0.0.6-9  aiosmtpd (Debian's python3-aiosmtpd): no TLS at all, 465/587 swapped, TLS broken,
#                only Windows sign-in (NTLM, GSSAPI).
# The configurations are described at the top of each file in scripts/interop/.
#
# Usage: setup-interop.sh [start|stop|status]      (default start)
# start is idempotent and quick the second time: nothing is downloaded, unpacked or generated again,
# and a server that runs with the same configuration and answers on its ports is left alone.
# stop ends exactly the processes start began (by their pidfiles). Everything lives in .tmp/interop/.
# Needs root (ports below 1024, Exim's system user); CI runs it as root on a fresh Debian.
set -Eeuo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly SRC="$ROOT/scripts/interop"
readonly STATE="$ROOT/.tmp/interop"
readonly CERTS="$STATE/certs"
# Exim's own dependencies (from the .deb's Depends) plus what the other servers and tests need.
readonly PACKAGES=(openssl python3-aiosmtpd libidn12 libidn2-0 libgnutls30 libgnutls-dane0 libdb5.3 libpcre2-8-0 libnsl2 libcrypt1)
readonly EXIM_USER=Debian-exim
readonly PYTHON=/usr/bin/python3

readonly EXIM_PORTS=(127.0.0.2:25 127.0.0.2:465 127.0.0.2:587 127.0.0.2:2525 127.0.0.3:25 127.0.0.3:465 127.0.0.3:587 127.0.0.4:25 127.0.0.4:465 127.0.0.4:587)
readonly HARAKA_PORTS=(127.0.0.5:25 127.0.0.5:465 127.0.0.5:587 127.0.0.5:2525)
readonly AIOSMTPD_PORTS=(127.0.0.6:25 127.0.0.6:587 127.0.0.6:2525 127.0.0.7:465 127.0.0.7:587 127.0.0.8:465 127.0.0.8:587 127.0.0.9:587)

step() { printf 'setup-interop: %s\n' "$*"; }
fail() { printf 'setup-interop: FAILED: %s\n' "$*" >&2; exit 1; }
trap 'fail "command failed on line $LINENO (see the output above)"' ERR

answers() { # HOST:PORT — whether something accepts a TCP connection there
  local host=${1%:*} port=${1##*:}
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

all_answer() { local endpoint; for endpoint in "$@"; do answers "$endpoint" || return 1; done; }

wait_for() { # NAME LOG ENDPOINTS... — up to 20 s for every endpoint to answer
  local name=$1 log=$2; shift 2
  for _ in $(seq 1 100); do all_answer "$@" && return 0; sleep 0.2; done
  [[ -f "$log" ]] && tail -n 20 "$log" >&2
  fail "$name does not answer on all of $* after 20 s (log: $log)"
}

# --- processes we started: a pidfile plus the command line we expect behind that pid ---------------

pid_of() { # PIDFILE MARKER — prints the pid when it is alive and its command line contains MARKER
  local pidfile=$1 marker=$2 pid
  [[ -s "$pidfile" ]] || return 1
  pid=$(head -n 1 "$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  printf '%s' "$pid"
}

stop_one() { # NAME PIDFILE MARKER
  local name=$1 pidfile=$2 marker=$3 pid
  if ! pid=$(pid_of "$pidfile" "$marker"); then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do [[ -d "/proc/$pid" ]] || break; sleep 0.1; done
  if [[ -d "/proc/$pid" ]]; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
  rm -f "$pidfile"
  step "stopped $name (pid $pid)"
}

# Up to date and answering: the pid is ours, the configuration it started with is the current one.
current() { # NAME PIDFILE MARKER HASH ENDPOINTS...
  local name=$1 pidfile=$2 marker=$3 hash=$4; shift 4
  pid_of "$pidfile" "$marker" >/dev/null || return 1
  [[ "$(cat "$STATE/$name.started-with" 2>/dev/null)" == "$hash" ]] || return 1
  all_answer "$@"
}

# After stopping our own copy: a port that still answers belongs to someone else (another checkout's
# servers, a system MTA); starting beside it would seem to work while the tests talk to the wrong server.
ports_free() { # NAME ENDPOINTS...
  local name=$1 endpoint; shift
  for endpoint in "$@"; do
    if answers "$endpoint"; then fail "$endpoint is taken by a process this script did not start; stop it before starting $name"; fi
  done
}

fingerprint() { cat "$@" | sha256sum | cut -c1-64; }

# --- packages ------------------------------------------------------------------------------------

ensure_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
  step "installed ${missing[*]}"
}

# --- certificates: a private CA and the leaves signed by it --------------------------------------

readonly CA_CONF="$CERTS/ca.cnf"

write_ca_conf() {
  cat >"$CA_CONF" <<CONF
[ca]
default_ca = interop
[interop]
dir = $CERTS/ca-db
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir/issued
certificate = $CERTS/ca.pem
private_key = $CERTS/ca.key
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[anything]
commonName = supplied
[leaf]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = \$ENV::SAN
CONF
}

leaf_valid() { # NAME [SAN] — the leaf exists, is good for another day and names every entry of SAN
  [[ -s "$CERTS/$1.pem" && -s "$CERTS/$1.key" ]] && openssl x509 -in "$CERTS/$1.pem" -noout -checkend 86400 >/dev/null 2>&1 || return 1
  [[ -z "${2:-}" ]] && return 0
  # A leaf from before an address was added is issued again (openssl prints "IP Address:" for "IP:").
  local names entry entries
  names=$(openssl x509 -in "$CERTS/$1.pem" -noout -ext subjectAltName 2>/dev/null | tail -n +2 | tr -d ' ')
  IFS=, read -ra entries <<<"$2"
  for entry in "${entries[@]}"; do
    [[ ",$names," == *",${entry/#IP:/IPAddress:},"* ]] || return 1
  done
}

issue_leaf() { # NAME CN SAN [STARTDATE ENDDATE] — a key and a certificate signed by the private CA
  local name=$1 cn=$2 san=$3 start=${4:-} end=${5:-}
  local dates=(-days 825)
  [[ -n "$start" ]] && dates=(-startdate "$start" -enddate "$end")
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$cn" -keyout "$CERTS/$name.key" -out "$CERTS/$name.csr" 2>/dev/null
  SAN="$san" openssl ca -batch -notext -config "$CA_CONF" -extensions leaf "${dates[@]}" \
    -in "$CERTS/$name.csr" -out "$CERTS/$name.pem" 2>/dev/null || fail "openssl ca could not sign $name"
  cat "$CERTS/$name.pem" "$CERTS/ca.pem" >"$CERTS/$name-chain.pem"
  rm -f "$CERTS/$name.csr"
  step "certificate $name: CN=$cn, $san${start:+, valid $start to $end}"
}

ensure_certificates() {
  install -d -m 0755 "$CERTS"
  if [[ ! -s "$CERTS/ca.pem" ]] || ! openssl x509 -in "$CERTS/ca.pem" -noout -checkend 864000 >/dev/null 2>&1; then
    rm -rf "$CERTS"/*
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 -subj '/O=SMTP Port Assistant/CN=Interop Test CA' \
      -addext 'basicConstraints=critical,CA:true' -addext 'keyUsage=critical,keyCertSign,cRLSign' \
      -keyout "$CERTS/ca.key" -out "$CERTS/ca.pem" 2>/dev/null || fail "openssl could not create the test CA"
    step "created the private test CA ($CERTS/ca.pem)"
  fi
  write_ca_conf
  install -d -m 0755 "$CERTS/ca-db" "$CERTS/ca-db/issued"
  [[ -f "$CERTS/ca-db/index.txt" ]] || : >"$CERTS/ca-db/index.txt"
  [[ -s "$CERTS/ca-db/serial" ]] || openssl rand -hex 8 >"$CERTS/ca-db/serial"

  leaf_valid exim || issue_leaf exim exim.interop.test 'DNS:exim.interop.test,IP:127.0.0.2'
  # Expired a year ago: only the dates are wrong (an expiry check that ran today must catch it).
  [[ -s "$CERTS/expired.pem" ]] || issue_leaf expired expired.interop.test 'DNS:expired.interop.test,IP:127.0.0.3' \
    20240101000000Z 20250101000000Z
  leaf_valid wrongname || issue_leaf wrongname other.interop.test 'DNS:other.interop.test'
  leaf_valid aiosmtpd 'DNS:aiosmtpd.interop.test,IP:127.0.0.6,IP:127.0.0.7,IP:127.0.0.8,IP:127.0.0.9' \
    || issue_leaf aiosmtpd aiosmtpd.interop.test 'DNS:aiosmtpd.interop.test,IP:127.0.0.6,IP:127.0.0.7,IP:127.0.0.8,IP:127.0.0.9'
  if ! leaf_valid haraka; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -sha256 -subj '/CN=haraka.interop.test' \
      -addext 'subjectAltName=DNS:haraka.interop.test,IP:127.0.0.5' \
      -keyout "$CERTS/haraka.key" -out "$CERTS/haraka.pem" 2>/dev/null || fail "openssl could not create Haraka's certificate"
    step "certificate haraka: self-signed, CN=haraka.interop.test"
  fi
  # Exim reads its certificate as its own user once a connection arrives.
  chgrp "$EXIM_USER" "$CERTS"/exim.key "$CERTS"/expired.key "$CERTS"/wrongname.key
  chmod 0640 "$CERTS"/*.key
}

# --- Exim ----------------------------------------------------------------------------------------

readonly EXIM_DIR="$STATE/exim"
readonly EXIM_BIN="$EXIM_DIR/root/usr/sbin/exim4"
readonly EXIM_CONF="$EXIM_DIR/exim.conf"
readonly EXIM_PID="$EXIM_DIR/exim.pid"

# Debian's Exim binary has this user compiled in; its certificate keys are readable by its group.
ensure_exim_user() {
  id -u "$EXIM_USER" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$EXIM_USER" \
    || fail "could not create the system user $EXIM_USER that Exim runs as"
  step "created the system user $EXIM_USER"
}

ensure_exim_binary() {
  if [[ -x "$EXIM_BIN" ]] && "$EXIM_BIN" -C /dev/null -bV >/dev/null 2>&1; then return 0; fi
  install -d -m 0755 "$EXIM_DIR/debs"
  local deb
  deb=$(find "$EXIM_DIR/debs" -name 'exim4-daemon-light_*.deb' -print -quit)
  if [[ -z "$deb" ]]; then
    # Download only: the package itself conflicts with Postfix (both provide mail-transport-agent).
    (cd "$EXIM_DIR/debs" && apt-get download -q -o APT::Sandbox::User=root exim4-daemon-light >/dev/null 2>&1) \
      || { apt-get update -qq >/dev/null && (cd "$EXIM_DIR/debs" && apt-get download -q -o APT::Sandbox::User=root exim4-daemon-light >/dev/null); } \
      || fail "apt-get download exim4-daemon-light failed"
    deb=$(find "$EXIM_DIR/debs" -name 'exim4-daemon-light_*.deb' -print -quit)
    step "downloaded $(basename "$deb")"
  fi
  rm -rf "$EXIM_DIR/root"
  dpkg -x "$deb" "$EXIM_DIR/root"
  if ldd "$EXIM_BIN" | grep -q 'not found'; then
    fail "Exim misses shared libraries: $(ldd "$EXIM_BIN" | grep 'not found' | tr -s ' \t' ' ')"
  fi
  "$EXIM_BIN" -C /dev/null -bV >/dev/null 2>&1 || fail "the unpacked Exim does not run: $("$EXIM_BIN" -C /dev/null -bV 2>&1 | head -n 3)"
  step "unpacked $(basename "$deb") into $EXIM_DIR/root"
}

start_exim() {
  ensure_exim_binary
  install -d -m 0750 -o "$EXIM_USER" -g "$EXIM_USER" "$EXIM_DIR/spool" "$EXIM_DIR/log"
  local rendered
  rendered=$(sed "s|@STATE@|$STATE|g" "$SRC/exim.conf")
  if [[ ! -f "$EXIM_CONF" ]] || [[ "$(cat "$EXIM_CONF")" != "$rendered" ]]; then
    printf '%s\n' "$rendered" >"$EXIM_CONF"
  fi
  chmod 0644 "$EXIM_CONF"
  local hash
  hash=$(fingerprint "$EXIM_CONF" "$CERTS"/exim*.pem "$CERTS"/expired*.pem "$CERTS"/wrongname*.pem)
  if current exim "$EXIM_PID" "$EXIM_BIN" "$hash" "${EXIM_PORTS[@]}"; then
    step "Exim already running (127.0.0.2-4)"
    return 0
  fi
  stop_one Exim "$EXIM_PID" "$EXIM_BIN"
  ports_free Exim "${EXIM_PORTS[@]}"
  "$EXIM_BIN" -C "$EXIM_CONF" -bV >/dev/null || fail "Exim rejects $EXIM_CONF (see above)"
  "$EXIM_BIN" -C "$EXIM_CONF" -bd -oP "$EXIM_PID" || fail "Exim did not start (log: $EXIM_DIR/log/mainlog)"
  wait_for Exim "$EXIM_DIR/log/paniclog" "${EXIM_PORTS[@]}"
  printf '%s\n' "$hash" >"$STATE/exim.started-with"
  step "started Exim $("$EXIM_BIN" -C "$EXIM_CONF" -bV 2>/dev/null | sed -n 's/^Exim version \([^ ]*\).*/\1/p') on 127.0.0.2-4"
}

# --- Haraka --------------------------------------------------------------------------------------

readonly HARAKA_APP="$STATE/haraka-app"
readonly HARAKA_BIN="$HARAKA_APP/node_modules/Haraka/bin/haraka"
readonly HARAKA_DIR="$STATE/haraka"
readonly HARAKA_PID="$HARAKA_DIR/haraka.pid"

ensure_haraka_install() {
  local want
  want=$(fingerprint "$SRC/haraka/package-lock.json")
  if [[ -x "$HARAKA_BIN" && "$(cat "$HARAKA_APP/.installed-lock" 2>/dev/null)" == "$want" ]]; then return 0; fi
  install -d -m 0755 "$HARAKA_APP"
  cp "$SRC/haraka/package.json" "$SRC/haraka/package-lock.json" "$HARAKA_APP/"
  # --ignore-scripts: the only install script is an optional syslog addon Haraka runs without.
  (cd "$HARAKA_APP" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) \
    || fail "npm ci for Haraka failed in $HARAKA_APP"
  printf '%s\n' "$want" >"$HARAKA_APP/.installed-lock"
  step "installed Haraka $(node -p 'require(process.argv[1]).version' "$HARAKA_APP/node_modules/Haraka/package.json") into $HARAKA_APP"
}

start_haraka() {
  ensure_haraka_install
  install -d -m 0755 "$HARAKA_DIR/config"
  cp "$SRC"/haraka/config/* "$HARAKA_DIR/config/"
  cp "$CERTS/haraka.pem" "$HARAKA_DIR/config/tls_cert.pem"
  cp "$CERTS/haraka.key" "$HARAKA_DIR/config/tls_key.pem"
  local hash
  # From our inputs only: Haraka writes files of its own (dhparams.pem) into its config folder.
  hash=$(fingerprint "$SRC"/haraka/config/* "$CERTS/haraka.pem" "$HARAKA_APP/.installed-lock")
  if current haraka "$HARAKA_PID" "$HARAKA_BIN" "$hash" "${HARAKA_PORTS[@]}"; then
    step "Haraka already running (127.0.0.5)"
    return 0
  fi
  stop_one Haraka "$HARAKA_PID" "$HARAKA_BIN"
  ports_free Haraka "${HARAKA_PORTS[@]}"
  setsid node "$HARAKA_BIN" -c "$HARAKA_DIR" >"$HARAKA_DIR/haraka.log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$HARAKA_PID"
  wait_for Haraka "$HARAKA_DIR/haraka.log" "${HARAKA_PORTS[@]}"
  printf '%s\n' "$hash" >"$STATE/haraka.started-with"
  step "started Haraka on 127.0.0.5 (pid $(cat "$HARAKA_PID"))"
}

# --- aiosmtpd ------------------------------------------------------------------------------------

readonly AIOSMTPD_SCRIPT="$SRC/aiosmtpd_server.py"
readonly AIOSMTPD_DIR="$STATE/aiosmtpd"
readonly AIOSMTPD_PID="$AIOSMTPD_DIR/aiosmtpd.pid"

start_aiosmtpd() {
  install -d -m 0755 "$AIOSMTPD_DIR"
  local hash
  hash=$(fingerprint "$AIOSMTPD_SCRIPT" "$CERTS/aiosmtpd.pem")
  if current aiosmtpd "$AIOSMTPD_PID" "$AIOSMTPD_SCRIPT" "$hash" "${AIOSMTPD_PORTS[@]}"; then
    step "aiosmtpd already running (127.0.0.6-9)"
    return 0
  fi
  stop_one aiosmtpd "$AIOSMTPD_PID" "$AIOSMTPD_SCRIPT"
  ports_free aiosmtpd "${AIOSMTPD_PORTS[@]}"
  # The script writes its own pidfile once every listener is bound.
  setsid "$PYTHON" "$AIOSMTPD_SCRIPT" "$CERTS/aiosmtpd.pem" "$CERTS/aiosmtpd.key" "$AIOSMTPD_PID" \
    >"$AIOSMTPD_DIR/aiosmtpd.log" 2>&1 </dev/null &
  wait_for aiosmtpd "$AIOSMTPD_DIR/aiosmtpd.log" "${AIOSMTPD_PORTS[@]}"
  printf '%s\n' "$hash" >"$STATE/aiosmtpd.started-with"
  step "started aiosmtpd $("$PYTHON" -c 'import aiosmtpd; print(aiosmtpd.__version__)') on 127.0.0.6-9"
}

# --- commands ------------------------------------------------------------------------------------

status() {
  local problems=0
  pid_of "$EXIM_PID" "$EXIM_BIN" >/dev/null && all_answer "${EXIM_PORTS[@]}" && step "Exim: running" || { step "Exim: not running"; problems=1; }
  pid_of "$HARAKA_PID" "$HARAKA_BIN" >/dev/null && all_answer "${HARAKA_PORTS[@]}" && step "Haraka: running" || { step "Haraka: not running"; problems=1; }
  pid_of "$AIOSMTPD_PID" "$AIOSMTPD_SCRIPT" >/dev/null && all_answer "${AIOSMTPD_PORTS[@]}" && step "aiosmtpd: running" || { step "aiosmtpd: not running"; problems=1; }
  return "$problems"
}

case "${1:-start}" in
  start)
    [[ "$(id -u)" == 0 ]] || fail "run as root (ports below 1024 and Exim's system user): sudo $0"
    install -d -m 0755 "$STATE"
    ensure_packages
    ensure_exim_user
    ensure_certificates
    start_exim
    start_haraka
    start_aiosmtpd
    step "ready: Exim 127.0.0.2-4, Haraka 127.0.0.5, aiosmtpd 127.0.0.6-9"
    ;;
  stop)
    stop_one aiosmtpd "$AIOSMTPD_PID" "$AIOSMTPD_SCRIPT"
    stop_one Haraka "$HARAKA_PID" "$HARAKA_BIN"
    stop_one Exim "$EXIM_PID" "$EXIM_BIN"
    rm -f "$STATE"/*.started-with
    ;;
  status) status || exit 1 ;;
  *) fail "unknown command '$1' (use start, stop or status)" ;;
esac
