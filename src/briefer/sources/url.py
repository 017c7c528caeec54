"""Fetch a web page: http and https only, bounded in time, size and redirects.

The standard library's urllib does the work (no extra dependency, about 0.05 s to import).
Credentials written into a URL (``user:pass@host``) are never sent and never shown: every
message names the URL without them.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from .. import __version__
from ..errors import InputError
from .feeds import FEED_TYPES
from .formats import CONTENT_TYPES, is_url, media_type
from .raw import DEFAULT_TIMEOUT

SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
USER_AGENT = f"briefer/{__version__} (+offline article briefings; fetches only the URL it is given)"
_CHUNK = 64 * 1024
# Seconds past the timeout before the caller gives up on a download that has not given up
# itself: the download's own deadline should always come first.
_GRACE = 0.5
_BINARY = "application/octet-stream"
# Many servers send RSS and Atom as plain XML: it is let through for the feed reader to tell
# by its root element (see feeds.is_feed).
_XML = frozenset(("application/xml", "text/xml"))
_GZIP_MAGIC = b"\x1f\x8b"
_CREDENTIALS = re.compile(r"//[^/?#]*@")
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,application/pdf;q=0.7"


__all__ = ["DEFAULT_TIMEOUT", "MAX_REDIRECTS", "SCHEMES", "USER_AGENT", "Fetched", "fetch", "is_url", "shown"]


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects, without credentials
    content_type: str
    data: bytes

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def shown(url: str) -> str:
    """A URL fit for messages: no user name, no password, no fragment."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL urllib can parse (a broken [IPv6] host): just drop any credentials
        return _CREDENTIALS.sub("//", url.split("#", 1)[0])
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int, any_type: bool = False) -> Fetched:
    """Download ``url``; every failure is an :class:`InputError` naming the URL.

    ``any_type`` accepts whatever content type the server names (the user said what the
    input is); otherwise only HTML, plain text, Markdown and PDF are.
    """
    name = shown(url)
    scheme = url.partition("://")[0].lower()
    if scheme not in SCHEMES:
        raise InputError(f"{name}: only http and https URLs are fetched, not {scheme}:")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise InputError(f"{name}: not a valid URL (its host or port cannot be read)") from None
    if not parts.hostname:
        raise InputError(f"{name}: no host in the URL")
    # Looking up the host is not bounded by a socket timeout, so the download runs in a
    # worker thread that the caller stops waiting for when the time is up.
    outcome: list[Fetched | BaseException] = []

    def work() -> None:
        try:
            outcome.append(_download(url, name, timeout=timeout, max_bytes=max_bytes, any_type=any_type))
        except BaseException as error:  # handed to the caller, who re-raises it
            outcome.append(error)

    worker = threading.Thread(target=work, name="briefer-fetch", daemon=True)
    worker.start()
    worker.join(timeout + _GRACE)
    if not outcome:
        raise InputError(f"{name}: timed out after {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _download(url: str, name: str, *, timeout: float, max_bytes: int, any_type: bool) -> Fetched:
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
    request = urllib.request.Request(_ascii(name), headers=headers)
    opener = urllib.request.build_opener(*_handlers(name))
    try:
        with opener.open(request, timeout=timeout) as response:
            final = shown(response.geturl())
            content_type = response.headers.get("Content-Type", "")
            if not any_type:
                _check_type(name, content_type)
            _check_length(name, response.headers.get("Content-Length"), max_bytes)
            encoding = response.headers.get("Content-Encoding", "").strip().lower()
            data = _read(response, name, max_bytes, deadline, timeout, encoding)
            if not any_type and media_type(content_type) == _BINARY and not data.lstrip()[:5] == b"%PDF-":
                raise InputError(_wrong_type(name, _BINARY))
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            raise InputError(f"{name}: {_redirect_problem(error)}") from None
        reason = error.reason if isinstance(error.reason, str) else http.client.responses.get(error.code, "")
        raise InputError(f"{name}: HTTP {error.code} {reason}".rstrip()) from None
    except urllib.error.URLError as error:
        raise InputError(f"{name}: {_network_problem(error.reason, url, timeout)}") from None
    except TimeoutError:
        raise InputError(f"{name}: timed out after {timeout:g} s") from None
    except http.client.HTTPException as error:
        raise InputError(f"{name}: the server sent a broken response ({type(error).__name__})") from None
    except OSError as error:
        raise InputError(f"{name}: {_network_problem(error, url, timeout)}") from None
    except ValueError as error:  # http.client refuses some malformed responses this way
        raise InputError(f"{name}: the server sent a broken response ({type(error).__name__})") from None
    return Fetched(final, content_type, data)


def _redirect_problem(error: urllib.error.HTTPError) -> str:
    """Why urllib stopped following redirects."""
    if "not allowed" in str(error.reason):  # urllib's own refusal of file:, data: and the like
        return "redirected to a URL that is not http or https, which briefer does not fetch"
    headers = error.headers
    if headers is None or ("location" not in headers and "uri" not in headers):
        return f"HTTP {error.code} redirect with no address to follow"
    return f"too many redirects (more than {MAX_REDIRECTS}) or a redirect loop"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.count = 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.count += 1
        if self.count > MAX_REDIRECTS:
            raise InputError(f"{self.name}: too many redirects (more than {MAX_REDIRECTS}) or a redirect loop")
        scheme = newurl.partition("://")[0].lower() if "://" in newurl else "http"
        if scheme not in SCHEMES:
            raise InputError(f"{self.name}: redirected to a {scheme}: URL, which briefer does not fetch")
        try:
            target = _ascii(shown(newurl))
        except ValueError:
            raise InputError(f"{self.name}: redirected to an address that cannot be read") from None
        return super().redirect_request(req, fp, code, msg, headers, target)


def _ascii(url: str) -> str:
    """A URL as HTTP needs it: the host in IDNA, the path and query percent-encoded."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise InputError(f"{shown(url)}: not a valid host name") from None
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), ""))


def _handlers(name: str) -> list[urllib.request.BaseHandler]:
    handlers: list[urllib.request.BaseHandler] = [_Redirects(name)]
    if (urlsplit(name).hostname or "") in ("localhost", "127.0.0.1", "::1"):
        handlers.append(urllib.request.ProxyHandler({}))  # loopback never goes through a proxy
    return handlers


def _check_type(name: str, content_type: str) -> None:
    kind = media_type(content_type)
    # Servers often label a PDF download as octet-stream; its first bytes decide, after the download.
    if kind and kind not in CONTENT_TYPES and kind != _BINARY and kind not in FEED_TYPES and kind not in _XML:
        raise InputError(_wrong_type(name, kind))


def _wrong_type(name: str, kind: str) -> str:
    return f"{name}: not a web page or document briefer reads (content type {kind})"


def _check_length(name: str, length: str | None, max_bytes: int) -> None:
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise InputError(_too_big(name, max_bytes))


# A compressed body unpacking to more than this many times its size, past the first
# _BOMB_FLOOR bytes, is a compression bomb (zlib reaches about 1,000 to 1; web pages 5 to 20):
# refused at once rather than unpacked up to a raised --max-size. Zip readers guard the same
# way (Apache POI's ZipSecureFile refuses past 100 to 1).
_BOMB_RATIO = 200
_BOMB_FLOOR = 16 * 1024 * 1024


def _read(
    response: http.client.HTTPResponse, name: str, max_bytes: int, deadline: float, timeout: float, encoding: str
) -> bytes:
    """Stream the body and stop as soon as it passes the limit or the time is up.

    A compressed body is unpacked as it arrives, and the limit applies to what it unpacks
    to, so that a small compressed bomb cannot fill the memory: what is held never passes
    ``max_bytes`` (and a body unpacking past _BOMB_RATIO to 1 is refused sooner).
    """
    body = _Body(name, encoding, max_bytes)
    while True:
        # read1 returns what has arrived, so a server that trickles bytes meets the deadline.
        raw = response.read1(_CHUNK)
        if time.monotonic() > deadline:
            raise InputError(f"{name}: timed out after {timeout:g} s")
        body.add(raw)
        if not raw:
            return body.data()


class _Body:
    """A response body as it arrives: unpacked when compressed, bounded by the limit."""

    def __init__(self, name: str, encoding: str, max_bytes: int) -> None:
        self.name, self.encoding, self.max_bytes = name, encoding, max_bytes
        self.unpack = _decompressor(name, encoding)
        self.chunks: list[bytes] = []
        self.size = 0  # bytes held, unpacked
        self.received = 0  # bytes received, compressed

    def add(self, raw: bytes) -> None:
        """Take the next bytes from the server (empty at the end of the body)."""
        self.received += len(raw)
        unpack = self.unpack
        if unpack is None:
            self._keep(raw)
            return
        pending = raw
        while True:
            try:
                piece = unpack.decompress(pending, self.max_bytes + 1 - self.size) if pending else unpack.flush()
            except zlib.error:
                raise InputError(f"{self.name}: the server sent a broken {self.encoding} body") from None
            self._keep(piece)
            if self.size > _BOMB_FLOOR and self.size > _BOMB_RATIO * self.received:
                raise InputError(
                    f"{self.name}: the {self.encoding} body unpacks to more than {_BOMB_RATIO} times its size"
                    " (a compression bomb, not a page)"
                )
            # A gzip body may be several members one after another (as `cat a.gz b.gz` makes):
            # each is unpacked in turn, as gzip itself does. Other bytes after the end are
            # ignored, as browsers do.
            if not (unpack.eof and unpack.unused_data.startswith(_GZIP_MAGIC) and self.encoding != "deflate"):
                return
            pending = unpack.unused_data
            unpack = self.unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def _keep(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.max_bytes:
            raise InputError(_too_big(self.name, self.max_bytes))
        self.chunks.append(piece)

    def data(self) -> bytes:
        """Everything received, unpacked."""
        return b"".join(self.chunks)


def _decompressor(name: str, encoding: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise InputError(f"{name}: the server sent the page in an encoding briefer cannot unpack ({encoding})")


def _too_big(name: str, max_bytes: int) -> str:
    return f"{name}: larger than the {max_bytes / (1024 * 1024):g} MB limit (raise it with --max-size)"


def _network_problem(reason: object, url: str, timeout: float) -> str:
    host = urlsplit(url).hostname or "the host"
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot reach {host}: host not found"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot reach {host}: connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"cannot reach {host}: its TLS certificate is not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"cannot reach {host}: TLS error ({reason.reason or reason})"
    if isinstance(reason, OSError):
        return f"cannot reach {host}: {reason.strerror or type(reason).__name__}"
    return f"cannot reach {host}: {reason}"
