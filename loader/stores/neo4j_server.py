"""A real local Neo4j Community server, assembled from Maven Central and managed from Python.

No Docker and no Neo4j download site needed: only Maven and a Java that fits the version (17+ for the 5.26 LTS,
the default; 21+ for the calendar versions such as 2026.09.0, :func:`java_needed`). The layout of a home folder::

    <home>/lib/        every jar of org.neo4j:neo4j:<version> (+ neo4j-browser 5.24.0), put there by
                       loader/data/neo4j-pom.xml, or hard-linked from the cache of assembled servers
    <home>/conf/       neo4j.conf, written by assemble() (regenerated on every assemble/start)
    <home>/data/       the databases (the password is fixed when this is first created)
    <home>/logs/       neo4j.log + debug.log (Neo4j's own logs), console.log (the server process's stdout/stderr
                       and missiongraph's start/stop lines), assemble.log (mvn), admin.log (set-initial-password)
    <home>/run/        neo4j.pid

Default home: ``$MISSIONGRAPH_NEO4J_HOME`` or ``<cwd>/.missiongraph/neo4j``. Version: the argument,
``$MISSIONGRAPH_NEO4J_VERSION``, the home's, the LTS (:func:`resolve_version`). Password: ``$NEO4J_PASSWORD``
(8 characters or more), user ``neo4j``. Memory: ``$MISSIONGRAPH_NEO4J_HEAP`` (default 1g) and
``$MISSIONGRAPH_NEO4J_PAGECACHE`` (default 512m).

Library functions: :func:`assemble`, :func:`start`, :func:`stop`, :func:`status`,
:func:`connect_error_message`, :func:`check_server_version`, :func:`parse_components`. A minimal command line for
people and scripts: ``python -m missiongraph.stores.neo4j_server start|stop|status|assemble|admin-launcher``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

__all__ = [
    "DEFAULT_BOLT_PORT",
    "DEFAULT_HTTP_PORT",
    "USER",
    "Neo4jLocalError",
    "ToolMissingError",
    "ServerTooOldError",
    "ServerInfo",
    "default_home",
    "get_password",
    "validate_password",
    "assemble",
    "start",
    "stop",
    "status",
    "check_connection",
    "check_server_version",
    "parse_server_version",
    "connect_error_message",
    "admin_launcher",
    "VERSION_ENV",
    "Components",
    "COMPONENTS_QUERY",
    "parse_components",
    "lts_version",
    "parse_neo4j_version",
    "resolve_version",
    "home_version",
    "java_needed",
    "agent_version",
    "cache_dir",
]

USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
HOST = "127.0.0.1"
MIN_PASSWORD_LENGTH = 8
MIN_SERVER_VERSION = (5, 0)

DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE = "512m"
DEFAULT_MVN_TIMEOUT = 900.0  # seconds; a cold download here takes about 10-60 s

_LAUNCHER = "org.neo4j.server.startup.Neo4jCommand"
_ADMIN = "org.neo4j.server.startup.Neo4jAdminCommand"
# The server JVM's main class: CommunityEntryPoint up to 2025.x, Neo4jCommunity from 2026 on.
_ENTRY_POINTS = ("org.neo4j.server.CommunityEntryPoint", "org.neo4j.server.Neo4jCommunity")
VERSION_ENV = "MISSIONGRAPH_NEO4J_VERSION"
# Where JDKs are installed besides JAVA_HOME and PATH (Debian/Ubuntu, RPM systems, tarballs, macOS).
_JDK_GLOBS = ("/usr/lib/jvm/*/bin/java", "/usr/java/*/bin/java", "/opt/java/*/bin/java", "/opt/jdk*/bin/java",
              "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java")
_MARKER = ".missiongraph-complete"

# The stock JVM flags of Neo4j 5.26's conf/neo4j.conf.
STOCK_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
)



# --------------------------------------------------------------------------------------------- errors


class Neo4jLocalError(RuntimeError):
    """A one-line, actionable error about the local Neo4j server (never contains the password)."""


class ToolMissingError(Neo4jLocalError):
    """A Java that fits the Neo4j version, or Maven, is missing, so the local server cannot be assembled or started."""

    def __init__(self, message: str, short: str):
        super().__init__(message)
        self.short = short  # e.g. "java not found"


class ServerTooOldError(Neo4jLocalError):
    """The server answered, but it is older than Neo4j 5."""

    def __init__(self, agent: str, uri: str | None = None):
        self.agent = agent
        self.uri = uri
        where = f" at {uri}" if uri else ""
        super().__init__(
            f"Neo4j{where} is too old ({agent or 'unknown version'}); missiongraph needs Neo4j 5 or newer "
            f"(e.g. the local server or `docker run ... neo4j:5.26`)."
        )


# --------------------------------------------------------------------------------------------- basics


@dataclasses.dataclass(frozen=True)
class ServerInfo:
    """How to reach a running server."""

    uri: str
    http_url: str
    user: str
    password: str = dataclasses.field(repr=False)
    database: str = DEFAULT_DATABASE
    home: Path | None = None
    pid: int | None = None
    version: str | None = None
    started: bool = False  # True when this call launched the server process

    @property
    def browser_url(self) -> str:
        return self.http_url.rstrip("/") + "/browser/"

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)


def default_home() -> Path:
    """``$MISSIONGRAPH_NEO4J_HOME`` or ``<cwd>/.missiongraph/neo4j``."""
    env = os.environ.get("MISSIONGRAPH_NEO4J_HOME")
    return Path(env).expanduser().resolve() if env else (Path.cwd() / ".missiongraph" / "neo4j").resolve()


def validate_password(password: str | None, *, source: str = "NEO4J_PASSWORD") -> str:
    if not password:
        raise Neo4jLocalError(
            f"No Neo4j password: set {source} (at least {MIN_PASSWORD_LENGTH} characters) to the password "
            f"the local server should use."
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Neo4jLocalError(
            f"{source} is too short ({len(password)} characters): Neo4j requires at least "
            f"{MIN_PASSWORD_LENGTH}."
        )
    return password


def get_password(env: dict[str, str] | None = None) -> str:
    """The password from ``$NEO4J_PASSWORD``, validated (clear error if unset or too short)."""
    env = os.environ if env is None else env
    return validate_password(env.get("NEO4J_PASSWORD"))


def _home(home: Path | str | None) -> Path:
    return Path(home).expanduser().resolve() if home is not None else default_home()


def _pom_path() -> Path:
    env = os.environ.get("MISSIONGRAPH_NEO4J_POM")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent  # the package root (loader/), above stores/
    candidates.append(here / "data" / "neo4j-pom.xml")  # shipped with the package
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise Neo4jLocalError(
        "Cannot find data/neo4j-pom.xml (the Neo4j jar list) in the missiongraph package; reinstall it or set "
        "MISSIONGRAPH_NEO4J_POM."
    )


def _pom_versions(pom: Path) -> dict[str, str]:
    text = pom.read_text(encoding="utf-8")
    found = {}
    for key in ("neo4j.version", "neo4j.browser.version"):
        m = re.search(rf"<{re.escape(key)}>\s*([^<\s]+)\s*</{re.escape(key)}>", text)
        if m:
            found[key] = m.group(1)
    return found


def lts_version() -> str:
    """The Neo4j version the pom names: the 5.26 LTS release the project is tested with by default."""
    return _pom_versions(_pom_path())["neo4j.version"]


_NEO4J_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def parse_neo4j_version(version: str) -> tuple[int, int, int]:
    """``"5.26.30"`` -> (5, 26, 30), ``"2026.09.0"`` -> (2026, 9, 0); a one-line error for anything else,
    including versions older than 5 (missiongraph needs Neo4j 5 or newer)."""
    m = _NEO4J_VERSION.fullmatch(str(version).strip())
    major = int(m.group(1)) if m else 0
    if not m or not (major == 5 or major >= 2025):
        raise Neo4jLocalError(
            f"Not a Neo4j version missiongraph can run: {version!r}; use 5.26.x (the LTS, e.g. {lts_version()}) or "
            f"a calendar version Maven Central has, e.g. 2026.09.0 (YEAR.MONTH.PATCH)."
        )
    return (major, int(m.group(2)), int(m.group(3)))


def home_version(home: Path | str | None = None) -> str | None:
    """The Neo4j version assembled in ``home`` (None when nothing is)."""
    try:
        data = json.loads((_home(home) / "lib" / _MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (data.get("versions") or {}).get("neo4j.version")


def _lines_since(path: Path, since: int = 0) -> list[str]:
    """Non-empty lines of a log written after byte offset ``since`` (at most the last 16 KiB)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(since if since <= size else 0, size - 16384))
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def _short(line: str) -> str:
    return line if len(line) <= 300 else line[:297] + "..."


_ERROR_LINE = re.compile(
    r"\bERROR\b|Exception|Error:|error:|\bFailed\b|\bfailed\b|Could not|Cannot|denied|Unrecognized|[Ii]nvalid"
)
_NOISE_LINE = re.compile(
    r"^(===|Run with '--verbose'|\[ERROR\] *$"
    r"|\[ERROR\] (-> \[Help|To see the full|Re-run Maven|For more information|\[Help))"
)


def _best_line(lines: list[str]) -> str:
    """The most telling line of a log excerpt: the first error-looking line (the cause, before the follow-up
    noise), else the last line."""
    lines = [line for line in lines if not _NOISE_LINE.search(line)]
    errors = [line for line in lines if _ERROR_LINE.search(line)]
    best = errors[0] if errors else (lines[-1] if lines else "")
    return _short(best)


def _tail(path: Path, since: int = 0) -> str:
    """The most telling line of (the new part of) a log, shortened, for one-line error messages."""
    return _best_line(_lines_since(path, since))


def _log_sizes(home: Path) -> dict[str, int]:
    sizes = {}
    for name in ("neo4j.log", "console.log"):
        try:
            sizes[name] = (home / "logs" / name).stat().st_size
        except OSError:
            sizes[name] = 0
    return sizes


def _with_server_tail(message: str, home: Path, since: dict[str, int]) -> str:
    """``message; see logs/neo4j.log and logs/console.log (log: ...)`` using only what this start wrote,
    preferring an ERROR/exception line."""
    logs = home / "logs"
    last = _best_line(_lines_since(logs / "neo4j.log", since.get("neo4j.log", 0))
                      + _lines_since(logs / "console.log", since.get("console.log", 0)))
    return f"{message}; see {logs / 'neo4j.log'} and {logs / 'console.log'}" + (f" (log: {last})" if last else "")


def _with_tail(message: str, log: Path, since: int = 0) -> str:
    last = _tail(log, since)
    return f"{message}; see {log}" + (f" (log: {last})" if last else "")


# --------------------------------------------------------------------------------------------- tools


def java_needed(version: str) -> int:
    """The oldest Java a Neo4j version runs on: 17 for 5.x, 21 for the calendar versions (2025.01 on)."""
    return 17 if parse_neo4j_version(version)[0] == 5 else 21


def _java_candidates() -> list[str]:
    """Every ``java`` to try, in order: ``$JAVA_HOME/bin/java``, ``java`` on PATH, then the JDKs installed in the
    usual places (``/usr/lib/jvm/*``, ``/usr/java/*``, ``/opt/java/*``, ``/opt/jdk*``, macOS's
    ``/Library/Java/JavaVirtualMachines/*/Contents/Home``; ``$MISSIONGRAPH_NEO4J_JDKS`` replaces these with its own
    ``:``-separated glob patterns of ``java`` paths, empty for none), each once (by its real path)."""
    found = []
    if os.environ.get("JAVA_HOME"):
        found.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        found.append(on_path)
    env = os.environ.get("MISSIONGRAPH_NEO4J_JDKS")
    patterns = _JDK_GLOBS if env is None else [p for p in env.split(os.pathsep) if p.strip()]
    for pattern in patterns:
        found += sorted(str(p) for p in Path("/").glob(pattern.strip().lstrip("/")))
    out, seen = [], set()
    for java in found:
        real = os.path.realpath(java)
        if real not in seen and os.access(java, os.X_OK):
            seen.add(real)
            out.append(java)
    return out


def _java(version: str | None = None) -> str:
    """A ``java`` that runs Neo4j ``version`` (default: the LTS): the first of :func:`_java_candidates` whose
    major version is at least :func:`java_needed`. One clear line when none is."""
    version = version or lts_version()
    need = java_needed(version)
    tried = []
    for java in _java_candidates():
        major = _java_major(java)
        if major is not None and major >= need:
            return java
        tried.append(f"{java} (Java {major if major is not None else '?'})")
    if not tried:
        raise ToolMissingError(
            f"java not found: Neo4j {version} needs Java {need} or newer (and Maven), e.g. `apt-get install "
            f"openjdk-{need}-jdk-headless maven` or a Temurin JDK with JAVA_HOME set; or set NEO4J_URI/NEO4J_PASSWORD "
            f"to use an existing Neo4j server.",
            short="java not found",
        )
    hint = (" (or start Neo4j 5.26 LTS, which runs on Java 17: --version " + lts_version() + ")"
            if need > 17 else "")
    raise ToolMissingError(
        f"Neo4j {version} needs Java {need} or newer, and this machine has only {', '.join(tried)}: install Java "
        f"{need}+ (e.g. a Temurin JDK) and set JAVA_HOME to it{hint}.",
        short=f"Neo4j {version} needs Java {need}+, found only {', '.join(t.rsplit(' (', 1)[1][:-1] for t in tried)}",
    )


@functools.lru_cache(maxsize=None)
def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def _mvn() -> str:
    found = shutil.which("mvn")
    if not found:
        raise ToolMissingError(
            "mvn not found: assembling the local Neo4j server needs Maven and a Java that fits the version (17+ for "
            "5.26, 21+ for calendar versions; e.g. `apt-get install maven openjdk-17-jdk-headless`), or set "
            "NEO4J_URI/NEO4J_PASSWORD to use an existing Neo4j server.",
            short="mvn not found",
        )
    return found


def _launcher_env(home: Path, java: str) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(home)
    env["NEO4J_CONF"] = str(home / "conf")
    env["JAVA_HOME"] = str(Path(java).resolve().parent.parent)
    # A stray JAVA_OPTS/HEAP_SIZE would change the launcher; and the long-running JVM has no use for the
    # password (it would only sit readable in /proc/<pid>/environ).
    for key in ("JAVA_OPTS", "HEAP_SIZE", "NEO4J_DEBUG", "NEO4J_PASSWORD"):
        env.pop(key, None)
    return env


def _run_killable(cmd: list[str], *, env: dict[str, str] | None, cwd: Path, log: Path, timeout: float) -> int:
    """Run ``cmd`` with output appended to ``log``; kill its whole process group on timeout."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            raise
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            raise


# --------------------------------------------------------------------------------------------- locking


@contextlib.contextmanager
def _locked(home: Path, timeout: float) -> Iterator[None]:
    """An exclusive lock on ``<home>/.lock`` (two test sessions never assemble or launch at once)."""
    import fcntl

    home.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    with open(home / ".lock", "a+") as fh:
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise Neo4jLocalError(
                        f"Timed out after {timeout:.0f} s waiting for another process that holds {home / '.lock'}"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# --------------------------------------------------------------------------------------------- assemble


def _lib_complete(lib: Path, versions: dict[str, str]) -> bool:
    marker = lib / _MARKER
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if data.get("versions") != versions:
        return False
    jars = data.get("jars") or []
    return bool(jars) and all((lib / jar).is_file() for jar in jars)


def cache_dir() -> Path | None:
    """Where assembled jar folders are kept between homes and runs: ``$MISSIONGRAPH_NEO4J_CACHE`` (``off``: no
    cache), else ``$XDG_CACHE_HOME/missiongraph/neo4j`` or ``~/.cache/missiongraph/neo4j``."""
    env = os.environ.get("MISSIONGRAPH_NEO4J_CACHE")
    if env is not None and env.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "missiongraph" / "neo4j"


def _cached_lib(versions: dict[str, str]) -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    return root / f"neo4j-{versions['neo4j.version']}-browser-{versions.get('neo4j.browser.version', 'none')}"


def _copy_tree(src: Path, dst: Path) -> None:
    """Copy a jar folder, hard-linking the files when both are on one file system (no extra disk, instant)."""
    def link_or_copy(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)

    shutil.copytree(src, dst, copy_function=link_or_copy)


def _install_lib(home: Path, partial: Path) -> None:
    old = home / "lib.old"
    shutil.rmtree(old, ignore_errors=True)
    if (home / "lib").exists():
        os.replace(home / "lib", old)
    os.replace(partial, home / "lib")
    shutil.rmtree(old, ignore_errors=True)


def _download_jars(home: Path, pom: Path, versions: dict[str, str], timeout: float) -> None:
    """Fill ``home/lib`` with the jars of ``versions``: from the cache of assembled folders when it has them,
    else with mvn (then the cache gets a copy)."""
    partial = home / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    cached = _cached_lib(versions)
    if cached is not None and _lib_complete(cached, versions):
        _copy_tree(cached, partial)
        _install_lib(home, partial)
        return
    mvn = _mvn()
    java = _java(versions["neo4j.version"])
    log = home / "logs" / "assemble.log"
    env = dict(os.environ)
    env.setdefault("JAVA_HOME", str(Path(java).resolve().parent.parent))
    cmd = [mvn, "-B", "-ntp", "-f", str(pom), "package", f"-Dneo4j.lib={partial}",
           f"-Dneo4j.version={versions['neo4j.version']}"]
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {shlex.join(cmd)}\n")
    since = log.stat().st_size
    try:
        code = _run_killable(cmd, env=env, cwd=pom.parent, log=log, timeout=timeout)
    except subprocess.TimeoutExpired:
        shutil.rmtree(partial, ignore_errors=True)
        raise Neo4jLocalError(
            _with_tail(f"mvn did not finish within {timeout:.0f} s (set MISSIONGRAPH_NEO4J_MVN_TIMEOUT)", log, since)
        ) from None
    jars = sorted(p.name for p in partial.glob("*.jar")) if partial.is_dir() else []
    if code != 0 or not jars:
        shutil.rmtree(partial, ignore_errors=True)
        raise Neo4jLocalError(_with_tail(
            f"mvn failed (exit {code}) while downloading the jars of Neo4j {versions['neo4j.version']} (is it a "
            f"version Maven Central has?)", log, since))
    if not any(j.startswith("neo4j-browser-") for j in jars) or not any(j.startswith("neo4j-server-") for j in jars):
        raise Neo4jLocalError(f"mvn ran but {partial} lacks neo4j-server or neo4j-browser jars; see {log}")
    (partial / _MARKER).write_text(json.dumps({"versions": versions, "jars": jars}, indent=1), encoding="utf-8")
    if cached is not None:
        with contextlib.suppress(OSError):
            tmp = cached.with_name(cached.name + f".tmp-{os.getpid()}")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            _copy_tree(partial, tmp)
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(tmp, cached)
    _install_lib(home, partial)


def _read_conf(home: Path) -> dict[str, str]:
    conf: dict[str, str] = {}
    try:
        text = (home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    except OSError:
        return conf
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            conf[key.strip()] = value.strip()
    return conf


def _conf_ports(home: Path) -> tuple[int, int]:
    conf = _read_conf(home)

    def port(key: str, default: int) -> int:
        value = conf.get(key, "")
        try:
            return int(value.rsplit(":", 1)[1])
        except (IndexError, ValueError):
            return default

    return (port("server.bolt.listen_address", DEFAULT_BOLT_PORT), port("server.http.listen_address", DEFAULT_HTTP_PORT))


def _write_conf(home: Path, version: str, bolt_port: int, http_port: int) -> None:
    heap = os.environ.get("MISSIONGRAPH_NEO4J_HEAP") or DEFAULT_HEAP
    pagecache = os.environ.get("MISSIONGRAPH_NEO4J_PAGECACHE") or DEFAULT_PAGECACHE
    lines = [
        "# Written by missiongraph (loader/stores/neo4j_server.py) on every assemble/start: edits here are overwritten.",
        "# Memory: MISSIONGRAPH_NEO4J_HEAP / MISSIONGRAPH_NEO4J_PAGECACHE; ports: start(bolt_port=, http_port=).",
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.plugins={home / 'plugins'}",
        f"server.directories.import={home / 'import'}",
        f"server.directories.lib={home / 'lib'}",
        f"server.default_listen_address={HOST}",
        f"server.default_advertised_address={HOST}",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address={HOST}:{bolt_port}",
        f"server.bolt.advertised_address={HOST}:{bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address={HOST}:{http_port}",
        f"server.http.advertised_address={HOST}:{http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=2 days 1G",
        "db.tx_log.rotation.size=64M",  # each database preallocates one log file of this size (stock: 256M)
        # Bolt's netty event loops otherwise wait a 5 s quiet period twice on shutdown (stop took ~10 s);
        # 0 is what Neo4j's own test harness uses. Renamed in the calendar versions (the old name still works
        # there, with a deprecation warning in neo4j.log).
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0" if parse_neo4j_version(version)[0] == 5
        else "internal.dbms.bolt.netty_server_shutdown_quiet_period_duration=0s",
    ]
    if parse_neo4j_version(version) >= (2026, 1, 0):
        # Fleet discovery (2026.x) would broadcast on the network; loopback-only it cannot anyway (it logs a
        # warning), and it is not wanted: off. (Not written for older versions: Neo4j refuses unknown settings.)
        lines.append("server.fleet_discovery.enabled=false")
    lines += [f"server.jvm.additional={flag}" for flag in STOCK_JVM_FLAGS]
    text = "\n".join(lines) + "\n"
    conf = home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    try:
        if conf.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    tmp = conf.with_suffix(".conf.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, conf)


def resolve_version(home: Path | str | None = None, version: str | None = None) -> str:
    """The Neo4j version to run in ``home``: ``version`` when given, else ``$MISSIONGRAPH_NEO4J_VERSION``, else the
    one already assembled there, else the LTS. Checked (:func:`parse_neo4j_version`)."""
    chosen = (version or "").strip() or os.environ.get(VERSION_ENV, "").strip() or home_version(home) or lts_version()
    parse_neo4j_version(chosen)
    return chosen


def _check_switch(home: Path, old: str | None, new: str) -> None:
    """A home whose databases were written by a newer Neo4j cannot go back to an older one (Neo4j upgrades a
    store on start, it never downgrades one): refuse before touching anything."""
    if old and old != new and _database_initialised(home) and parse_neo4j_version(new) < parse_neo4j_version(old):
        raise Neo4jLocalError(
            f"The Neo4j home {home} holds databases of Neo4j {old}; Neo4j {new} cannot open them (no downgrades). "
            f"Use another home for {new} (--home), or stop the server and delete {home / 'data'} to start over."
        )


def _assemble_unlocked(home: Path, version: str, bolt_port: int, http_port: int, mvn_timeout: float | None) -> None:
    _check_switch(home, home_version(home), version)
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    pom = _pom_path()
    versions = {**_pom_versions(pom), "neo4j.version": version}
    if not _lib_complete(home / "lib", versions):
        if mvn_timeout is None:
            mvn_timeout = float(os.environ.get("MISSIONGRAPH_NEO4J_MVN_TIMEOUT") or DEFAULT_MVN_TIMEOUT)
        _download_jars(home, pom, versions, mvn_timeout)
    _write_conf(home, version, bolt_port, http_port)


def assemble(
    home: Path | str | None = None,
    *,
    version: str | None = None,
    bolt_port: int = DEFAULT_BOLT_PORT,
    http_port: int = DEFAULT_HTTP_PORT,
    mvn_timeout: float | None = None,
) -> str:
    """Make ``home`` a home of Neo4j ``version`` (see :func:`resolve_version`): jars in lib/ (from the cache of
    assembled folders, else mvn; only when lib/ is missing, incomplete or of another version) and conf/neo4j.conf.
    Idempotent; a warm call takes milliseconds. Returns the version."""
    home = _home(home)
    version = resolve_version(home, version)
    timeout = (mvn_timeout or DEFAULT_MVN_TIMEOUT) + 60
    with _locked(home, timeout):
        _assemble_unlocked(home, version, bolt_port, http_port, mvn_timeout)
    return version


# --------------------------------------------------------------------------------------------- processes


def _pid_file(home: Path) -> Path:
    return home / "run" / "neo4j.pid"


def _read_pid(home: Path) -> int | None:
    try:
        return int(_pid_file(home).read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    except (OSError, IndexError):
        pass
    return True


def _cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]


def _is_server_of(args: list[str], home: Path) -> bool:
    """Whether a command line is the server JVM of ``home`` (either main class name)."""
    return any(entry in args for entry in _ENTRY_POINTS) and f"--home-dir={home}" in args


def _is_our_server(pid: int, home: Path) -> bool:
    """Whether ``pid`` is a Neo4j server of ``home`` (True when /proc cannot tell, e.g. on macOS)."""
    if not _alive(pid):
        return False
    args = _cmdline(pid)
    if args is None:
        return True
    return _is_server_of(args, home)


def _find_server_pid(home: Path) -> int | None:
    """The pid of the server of ``home``: from run/neo4j.pid, else by scanning /proc."""
    pid = _read_pid(home)
    if pid is not None and _is_our_server(pid, home):
        return pid
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if entry.name.isdigit():
                args = _cmdline(int(entry.name))
                if args and _is_server_of(args, home) and _alive(int(entry.name)):
                    return int(entry.name)
    return None


def _port_open(port: int, host: str = HOST, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _server_command(home: Path, java: str, timeout: float = 60) -> list[str]:
    """The server JVM's command line as Neo4j's own launcher computes it (``console --dry-run``).

    Cached in run/launch.json, keyed on java, conf/neo4j.conf and the jar list (saves a JVM start, ~1.5 s).
    """
    import hashlib

    key_src = "\0".join([
        java,
        (home / "conf" / "neo4j.conf").read_text(encoding="utf-8"),
        (home / "lib" / _MARKER).read_text(encoding="utf-8"),
    ])
    key = hashlib.sha256(key_src.encode()).hexdigest()
    cache = home / "run" / "launch.json"
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("key") == key and cached.get("cmd"):
            return list(cached["cmd"])
    except (OSError, ValueError):
        pass
    args = _dry_run(home, java, timeout)
    with contextlib.suppress(OSError):
        cache.write_text(json.dumps({"key": key, "cmd": args}), encoding="utf-8")
    return args


def _dry_run(home: Path, java: str, timeout: float) -> list[str]:
    cmd = [java, "-cp", str(home / "lib" / "*"), f"-Dbasedir={home}", _LAUNCHER, "console", "--dry-run"]
    try:
        out = subprocess.run(
            cmd, env=_launcher_env(home, java), cwd=home, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise Neo4jLocalError(f"Neo4j's launcher (console --dry-run) did not answer within {timeout:.0f} s") from None
    lines = [line for line in out.stdout.splitlines() if any(entry in line for entry in _ENTRY_POINTS)]
    if out.returncode != 0 or not lines:
        detail = (out.stderr or out.stdout).strip().splitlines()
        raise Neo4jLocalError(
            f"Neo4j's launcher failed (exit {out.returncode}): {detail[-1] if detail else 'no output'}"
        )
    args = shlex.split(lines[-1])
    # We run the server in the background with its output in logs/console.log: no console mode.
    return [a for a in args if a != "--console-mode"]


def _set_initial_password(home: Path, java: str, password: str, timeout: float = 120) -> None:
    """Before the very first start: ``neo4j-admin dbms set-initial-password`` (writes data/dbms/auth.ini)."""
    log = home / "logs" / "admin.log"
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} neo4j-admin dbms set-initial-password ***\n")
    since = log.stat().st_size
    cmd = [java, "-cp", str(home / "lib" / "*"), f"-Dbasedir={home}", _ADMIN, "dbms", "set-initial-password", password]
    try:
        code = _run_killable(cmd, env=_launcher_env(home, java), cwd=home, log=log, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Neo4jLocalError(_with_tail(f"set-initial-password did not finish within {timeout:.0f} s", log, since)) from None
    if code != 0:
        raise Neo4jLocalError(_with_tail(f"neo4j-admin dbms set-initial-password failed (exit {code})", log, since))


def admin_launcher(home: Path | str | None = None) -> Path:
    """Write ``<home>/bin/neo4j-admin``, a shell script that runs the admin tool of the (assembled) local server
    with the home's conf, like the ``bin/neo4j-admin`` of a Neo4j distribution (which a home built from Maven
    jars lacks), and return its path. For offline work on the server's databases with the server stopped, e.g.
    ``NEO4J_ADMIN=<path> OUT/import.sh`` after ``missiongraph export OUT --format neo4j-admin``. Rewritten on
    every call (it names the ``java`` found now)."""
    home = _home(home)
    if not (home / "lib" / _MARKER).is_file():
        raise Neo4jLocalError(f"No assembled Neo4j in {home}: run `missiongraph neo4j start` (or "
                              f"`python -m missiongraph.stores.neo4j_server assemble`) first.")
    java = _java(home_version(home))
    q = shlex.quote
    text = "\n".join([
        "#!/bin/sh",
        f"# neo4j-admin of the local Neo4j in {home} (written by missiongraph's neo4j_server.admin_launcher).",
        "unset JAVA_OPTS HEAP_SIZE NEO4J_DEBUG",
        f"export NEO4J_HOME={q(str(home))} NEO4J_CONF={q(str(home / 'conf'))} "
        f"JAVA_HOME={q(str(Path(java).resolve().parent.parent))}",
        f"exec {q(java)} -cp {q(str(home / 'lib'))}'/*' -Dbasedir={q(str(home))} {_ADMIN} \"$@\"",
    ]) + "\n"
    path = home / "bin" / "neo4j-admin"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.chmod(0o755)
    os.replace(tmp, path)
    return path


def _database_initialised(home: Path) -> bool:
    return (home / "data" / "databases" / "system").exists()


def _launch(home: Path, java: str) -> int:
    """Start the server JVM fully detached (its own session, re-parented to init: no zombie, no tie to the
    caller) with stdin from /dev/null and its output appended to logs/console.log; write run/neo4j.pid."""
    cmd = _server_command(home, java)
    # Not logs/neo4j.log: Neo4j's log4j writes that one through its own file position and would overwrite us.
    log = home / "logs" / "console.log"
    with open(log, "ab") as out:
        out.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} missiongraph starts Neo4j\n".encode())
    # sh backgrounds the JVM, prints its pid and exits at once; "$0" is the log file, "$@" the command.
    script = '"$@" </dev/null >>"$0" 2>&1 & echo $!'
    try:
        out = subprocess.run(
            ["/bin/sh", "-c", script, str(log), *cmd], cwd=home, env=_launcher_env(home, java),
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, start_new_session=True,
        )
        pid = int(out.stdout.strip())
    except (subprocess.TimeoutExpired, ValueError, OSError) as exc:
        raise Neo4jLocalError(f"Could not launch the Neo4j JVM ({type(exc).__name__}: {exc})") from None
    tmp = _pid_file(home).with_suffix(".tmp")
    tmp.write_text(f"{pid}\n")
    os.replace(tmp, _pid_file(home))
    return pid


# --------------------------------------------------------------------------------------------- connecting


def parse_server_version(agent: str | None) -> tuple[int, ...] | None:
    """``"Neo4j/5.26.30"`` -> ``(5, 26, 30)``; None if the agent string has no version."""
    if not agent:
        return None
    m = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", agent)
    if not m:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def check_server_version(agent: str | None, *, uri: str | None = None, minimum: tuple[int, ...] = MIN_SERVER_VERSION) -> tuple[int, ...] | None:
    """Raise :class:`ServerTooOldError` when the server agent (e.g. ``Neo4j/4.4.12``) is older than ``minimum``."""
    version = parse_server_version(agent)
    if version is not None and version < minimum:
        raise ServerTooOldError(agent or "", uri)
    return version


def connect_error_message(
    exc: BaseException,
    *,
    uri: str | None = None,
    user: str = USER,
    database: str | None = None,
    password: str | None = None,
) -> str:
    """Turn a driver exception into one actionable line. Never contains the password."""
    from neo4j import exceptions as ne

    where = uri or "the Neo4j server"
    code = getattr(exc, "code", None) or ""
    if isinstance(exc, ServerTooOldError):
        msg = str(exc)
    elif isinstance(exc, Neo4jLocalError):
        msg = str(exc)
    elif code == "Neo.ClientError.Security.AuthenticationRateLimit":
        msg = (
            f"Neo4j at {where} refused user '{user}' after too many wrong passwords in a row; wait a few seconds "
            f"and connect with the right NEO4J_PASSWORD."
        )
    elif isinstance(exc, ne.AuthError) or code == "Neo.ClientError.Security.Unauthorized":
        msg = (
            f"Neo4j at {where} rejected the credentials of user '{user}' (wrong password?): set NEO4J_PASSWORD to "
            f"that server's password (a local server keeps the password of its first start; delete its data/ "
            f"folder to start over)."
        )
    elif code == "Neo.ClientError.Database.DatabaseNotFound":
        name = f"'{database}'" if database else "the requested database"
        msg = (
            f"Database {name} does not exist on {where}; Neo4j Community has only 'neo4j' (and 'system'): "
            f"use NEO4J_DATABASE=neo4j or create it on an Enterprise server."
        )
    elif isinstance(exc, ne.UnsupportedServerProduct):
        msg = f"The server at {where} is not Neo4j (unsupported server product); check NEO4J_URI and the port."
    elif isinstance(exc, ne.ConfigurationError):
        msg = f"Invalid Neo4j connection settings for {where}: {_first_line(exc)}"
    elif isinstance(exc, ne.ServiceUnavailable) and _tls_failed(exc):
        msg = (
            f"Cannot reach Neo4j at {where}: the TLS handshake failed. A +s/+ssc scheme needs a server with TLS on "
            f"that port (Aura: neo4j+s://…); a server without TLS, like the local one, is bolt:// or neo4j://."
        )
    elif isinstance(exc, ne.ServiceUnavailable):
        detail = _unavailable_reason(_deepest_unavailable(exc))
        if re.search(r"protocol version|handshake", detail, re.I):
            msg = (
                f"Neo4j at {where} speaks no Bolt version this driver supports (server too old?); missiongraph "
                f"needs Neo4j 5 or newer."
            )
        else:
            msg = (
                f"Cannot reach Neo4j at {where} ({detail or 'connection refused'}): start the local server "
                f"(`missiongraph neo4j start`) or set NEO4J_URI to a running one."
            )
    elif isinstance(exc, ne.Neo4jError):
        msg = f"Neo4j at {where} answered {code or type(exc).__name__}: {_first_line(exc)}"
    else:
        msg = f"{type(exc).__name__} while talking to Neo4j at {where}: {_first_line(exc)}"
    if password:
        msg = msg.replace(password, "***")
    return " ".join(msg.split())


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything behind it: causes, contexts and the members of exception groups (a neo4j:// driver
    wraps the failure of each routing request in an ExceptionGroup behind "Unable to retrieve routing
    information")."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack += [x for x in (e.__context__, e.__cause__) if x is not None]
        stack += reversed(list(getattr(e, "exceptions", None) or ()))


def _tls_failed(exc: BaseException) -> bool:
    import ssl

    return any(isinstance(e, ssl.SSLError) or type(e).__name__ == "BoltSecurityError" for e in _causes(exc))


def _deepest_unavailable(exc: BaseException) -> BaseException:
    """The last ServiceUnavailable behind ``exc`` (the one that says why: "Connection refused"), else ``exc``."""
    from neo4j import exceptions as ne

    found = [e for e in _causes(exc) if isinstance(e, ne.ServiceUnavailable)]
    return found[-1] if found else exc


def _unavailable_reason(exc: BaseException) -> str:
    """'Connection refused', 'Name or service not known', 'timed out', ... out of the driver's long message."""
    text = str(getattr(exc, "message", None) or exc)
    m = re.search(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", text) or re.search(r"\[Errno -?\d+\] ([^\n]+)", text)
    if m:
        return m.group(1).strip()
    if re.search(r"timed? ?out", text, re.I):
        return "timed out"
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc)
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    line = lines[0] if lines else ""
    return line if len(line) <= 240 else line[:237] + "..."


def check_connection(
    uri: str,
    user: str,
    password: str,
    *,
    database: str = DEFAULT_DATABASE,
    timeout: float = 10.0,
) -> str:
    """Connect, check the server is Neo4j 5+, run ``RETURN 1`` on ``database``; return the server agent.

    Raises the driver's exceptions (or :class:`ServerTooOldError`): feed them to :func:`connect_error_message`.
    """
    from neo4j import GraphDatabase

    with GraphDatabase.driver(
        uri, auth=(user, password), connection_timeout=timeout, connection_acquisition_timeout=timeout,
        max_transaction_retry_time=0,
    ) as driver:
        driver.verify_connectivity()
        agent = driver.get_server_info().agent
        check_server_version(agent, uri=uri)
        with driver.session(database=database) as session:
            session.run("RETURN 1 AS ok").single(strict=True)
        return agent


@dataclasses.dataclass(frozen=True)
class Components:
    """What ``CALL dbms.components()`` says about a server: the kernel's version and edition, and the Cypher
    versions it speaks (``("5",)`` on 5.26, where Cypher has no row of its own; ``("5", "25")`` on 2025.06 and
    later, whose second row is named ``Cypher``)."""

    version: str | None
    edition: str | None
    cypher: tuple[str, ...]


COMPONENTS_QUERY = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"


def parse_components(rows: list[dict[str, Any]]) -> Components:
    """Read the rows of :data:`COMPONENTS_QUERY` by name (their number and order differ between versions)."""
    by_name = {str(row.get("name")): row for row in rows}
    kernel = by_name.get("Neo4j Kernel") or {}
    versions = list(kernel.get("versions") or [])
    cypher_row = by_name.get("Cypher")
    if cypher_row is not None:
        cypher = tuple(str(v) for v in cypher_row.get("versions") or [])
    else:
        cypher = ("5",) if versions and str(versions[0]).startswith("5.") else ()
    return Components(version=str(versions[0]) if versions else None, edition=kernel.get("edition"),
                      cypher=cypher)


def _components(uri: str, user: str, password: str, timeout: float = 10.0) -> Components:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=timeout) as driver:
        records, _, _ = driver.execute_query(COMPONENTS_QUERY, database_="system")
        return parse_components([record.data() for record in records])


def _other_password_message(home: Path) -> str:
    return (
        f"The local Neo4j in {home} rejects this password: it keeps the one it was first started with. Set "
        f"NEO4J_PASSWORD to that one, or stop it and delete {home / 'data'} to start over with this one."
    )


def _wait_ready(home: Path, pid: int | None, uri: str, http_port: int,
                password: str, deadline: float, timeout: float, since: dict[str, int]) -> str:
    """Poll the HTTP port, then the driver (verify_connectivity + RETURN 1). Returns the server agent."""
    from neo4j import exceptions as ne

    last_error: BaseException | None = None
    while True:
        if pid is not None and not _alive(pid):
            raise Neo4jLocalError(_with_server_tail("Neo4j exited while starting", home, since))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            why = f" (last error: {connect_error_message(last_error, uri=uri, password=password)})" if last_error else ""
            raise Neo4jLocalError(_with_server_tail(f"Neo4j was not ready within {timeout:.0f} s{why}", home, since))
        if _port_open(http_port, timeout=min(1.0, remaining)):
            try:
                return check_connection(uri, USER, password, timeout=max(1.0, min(5.0, remaining)))
            except ne.AuthError:
                raise Neo4jLocalError(_other_password_message(home)) from None
            except ServerTooOldError as exc:
                raise Neo4jLocalError(connect_error_message(exc, uri=uri, password=password)) from None
            except ne.Neo4jError as exc:
                if getattr(exc, "code", "") == "Neo.ClientError.Security.AuthenticationRateLimit":
                    raise Neo4jLocalError(connect_error_message(exc, uri=uri, password=password)) from None
                last_error = exc
            except (ne.DriverError, OSError) as exc:
                last_error = exc
        time.sleep(0.5)


# --------------------------------------------------------------------------------------------- public API


def agent_version(agent: str | None) -> str | None:
    """``"Neo4j/2026.09.0"`` -> ``"2026.09.0"`` (as the server writes it; None without a version)."""
    m = re.search(r"\d+\.\d+(?:\.\d+)?", agent or "")
    return m.group(0) if m else None


def start(
    home: Path | str | None = None,
    password: str | None = None,
    *,
    version: str | None = None,
    bolt_port: int | None = None,
    http_port: int | None = None,
    timeout: float = 120,
    mvn_timeout: float | None = None,
) -> ServerInfo:
    """Start the local server of ``home`` in the background (assembling it first if needed) and wait until it
    answers.

    ``version``: see :func:`resolve_version` (the LTS unless told or already assembled otherwise); the Java is
    picked to fit it (:func:`java_needed`). ``bolt_port``/``http_port`` default to the home's (from its
    conf/neo4j.conf), else 7687/7474. ``password`` defaults to ``$NEO4J_PASSWORD``. If a server already answers
    on ``bolt_port`` with that password, nothing is started (``ServerInfo.started`` is False); when that server is
    another version than the one asked for, that is an error. Raises :class:`Neo4jLocalError` (one line, with the
    log path) on failure, and :class:`ToolMissingError` when a fitting java or mvn is missing.
    """
    from neo4j import exceptions as ne

    home = _home(home)
    password = validate_password(password if password is not None else os.environ.get("NEO4J_PASSWORD"))
    asked = (version or "").strip() or os.environ.get(VERSION_ENV, "").strip() or None
    version = resolve_version(home, version)
    conf_bolt, conf_http = _conf_ports(home)
    bolt_port = bolt_port or conf_bolt
    http_port = http_port or conf_http
    uri = f"bolt://{HOST}:{bolt_port}"
    http_url = f"http://{HOST}:{http_port}"
    t0 = time.monotonic()

    def info(pid: int | None, agent: str | None, started: bool) -> ServerInfo:
        return ServerInfo(uri=uri, http_url=http_url, user=USER, password=password, home=home, pid=pid,
                          version=agent_version(agent), started=started)

    def already_running() -> ServerInfo | None:
        if not _port_open(bolt_port):
            return None
        try:
            agent = check_connection(uri, USER, password, timeout=10)
        except ne.AuthError as exc:
            if _find_server_pid(home) is None:
                raise Neo4jLocalError(
                    f"Another Neo4j (not the one in {home}) already listens on {uri} and rejects this password: "
                    f"stop it, use its password in NEO4J_PASSWORD, or start on other ports (--bolt-port/--http-port)."
                ) from None
            raise Neo4jLocalError(_other_password_message(home)) from None
        except (ServerTooOldError, ne.Neo4jError) as exc:
            raise Neo4jLocalError(connect_error_message(exc, uri=uri, password=password)) from None
        except (ne.DriverError, OSError) as exc:
            if _find_server_pid(home) is not None:
                return None  # our own server, still starting: wait for it below
            raise Neo4jLocalError(
                f"Port {bolt_port} is in use but does not answer as Neo4j ({connect_error_message(exc, uri=uri, password=password)})"
            ) from None
        running = agent_version(agent)
        if asked and running != asked:
            raise Neo4jLocalError(
                f"Neo4j {running} already runs on {uri}, not {asked}: stop it first (`missiongraph neo4j stop`), or "
                f"start {asked} in another home on other ports (--home, --bolt-port, --http-port)."
            )
        return info(_find_server_pid(home), agent, False)

    found = already_running()
    if found is not None:
        return found

    lock_timeout = (mvn_timeout or DEFAULT_MVN_TIMEOUT) + timeout + 60
    with _locked(home, lock_timeout):
        found = already_running()  # someone else may have started it while we waited for the lock
        if found is not None:
            return found
        java = _java(version)
        _assemble_unlocked(home, version, bolt_port, http_port, mvn_timeout)
        deadline = time.monotonic() + timeout
        pid = _find_server_pid(home)
        launched = False
        since = _log_sizes(home)
        if pid is None:
            for port in (bolt_port, http_port):
                if _port_open(port):
                    raise Neo4jLocalError(
                        f"Port {port} on {HOST} is already in use by another program; stop it or start Neo4j on "
                        f"other ports (--bolt-port/--http-port)."
                    )
            if not _database_initialised(home):
                _set_initial_password(home, java, password)
            pid = _launch(home, java)
            launched = True
        try:
            agent = _wait_ready(home, pid, uri, http_port, password, deadline, timeout, since)
        except BaseException:
            if launched and _alive(pid):
                # We launched it and it never became usable: do not leave a half-started server behind.
                _terminate(home, pid, 30)
                with contextlib.suppress(FileNotFoundError):
                    _pid_file(home).unlink()
            raise
    result = info(pid, agent, launched)
    _log_line(home, f"Neo4j {result.version} on Java {_java_major(java)} ({java}) ready in "
                    f"{time.monotonic() - t0:.1f} s (pid {pid})")
    return result


def _log_line(home: Path, text: str) -> None:
    with contextlib.suppress(OSError), open(home / "logs" / "console.log", "a", encoding="utf-8") as fh:
        fh.write(f"=== {time.strftime('%Y-%m-%d %H:%M:%S')} missiongraph: {text}\n")


def _terminate(home: Path, pid: int, timeout: float) -> None:
    """SIGTERM, wait up to ``timeout``, then SIGKILL as a last resort."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        _log_line(home, f"pid {pid} ignored SIGTERM for {timeout:.0f} s: SIGKILL")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        kill_deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < kill_deadline:
            time.sleep(0.1)


def stop(home: Path | str | None = None, timeout: float = 60) -> bool:
    """Stop the server of ``home`` cleanly (SIGTERM, wait, SIGKILL as last resort).

    Returns True if a server was running, False if there was nothing to stop.
    """
    home = _home(home)
    pid = _find_server_pid(home)
    stopped = False
    if pid is not None:
        _terminate(home, pid, timeout)
        _log_line(home, f"stopped (pid {pid})")
        stopped = True
    with contextlib.suppress(FileNotFoundError):
        _pid_file(home).unlink()
    return stopped


def status(home: Path | str | None = None, password: str | None = None) -> dict[str, Any]:
    """What is known about the server of ``home``: running, pid, URLs, the version assembled there and the one
    that answers, its Cypher versions (the last two need a password: the argument or ``$NEO4J_PASSWORD``)."""
    home = _home(home)
    bolt_port, http_port = _conf_ports(home)
    pid = _find_server_pid(home)
    uri = f"bolt://{HOST}:{bolt_port}"
    http_url = f"http://{HOST}:{http_port}"
    result: dict[str, Any] = {
        "home": str(home),
        "assembled": (home / "lib" / _MARKER).is_file(),
        "assembled_version": home_version(home),
        "running": pid is not None,
        "pid": pid,
        "bolt_uri": uri,
        "http_url": http_url,
        "browser_url": http_url + "/browser/",
        "bolt_listening": _port_open(bolt_port),
        "version": None,
        "edition": None,
        "cypher_versions": None,
        "java": _running_java(pid),
        "error": None,
        "data": str(home / "data"),
        "logs": str(home / "logs"),
    }
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    if result["bolt_listening"]:
        if not password:
            result["error"] = "set NEO4J_PASSWORD to read the server version"
        else:
            try:
                found = _components(uri, USER, password)
                result["version"], result["edition"] = found.version, found.edition
                result["cypher_versions"] = ", ".join(found.cypher) or None
            except Exception as exc:  # noqa: BLE001 - reported, not raised
                result["error"] = connect_error_message(exc, uri=uri, password=password)
    return result


def _running_java(pid: int | None) -> str | None:
    """The ``java`` the server process runs (from /proc; None when not running or unknown)."""
    args = _cmdline(pid) if pid is not None else None
    return args[0] if args else None


# --------------------------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    """``python -m missiongraph.stores.neo4j_server {assemble,start,stop,status,admin-launcher}`` (the password
    comes from the env)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m missiongraph.stores.neo4j_server",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["assemble", "start", "stop", "status", "admin-launcher"])
    parser.add_argument("--home", type=Path, default=None, help="default: $MISSIONGRAPH_NEO4J_HOME or ./.missiongraph/neo4j")
    parser.add_argument("--version", default=None, help=f"Neo4j version (default: ${VERSION_ENV}, the home's, the LTS)")
    parser.add_argument("--bolt-port", type=int, default=None, help="default: the home's, else 7687")
    parser.add_argument("--http-port", type=int, default=None, help="default: the home's, else 7474")
    parser.add_argument("--timeout", type=float, default=None)
    args = parser.parse_args(argv)
    try:
        if args.command == "assemble":
            t0 = time.monotonic()
            bolt, http = _conf_ports(_home(args.home))
            version = assemble(args.home, version=args.version, bolt_port=args.bolt_port or bolt,
                               http_port=args.http_port or http)
            print(f"Neo4j {version} home ready at {_home(args.home)} ({time.monotonic() - t0:.1f} s)")
        elif args.command == "start":
            t0 = time.monotonic()
            timeout = args.timeout or float(os.environ.get("MISSIONGRAPH_NEO4J_START_TIMEOUT") or 120)
            info = start(args.home, version=args.version, bolt_port=args.bolt_port, http_port=args.http_port,
                         timeout=timeout)
            what = "started" if info.started else "already running"
            print(f"Neo4j {info.version or ''} {what} (pid {info.pid}) in {time.monotonic() - t0:.1f} s: "
                  f"{info.uri}  {info.browser_url}  user {info.user}")
        elif args.command == "admin-launcher":
            print(admin_launcher(args.home))
        elif args.command == "stop":
            was = stop(args.home, timeout=args.timeout or 60)
            print("Neo4j stopped" if was else "Neo4j was not running")
        else:
            print(json.dumps(status(args.home), indent=2))
    except Neo4jLocalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
