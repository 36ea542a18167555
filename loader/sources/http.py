"""The polite HTTP client every source uses: httpx for the requests, hishel for the HTTP cache (RFC 9111:
conditional requests with ``If-None-Match``/``If-Modified-Since``, so an unchanged answer costs a 304), stamina
for retries with exponential backoff on 429 and 5xx (honouring ``Retry-After``) and on dropped connections,
timeouts, a User-Agent naming the project and its version, and at most ``rate`` requests a second.

Every failure becomes a :class:`SourceError` with a one-line reason: :class:`NotFound` (404, 410),
:class:`Unreachable` (connection refused, timeouts, 5xx after the retries: the source is down), or the plain
class for answers that are wrong (another 4xx, a body above the size limit, a truncated body).

The rate limit sits below the cache, at the connection: answers served from the cache cost nothing, every
request that reaches the network (retries and revalidations included) waits its turn.
"""

from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx
import stamina

from .. import __version__

USER_AGENT = f"missiongraph/{__version__} (+https://pypi.org/project/missiongraph/; research use)"
DEFAULT_RATE = 2.0            # requests a second
DEFAULT_TIMEOUT = 30.0        # seconds to connect, and between two reads of a body
MAX_BYTES = 50 * 1024 * 1024  # the loader's own limit for a file
RETRY_STATUS = {429, 500, 502, 503, 504}


class SourceError(Exception):
    """A request that failed; the message is one line that names the reason (the URL is added by callers)."""


class NotFound(SourceError):
    """404 or 410: the source does not have it."""


class Unreachable(SourceError):
    """The source did not answer usefully: connection refused, timeouts, 5xx after every retry."""


class _Retry(Exception):
    """An answer worth asking again (429, 5xx), with the wait the server asked for (Retry-After), if any."""

    def __init__(self, status: int, wait: float | None):
        super().__init__(f"HTTP {status}")
        self.status, self.wait = status, wait


@dataclass
class Politeness:
    """How hard a client may ask: requests a second, timeout, retries and their backoff, the longest
    ``Retry-After`` honoured (a longer one fails the request rather than stalling the run)."""

    rate: float = DEFAULT_RATE
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = 5
    wait_initial: float = 1.0
    wait_max: float = 30.0
    max_retry_after: float = 120.0
    max_bytes: int = MAX_BYTES


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date; None if absent or
    unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (now if now is not None else datetime.now(timezone.utc).timestamp()))


class _Spacing:
    """At most ``rate`` requests a second: each request starts at least 1/rate seconds after the previous one."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_at)
            self.next_at = start + self.interval
        if start > now:
            time.sleep(start - now)


class _PoliteTransport(httpx.HTTPTransport):
    """The network transport, spaced by the rate limit; counts the requests that reach the network."""

    def __init__(self, spacing: _Spacing, **kwargs):
        super().__init__(**kwargs)
        self.spacing = spacing
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.spacing.wait()
        self.sent += 1
        return super().handle_request(request)


@dataclass(frozen=True)
class Answer:
    """A successful answer: final URL (after redirects), status, headers, the whole body, and whether the
    cache served it (``cached``: without asking, or after a 304 from the source)."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes
    cached: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()


class Client:
    """One client per run: shared connection pool, cache, rate limit. Use as a context manager.

    ``cache``: the SQLite file of the HTTP cache (None: no cache). ``on_retry(url, reason, wait)`` is told about
    each retry, so the caller can say it."""

    def __init__(self, politeness: Politeness | None = None, *, cache: Path | None = None,
                 on_retry=None):
        self.politeness = p = politeness or Politeness()
        self.on_retry = on_retry or (lambda url, reason, wait: None)
        self.network = _PoliteTransport(_Spacing(p.rate), retries=0)
        transport: httpx.BaseTransport = self.network
        if cache is not None:
            import hishel
            from hishel.httpx import CacheTransport

            cache.parent.mkdir(parents=True, exist_ok=True)
            storage = hishel.SqliteStorage(database_path=cache)
            transport = CacheTransport(next_transport=transport, storage=storage,
                                       rfc=hishel.CacheOptions(shared=False))
        self.http = httpx.Client(transport=transport, follow_redirects=True,
                                 headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                                 timeout=httpx.Timeout(p.timeout, connect=min(p.timeout, 10.0)))

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    @property
    def requests(self) -> int:
        """Requests that reached the network so far (answers from the cache without asking are not counted)."""
        return self.network.sent

    def get(self, url: str, params: dict | None = None) -> Answer:
        """GET ``url`` with retries; the response with its body read (at most ``max_bytes``), status 2xx or 304.
        Raises :class:`NotFound`, :class:`Unreachable` or :class:`SourceError`."""
        p = self.politeness

        def backoff(exc: Exception) -> bool | float:
            if isinstance(exc, _Retry):
                if exc.wait is not None:
                    if exc.wait > p.max_retry_after:
                        return False
                    self.on_retry(url, str(exc), exc.wait)
                    return exc.wait
                self.on_retry(url, str(exc), None)
                return True
            if isinstance(exc, (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)):
                self.on_retry(url, _describe(exc, p.timeout), None)
                return True
            return False

        try:
            for attempt in stamina.retry_context(on=backoff, attempts=p.attempts, timeout=None,
                                                 wait_initial=p.wait_initial, wait_max=p.wait_max,
                                                 wait_jitter=p.wait_initial / 2):
                with attempt:
                    return self._get_once(url, params)
        except _Retry as exc:
            if exc.wait is not None and exc.wait > p.max_retry_after:
                raise SourceError(f"HTTP {exc.status}: the source asks to wait {exc.wait:.0f} s "
                                  f"(more than {p.max_retry_after:.0f} s)") from None
            if exc.status == 429:
                raise SourceError(f"HTTP 429 (too many requests) after {p.attempts} attempts") from None
            raise Unreachable(f"HTTP {exc.status} after {p.attempts} attempts") from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            kind = Unreachable if not isinstance(exc, httpx.RemoteProtocolError) else SourceError
            raise kind(f"{_describe(exc, p.timeout)} (after {p.attempts} attempts)") from None
        except httpx.HTTPError as exc:
            raise SourceError(f"{type(exc).__name__}: {exc}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: str, params: dict | None) -> Answer:
        p = self.politeness
        with self.http.stream("GET", url, params=params) as response:
            if response.status_code >= 400 and int(response.headers.get("Content-Length") or 0) < 65536:
                response.read()     # a short error page: read, so that the connection can be used again
            if response.status_code in RETRY_STATUS:
                raise _Retry(response.status_code, retry_after(response.headers.get("Retry-After")))
            if response.status_code in (404, 410):
                raise NotFound(f"not found (HTTP {response.status_code})")
            if response.status_code >= 400:
                raise SourceError(f"HTTP {response.status_code}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > p.max_bytes:
                raise SourceError(f"the answer is {int(declared) / 1e6:.1f} MB, above the "
                                  f"{p.max_bytes / 1e6:.0f} MB limit")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > p.max_bytes:
                    raise SourceError(f"the answer is above the {p.max_bytes / 1e6:.0f} MB limit")
            caching = response.extensions.get("caching")
            return Answer(url=str(response.url), status=response.status_code, headers=response.headers,
                          content=bytes(body), cached=bool(caching and caching.get("from_cache")))


def _describe(exc: Exception, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g} s (timeout)"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the connection broke off mid-answer ({str(exc).splitlines()[0] if str(exc) else 'truncated'})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({str(exc).splitlines()[0] if str(exc) else 'refused'})"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
