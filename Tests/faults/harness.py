"""What the fault-injection scenarios share: the server process, an HTTP client and a minimal WebSocket
client (RFC 6455) over raw sockets, the team and interviews set up through the JSON API, an
interviewer agent that walks a scorecard the way the console does (one action at a time, each with a
client id, resent with the same id until answered), and read-only access to the database (the SQLite
file, or PostgreSQL through `psql`) to count what was really stored.

Standard library only.
"""
import atexit
import base64
import glob
import hashlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import tempfile
import threading
import time
import urllib.parse

SESSION_COOKIE = "interviewflow-session"
PASSWORD = "a fault-injection long password"
ADMIN_EMAIL = "ada@faults.example"
GUIDE_SLUG = "python-backend-senior.en"
# The PostgreSQL cluster the scenarios use (and stop): Debian's 15/main unless FAULTS_PG_CLUSTER and
# FAULTS_PG_PORT name another, so the suite can run beside other work on the main cluster.
PG_CLUSTER = os.environ.get("FAULTS_PG_CLUSTER", "main")
PG_PORT = os.environ.get("FAULTS_PG_PORT", "5432")
PG_ADMIN = "postgres://interviewflow:interviewflow@127.0.0.1:" + PG_PORT + "/{db}?sslmode=disable"

_running = []
_folders = []
LOGS = []          # every server log of the run, in order


# ---- small things ------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def temp_folder(prefix):
    folder = tempfile.mkdtemp(prefix=f"interviewflow-faults-{prefix}-")
    _folders.append(folder)
    return folder


def new_client_id(rng=None):
    """Like the console's: 32 hex digits (the API takes 8–64 of [A-Za-z0-9_-])."""
    if rng is None:
        return os.urandom(16).hex()
    return "%032x" % rng.getrandbits(128)


def snapshot(binary, attempts=60):
    """A private copy of the binary and its `*.resources` bundles: the binary may be relinked while the
    suite runs, and every server of one run must be the same build."""
    binary = os.path.abspath(binary)
    folder = temp_folder("binary")
    for _ in range(attempts):
        try:
            before = os.stat(binary)
            target = os.path.join(folder, os.path.basename(binary))
            shutil.copy2(binary, target)
            for bundle in glob.glob(os.path.join(os.path.dirname(binary), "*.resources")):
                destination = os.path.join(folder, os.path.basename(bundle))
                if os.path.exists(destination):
                    shutil.rmtree(destination)
                shutil.copytree(bundle, destination)
            after = os.stat(binary)
            if (before.st_size, before.st_mtime) == (after.st_size, after.st_mtime) and os.access(target, os.X_OK):
                return target
        except OSError:
            pass
        time.sleep(5)
    raise RuntimeError(f"could not copy {binary}: it kept changing or is missing")


class Report:
    """One scenario's verdict: named checks (all failures listed, not only the first), figures for the
    summary line, and notes printed under it."""

    def __init__(self, name):
        self.name = name
        self.failures = []
        self.checks = 0
        self.figures = {}
        self.summary = ""
        self.notes = []

    def check(self, condition, message):
        self.checks += 1
        if not condition:
            self.failures.append(message)
        return condition

    def fail(self, message):
        self.check(False, message)

    def note(self, message):
        self.notes.append(message)
        print(f"      {message}", flush=True)

    @property
    def passed(self):
        return not self.failures


# ---- the server --------------------------------------------------------------------------------

class Server:
    """One `interview serve` process. The data folder outlives the process (restarts use it again);
    the log is kept outside it (the data folder may be a full tmpfs)."""

    def __init__(self, binary, name, data=None, port=None, database_url=None, args=()):
        self.binary = binary
        self.name = name
        self.data = data or temp_folder(name)
        self.port = port or free_port()
        self.database_url = database_url
        self.args = list(args)
        self.log_path = os.path.join(temp_folder(f"{name}-log"), "serve.log")
        LOGS.append(self.log_path)
        self.process = None
        self.base = f"http://127.0.0.1:{self.port}"
        self.starts = 0

    def env(self):
        env = dict(os.environ, LOG_LEVEL=os.environ.get("FAULTS_LOG_LEVEL", "notice"))
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def start(self, timeout=90, ready=True):
        """Starts the process and waits for /readyz 200 (or only for the port when ready=False)."""
        log = open(self.log_path, "ab")
        log.write(f"\n==== start {self.starts + 1} at {time.strftime('%H:%M:%S')} ====\n".encode())
        log.flush()
        self.log_offset = os.path.getsize(self.log_path)
        command = [self.binary, "serve", "--data", self.data, "--port", str(self.port)] + self.args
        for attempt in range(10):
            try:
                self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=self.env(),
                                                stdin=subprocess.DEVNULL, start_new_session=True)
                break
            except OSError as error:  # ETXTBSY while a binary is being written
                if attempt == 9:
                    raise RuntimeError(f"cannot run {self.binary}: {error}")
                time.sleep(2)
        log.close()
        self.starts += 1
        if self not in _running:
            _running.append(self)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server {self.name} exited with status {self.process.returncode} at start: "
                                   f"{self.output()[-1500:].strip()}")
            if ready:
                status = probe(self.port, "/readyz", timeout=2)[0]
                if status == 200:
                    return self
            else:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return self
                except OSError:
                    pass
            time.sleep(0.05)
        raise RuntimeError(f"server {self.name} not ready within {timeout} s: {self.output()[-1500:]}")

    def output(self, since_start=False):
        try:
            with open(self.log_path, "rb") as f:
                if since_start:
                    f.seek(getattr(self, "log_offset", 0))
                return f.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def setup_url(self, timeout=10):
        deadline = time.time() + timeout
        while True:
            links = re.findall(r"(http://\S+/setup\?token=[0-9A-Za-z]+)", self.output())
            if links:
                return links[-1]
            if time.time() > deadline:
                raise RuntimeError(f"server {self.name} printed no setup link: {self.output()[-800:]}")
            time.sleep(0.1)

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill9(self):
        """SIGKILL: no shutdown at all, as a crash or a power cut looks to the database."""
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.process is not None:
            self.process.wait()

    def stop(self, timeout=20):
        """SIGTERM and wait (SIGKILL after `timeout`); returns the exit status, or None if it had to be killed."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except OSError:
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill9()
                return None
        return self.process.returncode

    def forget(self):
        if self in _running:
            _running.remove(self)


def stop_all():
    for server in list(_running):
        try:
            server.kill9()
        except Exception:
            pass
        server.forget()


def remove_folders():
    for folder in _folders:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(stop_all)


def probe(port, path, timeout=5, method="GET"):
    """(status, headers, body, seconds) of one request on a fresh connection; status 0 if none came."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body, time.monotonic() - started
    except (OSError, http.client.HTTPException) as error:
        return 0, {}, str(error).encode(), time.monotonic() - started
    finally:
        connection.close()


# ---- HTTP --------------------------------------------------------------------------------------

class Answer:
    def __init__(self, status, headers, body, seconds, error=None):
        self.status = status          # 0: no answer (connection refused, reset, timed out)
        self.headers = headers
        self.body = body
        self.seconds = seconds
        self.error = error
        self._json = None

    @property
    def json(self):
        if self._json is None:
            try:
                self._json = json.loads(self.body) if self.body else {}
            except ValueError:
                self._json = {}
        return self._json

    @property
    def ok(self):
        return 200 <= self.status < 300

    def brief(self, limit=200):
        if self.status == 0:
            return f"no answer ({self.error}) after {self.seconds:.1f} s"
        text = self.body[:limit].decode("utf-8", errors="replace")
        return f"HTTP {self.status} {text!r}"


class Client:
    """One signed-in browser: a keep-alive connection to one server, the session cookie and the CSRF
    token. Never raises on a transport error: the answer has status 0."""

    def __init__(self, port, timeout=20):
        self.port = port
        self.timeout = timeout
        self.cookies = {}
        self.csrf = None
        self.connection = None

    def clone_to(self, port):
        """The same cookie and token, sent to another server (another instance on the same database)."""
        other = Client(port, self.timeout)
        other.cookies = dict(self.cookies)
        other.csrf = self.csrf
        return other

    def close(self):
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:
                pass
            self.connection = None

    def request(self, method, path, body=None, form=None, timeout=None, headers=None):
        sent = {"Accept": "application/json", "Host": f"127.0.0.1:{self.port}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.csrf and method not in ("GET", "HEAD") and form is None:
            sent["X-CSRF-Token"] = self.csrf
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if headers:
            sent.update(headers)
        wait = timeout or self.timeout
        started = time.monotonic()
        for attempt in (1, 2):
            fresh = self.connection is None
            if fresh:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=wait)
            else:
                self.connection.timeout = wait
                if self.connection.sock is not None:
                    self.connection.sock.settimeout(wait)
            try:
                self.connection.request(method, path, body=data, headers=sent)
                response = self.connection.getresponse()
                payload = response.read()
                got = {}
                for key, value in response.getheaders():
                    key = key.lower()
                    if key == "set-cookie":
                        self._take_cookie(value)
                    got[key] = value
                if response.getheader("connection", "").lower() == "close":
                    self.close()
                return Answer(response.status, got, payload, time.monotonic() - started)
            except (OSError, http.client.HTTPException) as error:
                self.close()
                # A kept-alive connection the server had closed meanwhile: try once on a new one. Only
                # when nothing can have been processed (the request could not even be written).
                if not fresh and attempt == 1 and isinstance(error, (BrokenPipeError, ConnectionResetError,
                                                                     http.client.RemoteDisconnected)) \
                        and time.monotonic() - started < 0.05 and method == "GET":
                    continue
                return Answer(0, {}, b"", time.monotonic() - started, error=f"{type(error).__name__}: {error}")

    def _take_cookie(self, header):
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        attributes = rest.lower()
        if "max-age=0" in attributes or "expires=thu, 01 jan 1970" in attributes or value == "":
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value

    def call(self, method, path, body=None, form=None, expect=(200, 201, 204), timeout=None):
        """For set-up: raises unless the status is expected. A kept-alive connection the server closed
        (it was restarted) is tried once more on a new connection."""
        answer = self.request(method, path, body=body, form=form, timeout=timeout)
        if answer.status == 0 and answer.error and answer.error.split(":")[0] in (
                "BrokenPipeError", "ConnectionResetError", "RemoteDisconnected", "ConnectionAbortedError"):
            answer = self.request(method, path, body=body, form=form, timeout=timeout)
        if answer.status not in expect:
            raise RuntimeError(f"{method} {path}: {answer.brief(400)}")
        return answer.json if answer.body[:1] in (b"{", b"[") else answer.body.decode(errors="replace")

    def start_session(self):
        self.csrf = self.call("GET", "/api/v1/session")["csrf"]

    def login(self, email, password=PASSWORD):
        self.start_session()
        self.csrf = self.call("POST", "/api/v1/session", {"email": email, "password": password})["csrf"]
        return self

    @property
    def session(self):
        return self.cookies.get(SESSION_COOKIE)


# ---- WebSocket (RFC 6455, client side, text frames only) ---------------------------------------

class SocketClosed(Exception):
    pass


class ConsoleSocket:
    """The console's WebSocket: one JSON action per text message, each answered with
    {"status": …, "body": …}. Frames from the client are masked, as the RFC requires."""
    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, client, interview_id, timeout=20):
        self.client = client
        self.sock = socket.create_connection(("127.0.0.1", client.port), timeout=timeout)
        self.buffer = b""
        self.closed = False
        self.close_code = None
        key = base64.b64encode(os.urandom(16)).decode()
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        host = f"127.0.0.1:{client.port}"
        request = (f"GET /api/v1/interviews/{interview_id}/console/socket HTTP/1.1\r\nHost: {host}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                   f"Sec-WebSocket-Version: 13\r\nOrigin: http://{host}\r\nCookie: {cookie}\r\n\r\n")
        self.sock.sendall(request.encode())
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise SocketClosed("closed during the handshake")
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode(errors="replace").split("\r\n")
        self.status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if self.status != 101:
            self.sock.close()
            raise SocketClosed(f"handshake answered {lines[0]}")
        accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        if headers.get("sec-websocket-accept") != accept:
            self.sock.close()
            raise SocketClosed("wrong Sec-WebSocket-Accept")

    def _send_frame(self, opcode, payload):
        head = bytes([0x80 | opcode])
        length = len(payload)
        if length < 126:
            head += bytes([0x80 | length])
        elif length < 65536:
            head += bytes([0x80 | 126]) + struct.pack("!H", length)
        else:
            head += bytes([0x80 | 127]) + struct.pack("!Q", length)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SocketClosed("connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def send(self, obj):
        try:
            self._send_frame(0x1, json.dumps(obj).encode())
        except OSError as error:
            raise SocketClosed(f"send failed: {error}")

    def receive(self, timeout=20):
        """The next text message as JSON; raises SocketClosed on a close frame or a dropped connection."""
        self.sock.settimeout(timeout)
        message = b""
        try:
            while True:
                first, second = self._read(2)
                fin, opcode = first & 0x80, first & 0x0F
                length = second & 0x7F
                if length == 126:
                    length = struct.unpack("!H", self._read(2))[0]
                elif length == 127:
                    length = struct.unpack("!Q", self._read(8))[0]
                if second & 0x80:
                    mask = self._read(4)
                    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(length)))
                else:
                    payload = self._read(length)
                if opcode == 0x8:
                    self.closed = True
                    self.close_code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                    try:
                        self._send_frame(0x8, payload[:2])
                    except OSError:
                        pass
                    raise SocketClosed(f"closed by the server (code {self.close_code})")
                if opcode == 0x9:
                    self._send_frame(0xA, payload)
                    continue
                if opcode == 0xA:
                    continue
                message += payload
                if fin:
                    return json.loads(message)
        except socket.timeout:
            raise SocketClosed(f"no answer within {timeout} s")
        except OSError as error:
            raise SocketClosed(f"connection lost: {error}")

    def close(self):
        try:
            if not self.closed:
                self._send_frame(0x8, struct.pack("!H", 1000))
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass
        self.closed = True


# ---- the team ----------------------------------------------------------------------------------

def create_first_admin(server):
    """Fills the one-time setup form the server printed at its first start, then signs the admin in."""
    client = Client(server.port)
    url = server.setup_url()
    path = url[url.index("/setup"):]
    page = client.call("GET", path)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    client.call("POST", "/setup", form={"csrf": csrf, "token": token, "name": "Ada Admin", "email": ADMIN_EMAIL,
                                         "password": PASSWORD}, expect=(200, 303))
    client.cookies.clear()
    return client.login(ADMIN_EMAIL)


class Team:
    """An admin, a hiring manager and interviewers, one position on the bundled senior Python guide,
    and interviews scheduled through the API."""

    def __init__(self, server, interviewers):
        self.port = server.port
        self.admin = create_first_admin(server)
        self.users = {}
        self.add_user("Hana Manager", "hana@faults.example", "hiring_manager")
        names = [f"iv{index}@faults.example" for index in range(interviewers)]
        for email in names:
            self.add_user(email.split("@")[0], email, "interviewer")
        self.emails = names
        self.manager = Client(self.port).login("hana@faults.example")
        guide = next(g["id"] for g in self.manager.call("GET", "/api/v1/guides") if g["slug"] == GUIDE_SLUG)
        self.position = self.manager.call("POST", "/api/v1/positions", {"title": "Backend (faults)", "guideID": guide})["position"]["id"]
        for email in names:
            self.manager.call("POST", f"/api/v1/positions/{self.position}/members", {"email": email})
        members = self.manager.call("GET", f"/api/v1/positions/{self.position}")["members"]
        self.member_ids = {m["email"]: m["id"] for m in members}
        self.count = 0

    def add_user(self, name, email, role):
        user = self.admin.call("POST", "/api/v1/users", {"name": name, "email": email, "password": PASSWORD, "role": role})
        self.users[email] = user["id"]

    def interview(self, emails):
        """A new candidate and an interview with these interviewers on its panel."""
        self.count += 1
        candidate = self.manager.call("POST", "/api/v1/candidates", {"positionID": self.position, "name": f"Candidate {self.count}",
                                                                      "contact": f"c{self.count}@faults.example"})
        interview = self.manager.call("POST", "/api/v1/interviews", {
            "candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00",
            "interviewerIDs": [self.member_ids[e] for e in emails]})
        return interview["id"]


# ---- an interviewer at the console -------------------------------------------------------------

class Outcome:
    """What happened to one sending of an action."""
    ACK, REFUSED, FAILED, NO_ANSWER = "ack", "refused", "failed", "no-answer"


class Agent:
    """One interviewer's console on one interview. It decides the next action from the last view
    the server sent (start, move on, rate, answer gates alternately yes and no, decline offered jumps,
    pick open questions), adds notes now and then, and once the walk is over keeps correcting ratings
    and adding notes. Like the console it keeps a queue: the head is sent until it gets an answer, with
    the same client id every time; actions that fit any state (notes, corrections of ratings already
    given) can be queued while the server is away.

    Every client id ever sent, and every acknowledgment, is recorded for the checks."""

    def __init__(self, name, client, interview_id, rng, socket_mode=False, note_size=40, note_share=0.2):
        self.name = name
        self.client = client
        self.interview_id = interview_id
        self.rng = rng
        self.socket_mode = socket_mode
        self.socket = None
        self.note_size = note_size
        self.note_share = note_share
        self.view = None
        self.queue = []                 # actions not yet answered, in order; queue[0] goes next
        self.rated = []                 # (topic, question) already asked and rated: safe to rate again
        self.gate_flip = False
        self.sent = {}                  # clientID -> action, every action ever queued
        self.acked = {}                 # clientID -> interview id, for every 2xx answer
        self.acked_order = []           # clientIDs in the order of their first acknowledgment
        self.duplicate_answers = 0      # 2xx answers that said duplicate
        self.refusals = []              # (status, body) of 4xx answers (the engine refused, or worse)
        self.failures = []              # (status, body) of 5xx answers
        self.latencies = []
        self.path = f"/api/v1/interviews/{interview_id}/console/actions"

    # -- deciding --------------------------------------------------------------------------------

    def note(self):
        words = []
        while sum(len(w) + 1 for w in words) < self.note_size:
            words.append(self.rng.choice(["cache", "latency", "fsync", "quorum", "retry", "index", "shard",
                                          "lock", "queue", "replica", "WAL", "epoch", "token", "backoff"]))
        return {"type": "note", "text": f"{self.name}: " + " ".join(words)[: self.note_size]}

    def safe_action(self):
        """An action that fits whatever the state: a note, or a rating again of a question already rated."""
        if self.rated and self.rng.random() >= self.note_share:
            topic, question = self.rng.choice(self.rated)
            return {"type": "rate", "topic": topic, "question": question, "rating": self.rng.randint(0, 4)}
        return self.note()

    def decide(self):
        view = self.view
        if view is None or not view.get("started"):
            return {"type": "start"}
        if self.rng.random() < self.note_share:
            return self.note()
        agenda = view.get("agenda")
        if agenda == "rate" and view.get("question"):
            q = view["question"]
            return {"type": "rate", "topic": q["topic"], "question": q["id"], "rating": self.rng.randint(0, 4)}
        if agenda == "gate" and view.get("decision"):
            self.gate_flip = not self.gate_flip
            d = view["decision"]
            return {"type": "answer", "topic": d["topic"], "gate": d["id"], "answer": self.gate_flip}
        if agenda == "offerJump" and view.get("decision"):
            d = view["decision"]
            return {"type": "answer", "topic": d["topic"], "gate": d["id"], "answer": False}
        if agenda == "pick" and view.get("pick") and view["pick"].get("questions"):
            p = view["pick"]
            return {"type": "pick", "topic": p["topic"], "question": p["questions"][0]}
        if agenda in ("talk", "moving"):
            return {"type": "moveOn"}
        # finishInterview / finished / anything else: the walk is over; keep correcting and noting.
        return self.safe_action()

    def enqueue(self, action):
        action = dict(action, clientID=new_client_id(self.rng))
        self.sent[action["clientID"]] = action
        self.queue.append(action)
        return action

    # -- sending ---------------------------------------------------------------------------------

    def close_socket(self):
        if self.socket is not None:
            self.socket.close()
            self.socket = None

    def open_socket(self):
        try:
            self.socket = ConsoleSocket(self.client, self.interview_id, timeout=self.client.timeout)
            return True
        except (SocketClosed, OSError) as error:
            self.socket = None
            self.socket_error = str(error)
            return False

    def transmit(self, action, timeout=None):
        """Sends one action (on the socket when open, else HTTP) and returns (status, body, seconds, via);
        status 0 when no answer came. A socket that fails mid-action is dropped and the same action goes
        over HTTP, as the console does."""
        started = time.monotonic()
        if self.socket_mode and self.socket is not None:
            try:
                self.socket.send(action)
                message = self.socket.receive(timeout=timeout or self.client.timeout)
                return message.get("status", 0), message.get("body") or {}, time.monotonic() - started, "socket"
            except SocketClosed as error:
                self.last_socket_error = str(error)
                self.close_socket()
                return 0, {}, time.monotonic() - started, "socket"
        answer = self.client.request("POST", self.path, body=action, timeout=timeout)
        body = answer.json if answer.status else {}
        self.last_answer = answer
        return answer.status, body, answer.seconds, "http"

    def record(self, action, status, body):
        """Books an answer; returns the Outcome."""
        if 200 <= status < 300:
            client_id = action["clientID"]
            if client_id not in self.acked:
                self.acked[client_id] = self.interview_id
                self.acked_order.append(client_id)
            if body.get("duplicate"):
                self.duplicate_answers += 1
            if body.get("view"):
                self.view = body["view"]
            if action["type"] == "rate" and (action["topic"], action["question"]) not in self.rated:
                self.rated.append((action["topic"], action["question"]))
            return Outcome.ACK
        if status == 0:
            return Outcome.NO_ANSWER
        if status >= 500:
            self.failures.append((status, body))
            return Outcome.FAILED
        self.refusals.append((status, body))
        if isinstance(body, dict) and body.get("view"):
            self.view = body["view"]
        return Outcome.REFUSED

    def step(self, timeout=None):
        """Sends the head of the queue (deciding a new action if the queue is empty) and books the answer.
        Returns (outcome, status, body, seconds, via, action)."""
        if not self.queue:
            self.enqueue(self.decide())
        action = self.queue[0]
        status, body, seconds, via = self.transmit(action, timeout)
        if self.socket_mode and status == 0 and via == "socket":
            # The socket dropped mid-action: the same action (same id) goes again over HTTP at once.
            status, body, seconds2, via = self.transmit(action, timeout)
            seconds += seconds2
        self.latencies.append(seconds)
        outcome = self.record(action, status, body)
        if outcome in (Outcome.ACK, Outcome.REFUSED):
            self.queue.pop(0)
        return outcome, status, body, seconds, via, action

    def resend(self, client_id, timeout=None):
        """Sends an action already answered again, same id (on the socket when open, else over HTTP):
        (status, body, via)."""
        action = self.sent[client_id]
        if self.socket_mode and self.socket is not None:
            try:
                self.socket.send(action)
                message = self.socket.receive(timeout=timeout or self.client.timeout)
                return message.get("status", 0), message.get("body") or {}, "socket"
            except SocketClosed as error:
                self.last_socket_error = str(error)
                self.close_socket()
        answer = self.client.request("POST", self.path, body=action, timeout=timeout)
        return answer.status, (answer.json if answer.status else {}), "http"

    def console(self):
        return self.client.request("GET", f"/api/v1/interviews/{self.interview_id}/console")

    def switch_interview(self, interview_id):
        self.close_socket()
        self.interview_id = interview_id
        self.path = f"/api/v1/interviews/{interview_id}/console/actions"
        self.view = None
        self.rated = []
        self.gate_flip = False


# ---- what is stored ----------------------------------------------------------------------------

class SQLiteFile:
    """Read-only looks at the server's SQLite file (WAL mode: readers never block the writer)."""

    def __init__(self, data_folder):
        self.path = os.path.join(data_folder, "interviewflow.sqlite")

    def connect(self):
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        connection.execute("PRAGMA query_only=ON")
        return connection

    def integrity(self):
        with self.connect() as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        return ", ".join(str(r[0]) for r in rows[:5])

    def client_id_counts(self):
        with self.connect() as connection:
            return dict(connection.execute(
                "SELECT client_id, COUNT(*) FROM scorecard_events WHERE client_id IS NOT NULL GROUP BY client_id"))

    def card_ids(self):
        """(interview id, interviewer id) -> card id, all lower case."""
        with self.connect() as connection:
            return {(str(i).lower(), str(u).lower()): str(c).lower()
                    for c, i, u in connection.execute("SELECT id, interview_id, interviewer_id FROM scorecards")}

    def cards(self):
        """card id (lower case) -> (event_count, [seq…] sorted)"""
        with self.connect() as connection:
            counts = {str(card).lower(): count for card, count in connection.execute("SELECT id, event_count FROM scorecards")}
            seqs = {}
            for card, seq in connection.execute("SELECT scorecard_id, seq FROM scorecard_events ORDER BY scorecard_id, seq"):
                seqs.setdefault(str(card).lower(), []).append(seq)
        return {card: (count, seqs.get(card, [])) for card, count in counts.items()}


class Postgres:
    """A database of our own on the local PostgreSQL 15, read through `psql`."""

    def __init__(self, name):
        self.name = name
        self.url = PG_ADMIN.format(db=name)

    @staticmethod
    def admin_sql(sql):
        return subprocess.run(["su", "postgres", "-c", f"psql -p {PG_PORT} -v ON_ERROR_STOP=1 -qAt -c \"{sql}\""],
                              capture_output=True, text=True, timeout=60)

    @staticmethod
    def ensure_running(timeout=60):
        subprocess.run(["pg_ctlcluster", "15", PG_CLUSTER, "start"], capture_output=True, timeout=60)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", PG_PORT], capture_output=True).returncode == 0:
                return True
            time.sleep(0.5)
        return False

    def create(self):
        if not self.ensure_running():
            raise RuntimeError(f"PostgreSQL 15 does not start (pg_ctlcluster 15 {PG_CLUSTER} start)")
        role = self.admin_sql("SELECT 1 FROM pg_roles WHERE rolname = 'interviewflow'")
        if "1" not in role.stdout:
            made = self.admin_sql("CREATE USER interviewflow WITH PASSWORD 'interviewflow'")
            if made.returncode:
                raise RuntimeError(f"cannot create the role interviewflow: {made.stderr}")
        self.drop()
        made = self.admin_sql(f"CREATE DATABASE {self.name} OWNER interviewflow")
        if made.returncode:
            raise RuntimeError(f"cannot create the database {self.name}: {made.stderr}")
        return self

    def drop(self):
        self.admin_sql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")

    def query(self, sql):
        result = subprocess.run(["psql", self.url.replace("?sslmode=disable", ""), "-qAt", "-F", "\t", "-c", sql],
                                capture_output=True, text=True, timeout=120, env=dict(os.environ, PGSSLMODE="disable"))
        if result.returncode:
            raise RuntimeError(f"psql: {result.stderr.strip()}")
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def client_id_counts(self):
        return {cid: int(n) for cid, n in self.query(
            "SELECT client_id, COUNT(*) FROM scorecard_events WHERE client_id IS NOT NULL GROUP BY client_id")}

    def card_ids(self):
        return {(i.lower(), u.lower()): c.lower() for c, i, u in self.query("SELECT id, interview_id, interviewer_id FROM scorecards")}

    def cards(self):
        counts = {card: int(n) for card, n in self.query("SELECT id, event_count FROM scorecards")}
        seqs = {}
        for card, seq in self.query("SELECT scorecard_id, seq FROM scorecard_events ORDER BY scorecard_id, seq"):
            seqs.setdefault(card, []).append(int(seq))
        return {card: (count, seqs.get(card, [])) for card, count in counts.items()}


class PgLog:
    """PostgreSQL's own log from now on, for one database: what it refused (duplicate keys, deadlocks…)."""
    PATH = f"/var/log/postgresql/postgresql-15-{PG_CLUSTER}.log"

    def __init__(self, database):
        self.database = database
        try:
            self.offset = os.path.getsize(self.PATH)
        except OSError:
            self.offset = None

    def summary(self):
        if self.offset is None:
            return ""
        try:
            with open(self.PATH, "rb") as f:
                f.seek(self.offset)
                text = f.read().decode(errors="replace")
        except OSError:
            return ""
        counts = {}
        for line in text.splitlines():
            if f"@{self.database} " in line and ("ERROR:" in line or "FATAL:" in line):
                message = line.split("ERROR:", 1)[-1] if "ERROR:" in line else "FATAL:" + line.split("FATAL:", 1)[-1]
                message = message.strip()[:110]
                counts[message] = counts.get(message, 0) + 1
        return "; ".join(f"{n}× {m}" for m, n in sorted(counts.items(), key=lambda item: -item[1])[:4])


def check_stored(report, counts, acked, label=""):
    """Every acknowledged client id stored exactly once; no client id stored twice at all.
    Returns (lost, duplicated)."""
    lost = [cid for cid in acked if counts.get(cid, 0) == 0]
    doubled = [cid for cid in acked if counts.get(cid, 0) > 1]
    stray = [cid for cid, n in counts.items() if n > 1 and cid not in acked]
    report.check(not lost, f"{label}{len(lost)} acknowledged action(s) not stored, e.g. {lost[:3]}")
    report.check(not doubled, f"{label}{len(doubled)} acknowledged action(s) stored more than once, e.g. "
                              f"{[(c, counts[c]) for c in doubled[:3]]}")
    report.check(not stray, f"{label}{len(stray)} client id(s) stored more than once, e.g. {stray[:3]}")
    return len(lost), len(doubled) + len(stray)


def check_cards(report, cards, label=""):
    """Each card's events are numbered 1..n with no gap and its event_count is n."""
    bad = []
    for card, (count, seqs) in cards.items():
        if seqs != list(range(1, len(seqs) + 1)) or count != len(seqs):
            gaps = [s for i, s in enumerate(seqs) if s != i + 1][:3]
            bad.append(f"card {card[:8]}: event_count {count}, {len(seqs)} events, first out of place {gaps}")
    report.check(not bad, f"{label}events not numbered 1..n or event_count off: {bad[:3]}")
    return not bad


def view_signature(view):
    """The console view without what depends on the moment it was built (clocks)."""
    if not isinstance(view, dict):
        return view
    skip = {"serverTime", "totalSeconds", "elapsedSeconds"}

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in skip}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(view)


def percentile(values, q):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
