"""What the upgrade and backup suites share, standard library only: a private copy of the binary, `interview
serve` on a data folder or a PostgreSQL database, a signed-in API client, throwaway PostgreSQL databases, and
snapshots of every row and of the schema of a database (SQLite or PostgreSQL), with a precise comparison.

Tests/backup/run.py imports this file from here.
"""
import atexit
import glob
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PG_HOST = os.environ.get("PGHOST_TEST", "127.0.0.1")
PG_USER, PG_PASSWORD = "interviewflow", "interviewflow"

_processes = []
_folders = []
_databases = []


# ---------------------------------------------------------------------------------------------- reporting

class Report:
    """Prints `ok` / `FAIL` / `warn` lines as it goes and the `N passed, M failed` total at the end."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.warnings = []

    def check(self, condition, message, detail=None):
        if condition:
            self.passed += 1
            print(f"ok   {message}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {message}", flush=True)
            if detail:
                for line in (detail if isinstance(detail, list) else str(detail).splitlines()):
                    print(f"       {line}", flush=True)
        return condition

    def warn(self, message, detail=None):
        self.warnings.append(message)
        print(f"warn {message}", flush=True)
        if detail:
            for line in (detail if isinstance(detail, list) else str(detail).splitlines()):
                print(f"       {line}", flush=True)

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed" + (f" ({len(self.warnings)} warnings)" if self.warnings else ""),
              flush=True)
        return 1 if self.failed else 0


# ---------------------------------------------------------------------------------------------- processes

def temp_folder(prefix):
    folder = tempfile.mkdtemp(prefix=f"interviewflow-{prefix}-")
    _folders.append(folder)
    return folder


def keep_folders():
    _folders.clear()


def snapshot_binary(binary, attempts=30):
    """A private copy of the binary with its `*.resources` bundles, so a relink during the run changes nothing."""
    binary = os.path.abspath(binary)
    if not os.path.exists(binary):
        raise SystemExit(f"no binary at {binary}")
    folder = temp_folder("binary")
    for _ in range(attempts):
        try:
            before = os.stat(binary)
            target = os.path.join(folder, "interview")
            shutil.copy2(binary, target)
            for bundle in glob.glob(os.path.join(os.path.dirname(binary), "*.resources")):
                destination = os.path.join(folder, os.path.basename(bundle))
                if not os.path.exists(destination):
                    shutil.copytree(bundle, destination)
            after = os.stat(binary)
            if (before.st_size, before.st_mtime) == (after.st_size, after.st_mtime):
                return target
        except OSError:
            pass
        time.sleep(3)
    raise SystemExit(f"could not copy {binary}: it kept changing")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerExited(RuntimeError):
    pass


class Server:
    """One `interview serve` on its own port: SQLite in `data`, or PostgreSQL when `database_url` is given."""

    def __init__(self, binary, data=None, database_url=None, args=(), name="server"):
        self.binary = binary
        self.data = data or temp_folder(name)
        self.database_url = database_url
        self.args = list(args)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(temp_folder(f"{name}-log"), "serve.log")
        self.process = None

    def command(self):
        return [self.binary, "serve", "--data", self.data, "--port", str(self.port)] + self.args

    def environment(self):
        env = dict(os.environ, LOG_LEVEL="info")
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def launch(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        env=self.environment(), start_new_session=True)
        log.close()
        _processes.append(self)

    def start(self, ready_path="/readyz", timeout=90):
        """Starts and waits until `ready_path` answers 200 (any path answering at all when None)."""
        self.launch()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise ServerExited(f"`interview serve` exited with status {self.process.returncode} at start:\n"
                                   + self.output()[-1500:].strip())
            try:
                with urllib.request.urlopen(self.base + (ready_path or "/api/v1/session"), timeout=2) as response:
                    if response.status == 200:
                        return self
            except urllib.error.HTTPError as error:
                if ready_path is None:
                    return self
                error.read()
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server did not get ready within {timeout} s:\n{self.output()[-1500:]}")

    def run_until_exit(self, timeout=60):
        """For a start that must fail: (exit status or None if it kept running, output)."""
        self.launch()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            return None, self.output()
        _processes.remove(self) if self in _processes else None
        return self.process.returncode, self.output()

    def output(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def setup_url(self, timeout=15):
        deadline = time.time() + timeout
        while True:
            match = re.search(r"(http://\S+/setup\?token=[0-9A-Za-z]+)", self.output())
            if match:
                return match.group(1)
            if time.time() > deadline:
                raise RuntimeError(f"the server printed no setup link:\n{self.output()[-800:]}")
            time.sleep(0.1)

    def stop(self, timeout=20):
        """SIGTERM, the way a service manager stops it; SIGKILL only if it does not exit in time."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except OSError:
                self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except OSError:
                    self.process.kill()
                self.process.wait()
        if self in _processes:
            _processes.remove(self)
        return self.process.returncode


def _cleanup():
    for server in list(_processes):
        try:
            server.stop(timeout=5)
        except Exception:
            pass
    for name in list(_databases):
        try:
            pg_drop(name)
        except Exception:
            pass
    for folder in _folders:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(_cleanup)


# ---------------------------------------------------------------------------------------------- HTTP client

class Client:
    """One person's browser or API client: a cookie jar, and the CSRF token of its session."""

    def __init__(self, base, session_cookie=None):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  _NoRedirect())
        self.csrf = None
        if session_cookie:
            self.set_session_cookie(session_cookie)

    def set_session_cookie(self, value):
        host = urllib.parse.urlparse(self.base).hostname
        cookie = http.cookiejar.Cookie(0, "interviewflow-session", value, None, False, host, False, False, "/", True,
                                       False, None, False, None, None, {})
        self.jar.set_cookie(cookie)

    def session_cookie(self):
        for cookie in self.jar:
            if cookie.name == "interviewflow-session":
                return cookie.value
        return None

    def request(self, method, path, body=None, form=None, multipart=None, headers=None, timeout=60):
        """(status, headers, bytes) whatever the status."""
        all_headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif multipart is not None:
            boundary = "----interviewflow" + uuid.uuid4().hex
            data = _multipart(multipart, boundary)
            all_headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        if self.csrf and method not in ("GET", "HEAD"):
            all_headers["X-CSRF-Token"] = self.csrf
        all_headers.update(headers or {})
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=all_headers)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def call(self, method, path, body=None, form=None, multipart=None, expect=(200, 201, 204)):
        status, _, payload = self.request(method, path, body=body, form=form, multipart=multipart)
        if expect and status not in expect:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {payload[:400]!r}")
        return _decode(payload)

    def status_of(self, method, path, **kwargs):
        status, _, payload = self.request(method, path, **kwargs)
        return status, _decode(payload)

    def page(self, path, follow=3):
        """(status, text) of a page, following the site's own redirects (not to the login page)."""
        status, headers, payload = self.request("GET", path, headers={"Accept": "text/html"})
        location = headers.get("Location") or headers.get("location")
        if status in (301, 302, 303, 307) and follow and location and location.startswith("/") and not location.startswith("/login"):
            return self.page(location, follow - 1)
        return status, payload.decode("utf-8", errors="replace")

    def start_session(self):
        self.csrf = self.call("GET", "/api/v1/session")["csrf"]

    def login(self, email, password, expect=(200,)):
        self.start_session()
        status, payload = self.status_of("POST", "/api/v1/session", body={"email": email, "password": password})
        if expect and status not in expect:
            raise RuntimeError(f"login {email}: HTTP {status}: {str(payload)[:300]}")
        if status == 200:
            self.csrf = payload["csrf"]
        return status

    def whoami(self):
        """The session's user (None when not signed in), and refreshes the CSRF token."""
        status, payload = self.status_of("GET", "/api/v1/session")
        if status != 200 or not isinstance(payload, dict):
            return status, None
        self.csrf = payload.get("csrf", self.csrf)
        return status, payload.get("user")

    def form_post(self, path, fields, expect=(200, 303)):
        """A form as the pages post it: the CSRF token in the `csrf` field."""
        saved, self.csrf = self.csrf, None
        try:
            status, _, payload = self.request("POST", path, form=dict(fields, csrf=saved))
        finally:
            self.csrf = saved
        if expect and status not in expect:
            raise RuntimeError(f"POST {path}: HTTP {status}: {payload[:300]!r}")
        return status


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _decode(payload):
    if payload and payload.lstrip()[:1] in (b"{", b"["):
        try:
            return json.loads(payload)
        except ValueError:
            pass
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else payload


def _multipart(fields, boundary):
    out = b""
    for name, value in fields.items():
        out += f"--{boundary}\r\n".encode()
        if isinstance(value, tuple):          # (filename, content type, bytes)
            filename, content_type, content = value
            out += (f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                    f"Content-Type: {content_type}\r\n\r\n").encode() + content + b"\r\n"
        else:
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + str(value).encode() + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def create_first_admin(server, name, email, password):
    """The one-time setup link the server printed, filled in as a person would."""
    browser = Client(server.base)
    url = server.setup_url()
    status, page = browser.page(url[len(server.base):])
    if status != 200:
        raise RuntimeError(f"the setup link answered {status}")
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    token = re.search(r'name="token" value="([0-9a-f]+)"', page).group(1)
    status, _, payload = browser.request("POST", "/setup", form={"csrf": csrf, "token": token, "name": name,
                                                                  "email": email, "password": password})
    if status not in (200, 303):
        raise RuntimeError(f"the setup form answered {status}: {payload[:300]!r}")
    client = Client(server.base)
    client.login(email, password)
    return client


# ---------------------------------------------------------------------------------------------- PostgreSQL

def pg_url(name):
    return f"postgres://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:5432/{name}?sslmode=disable"


def pg_libpq_url(name):
    """The same database for psql/pg_dump (libpq does not know the `postgres://…?sslmode` form any worse,
    but keeps the command lines short)."""
    return f"postgresql://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:5432/{name}"


def _superuser(sql):
    command = ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql]
    if os.geteuid() != 0:
        command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql]
    result = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        raise RuntimeError(f"psql as postgres failed: {sql}: {result.stderr.strip()}")


def pg_create(name):
    """A fresh, empty database owned by the application's role (dropped first if a crashed run left it)."""
    assert re.fullmatch(r"interviewflow_(upgrade|backup)_[a-z0-9_]+", name), name
    pg_drop(name)
    _superuser(f'CREATE DATABASE "{name}" OWNER {PG_USER}')
    _databases.append(name)
    return name


def pg_drop(name):
    assert re.fullmatch(r"interviewflow_(upgrade|backup)_[a-z0-9_]+", name), name
    _superuser(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if name in _databases:
        _databases.remove(name)


def psql(name, sql=None, file=None, check=True):
    command = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", pg_libpq_url(name)]
    command += ["-f", file] if file else ["-c", sql]
    result = subprocess.run(command, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"psql failed ({sql or file}): {result.stderr.strip()[:2000]}")
    return result.stdout


def pg_available():
    result = subprocess.run(["pg_isready", "-h", PG_HOST, "-p", "5432"], capture_output=True)
    return result.returncode == 0


# ---------------------------------------------------------------------------------------------- snapshots

def key_of(columns, row):
    """Rows are matched by their `id` (every table of the application has one); whole rows otherwise."""
    if "id" in columns:
        return str(row[columns.index("id")]).upper()
    return json.dumps(row, default=str)


def sqlite_tables(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def sqlite_snapshot(path):
    """{table: {"columns": [...], "rows": {key: {column: value}}}} of every table."""
    out = {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table in sqlite_tables(path):
            cursor = db.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            rows = {}
            for row in cursor:
                key = key_of(columns, list(row))
                rows[key] = dict(zip(columns, row))
            out[table] = {"columns": columns, "rows": rows}
    finally:
        db.close()
    return out


def sqlite_schema(path):
    """Columns (type, not null, default, pk), foreign keys and indexes of every table, as SQLite reports them."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    schema = {}
    try:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"):
            columns = {r[1]: {"type": r[2], "notnull": bool(r[3]), "default": r[4], "pk": r[5]}
                       for r in db.execute(f'PRAGMA table_info("{table}")')}
            foreign = sorted((r[3], r[2], r[4], r[5], r[6]) for r in db.execute(f'PRAGMA foreign_key_list("{table}")'))
            indexes = []
            for r in db.execute(f'PRAGMA index_list("{table}")'):
                cols = [c[2] for c in db.execute(f'PRAGMA index_info("{r[1]}")')]
                # Automatic indexes are named by position (sqlite_autoindex_t_1): describe them by content.
                indexes.append(("unique" if r[2] else "index", r[3], tuple(cols),
                                None if r[1].startswith("sqlite_autoindex") else r[1]))
            schema[table] = {"columns": columns, "foreign_keys": foreign, "indexes": sorted(indexes, key=str)}
    finally:
        db.close()
    return schema


def pg_tables(name):
    return [t for t in psql(name, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").split("\n") if t]


def pg_snapshot(name):
    """Every row of every table in the public schema, as row_to_json gives it (one psql call for all tables)."""
    tables = pg_tables(name)
    columns = {t: [] for t in tables}
    for line in psql(name, "SELECT table_name || E'\\t' || column_name FROM information_schema.columns "
                           "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position").split("\n"):
        if line:
            table, column = line.split("\t")
            columns.setdefault(table, []).append(column)
    out = {t: {"columns": columns[t], "rows": {}} for t in tables}
    if not tables:
        return out
    query = " UNION ALL ".join(f"SELECT '{t}' || E'\\t' || row_to_json(t)::text FROM \"{t}\" t" for t in tables)
    for line in psql(name, query).split("\n"):
        if not line:
            continue
        table, text = line.split("\t", 1)
        row = json.loads(text)
        out[table]["rows"][key_of(columns[table], [row.get(c) for c in columns[table]])] = row
    return out


def pg_schema(name):
    """Columns (type, nullability, default), constraints and indexes of every table, in three psql calls."""
    schema = {t: {"columns": {}, "constraints": [], "indexes": []} for t in pg_tables(name)}
    for line in psql(name, "SELECT json_build_object('t', table_name, 'c', column_name, 'y', data_type, 'n', is_nullable, "
                           "'d', column_default)::text FROM information_schema.columns WHERE table_schema = 'public'").split("\n"):
        if line:
            c = json.loads(line)
            schema[c["t"]]["columns"][c["c"]] = {"type": c["y"], "notnull": c["n"] == "NO", "default": c["d"]}
    for line in psql(name, "SELECT json_build_object('t', c.relname, 'd', x.contype::text || ' ' || x.conname::text || ' ' || "
                           "pg_get_constraintdef(x.oid))::text FROM pg_constraint x JOIN pg_class c ON c.oid = x.conrelid "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'").split("\n"):
        if line:
            c = json.loads(line)
            schema[c["t"]]["constraints"].append(c["d"])
    for line in psql(name, "SELECT json_build_object('t', tablename, 'd', indexdef)::text FROM pg_indexes "
                           "WHERE schemaname = 'public'").split("\n"):
        if line:
            c = json.loads(line)
            schema[c["t"]]["indexes"].append(c["d"])
    for table in schema.values():
        table["constraints"].sort()
        table["indexes"].sort()
    return schema


def normalise(value):
    """Values as both databases give them, comparable: UUIDs upper case, floats rounded to the microsecond."""
    if isinstance(value, str) and re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", value):
        return value.upper()
    return value


def short(value, limit=90):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"…({len(text)} chars)"


def compare_tables(before, after, tables=None, columns_of=None):
    """Differences between two snapshots, table by table: rows missing, rows added, and for rows in both every
    column of `before` whose value changed. Returns {table: {"missing": [...], "added": [...], "changed": [(key, col, old, new)]}}."""
    result = {}
    for table in tables or sorted(before):
        old = before.get(table)
        new = after.get(table)
        if old is None:
            continue
        entry = {"missing": [], "added": [], "changed": [], "table_missing": new is None}
        if new is None:
            result[table] = entry
            continue
        columns = (columns_of or {}).get(table, old["columns"])
        for key, row in old["rows"].items():
            other = new["rows"].get(key)
            if other is None:
                entry["missing"].append(key)
                continue
            for column in columns:
                if column not in other:
                    entry["changed"].append((key, column, row.get(column), "<column gone>"))
                elif normalise(row.get(column)) != normalise(other.get(column)):
                    entry["changed"].append((key, column, row.get(column), other.get(column)))
        entry["added"] = [k for k in new["rows"] if k not in old["rows"]]
        result[table] = entry
    return result


def describe_differences(table, entry, limit=15):
    lines = []
    if entry.get("table_missing"):
        return [f"{table}: the table is gone"]
    for key in entry["missing"][:limit]:
        lines.append(f"{table} id={key}: row missing")
    for key, column, old, new in entry["changed"][:limit]:
        lines.append(f"{table} id={key}: {column}: {short(old)} -> {short(new)}")
    for key in entry["added"][:limit]:
        lines.append(f"{table} id={key}: row added")
    hidden = max(0, len(entry["missing"]) - limit) + max(0, len(entry["changed"]) - limit) + max(0, len(entry["added"]) - limit)
    if hidden:
        lines.append(f"… and {hidden} more")
    return lines
