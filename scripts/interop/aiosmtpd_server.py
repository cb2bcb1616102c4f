#!/usr/bin/python3
"""aiosmtpd servers of the interop suite, started by scripts/setup-interop.sh (one process, three addresses).

  127.0.0.6  no TLS at all:   25, 587 and 2525 plaintext, no STARTTLS, AUTH PLAIN LOGIN offered anyway
  127.0.0.7  swapped ports:   465 plaintext with STARTTLS (AUTH after TLS), 587 implicit TLS with AUTH
  127.0.0.8  TLS broken:      465 implicit TLS and 587 STARTTLS whose handshakes always fail with an
                              alert (the server allows only ciphers no client offers)
  127.0.0.9  Windows sign-in: 587 STARTTLS offering only AUTH GSSAPI NTLM, before TLS and after, as an
                              Exchange client connector does with password (basic) logins turned off;
                              both logins always fail (the probe never logs in)

Usage: aiosmtpd_server.py CERT KEY PIDFILE
"""
import asyncio
import os
import signal
import socket
import ssl
import sys
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult

HOSTNAME = 'aiosmtpd.interop.test'
USER, PASSWORD = b'probe-test', b'probe-test-password'


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not session.authenticated:
            return '550 5.7.1 this test server relays nothing'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        return '250 OK: discarded'


class WindowsHandler(Handler):
    """Names NTLM and GSSAPI among the server's AUTH mechanisms (aiosmtpd lists a handler's auth_ methods).
    Neither is implemented: a login attempt is refused with 535."""

    async def auth_NTLM(self, server, args):
        return AuthResult(success=False, handled=False)

    async def auth_GSSAPI(self, server, args):
        return AuthResult(success=False, handled=False)


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = getattr(auth_data, 'login', None) == USER and getattr(auth_data, 'password', None) == PASSWORD
    return AuthResult(success=ok)


def good_tls(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def broken_tls(cert, key):
    """A context that never completes a handshake: TLS 1.2 at most and only pre-shared-key ciphers, which
    no mail client offers without a key. OpenSSL answers the ClientHello with a handshake_failure alert."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers('PSK')
    return context


async def fail_handshake(transport, context):
    """Run the server side of a handshake that must fail, on a blocking copy of the connection's socket.

    asyncio's own TLS layer closes the connection without sending OpenSSL's alert; a real server (and
    this test) needs the alert on the wire, so the handshake runs the way a threaded server does it."""
    transport.pause_reading()
    raw = transport.get_extra_info('socket')
    sock = socket.socket(fileno=os.dup(raw.fileno()))
    sock.setblocking(True)
    sock.settimeout(10)

    def handshake():
        try:
            context.wrap_socket(sock, server_side=True)
        except (ssl.SSLError, OSError):
            pass  # expected: the alert has been sent
        finally:
            sock.close()

    await asyncio.get_running_loop().run_in_executor(None, handshake)
    transport.abort()


class BrokenImplicitTls(asyncio.Protocol):
    """Implicit TLS whose handshake fails with an alert."""

    def __init__(self, context):
        self.context = context

    def connection_made(self, transport):
        asyncio.get_running_loop().create_task(fail_handshake(transport, self.context))


class BrokenStarttls(SMTP):
    """Offers STARTTLS, says yes to it, then fails the handshake with an alert."""

    def __init__(self, *args, broken, **kwargs):
        super().__init__(*args, **kwargs)
        self.broken = broken

    async def smtp_STARTTLS(self, arg):
        if arg:
            await self.push('501 Syntax: STARTTLS')
            return
        await self.push('220 Ready to start TLS')
        await fail_handshake(self.transport, self.broken)


def factory(*, starttls=None, auth_require_tls=True, broken_starttls=None, windows_only=False):
    def make():
        if windows_only:
            return SMTP(
                WindowsHandler(),
                hostname=HOSTNAME,
                ident='aiosmtpd interop test server',
                tls_context=starttls,
                auth_require_tls=False,
                auth_exclude_mechanism=['LOGIN', 'PLAIN'],
                authenticator=authenticator,
            )
        if broken_starttls:
            # aiosmtpd advertises STARTTLS only with a context; this one is never used for a handshake.
            return BrokenStarttls(Handler(), hostname=HOSTNAME, ident='aiosmtpd interop test server',
                                  tls_context=starttls, broken=broken_starttls, authenticator=authenticator)
        return SMTP(
            Handler(),
            hostname=HOSTNAME,
            ident='aiosmtpd interop test server',
            tls_context=starttls,
            auth_require_tls=auth_require_tls,
            authenticator=authenticator,
        )
    return make


async def main(cert, key, pidfile):
    good, broken = good_tls(cert, key), broken_tls(cert, key)
    loop = asyncio.get_running_loop()
    listeners = [
        # 127.0.0.6: AUTH in the clear, nothing else.
        ('127.0.0.6', 25, factory(auth_require_tls=False), None),
        ('127.0.0.6', 587, factory(auth_require_tls=False), None),
        ('127.0.0.6', 2525, factory(auth_require_tls=False), None),
        # 127.0.0.7: what belongs on 587 is on 465 and the other way round.
        ('127.0.0.7', 465, factory(starttls=good), None),
        # aiosmtpd only knows about TLS it started itself (STARTTLS); on implicit TLS it would hold AUTH back.
        ('127.0.0.7', 587, factory(auth_require_tls=False), good),
        # 127.0.0.8: TLS offered on both submission ports, never completed.
        ('127.0.0.8', 465, lambda: BrokenImplicitTls(broken), None),
        ('127.0.0.8', 587, factory(starttls=good, broken_starttls=broken), None),
        # 127.0.0.9: only Windows sign-in, offered before STARTTLS as well.
        ('127.0.0.9', 587, factory(starttls=good, windows_only=True), None),
    ]
    servers = [await loop.create_server(make, host, port, ssl=implicit) for host, port, make, implicit in listeners]
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    Path(pidfile).write_text(f'{os.getpid()}\n')
    try:
        await stop.wait()
    finally:
        for server in servers:
            server.close()
        Path(pidfile).unlink(missing_ok=True)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    asyncio.run(main(*sys.argv[1:]))
