"""Denial of service with small inputs: Markdown that makes parsers quadratic, oversized bodies from
strangers, and text that is short in characters but long in bytes."""
import select
import socket
import threading
import time

from harness import Checks, fixture, note, test
from world import start_team

LIMIT = 1.0         # seconds: each page and API answer, and each /healthz meanwhile

BOMBS = [
    ("unmatched brackets", "[" * 100_000),
    ("nested brackets", "[" * 30_000 + "x" + "](u)" * 30_000),
    ("bracket-paren pairs", "[a](" * 40_000),
    ("asterisk run", "*" * 100_000),
    ("alternating emphasis", "*a" * 50_000),
    ("underscore emphasis", "_a" * 50_000),
    ("deep block quotes", "> " * 50_000 + "x"),
    ("deep lists", "- " * 50_000 + "x"),
    ("indented lists", "\n".join(" " * (2 * i) + "- x" for i in range(300))),
    ("backtick run", "`" * 100_000),
    ("unmatched code spans", "`a" * 50_000),
    ("code span lengths", "".join("`" * k + "a" for k in range(1, 450))),
    ("image brackets", "![[" * 40_000),
    ("entity starts", "&#" * 50_000),
    ("long entities", "&#" + "9" * 100_000 + ";"),
    ("link reference definitions", "".join(f"[r{i}]: /u{i}\n[r{i}]\n" for i in range(6_000))),
    ("html-looking", "<a " * 40_000),
    ("autolink starts", "<http://a" * 20_000),
    ("flow labels", "```flow\n" + "".join(f"op{i}=>operation: {'[' * 40}\n" for i in range(2_000)) + "```\n"),
]


class Heartbeat:
    """GET /healthz in a loop on a thread of its own; remembers the slowest answer and any failure."""

    def __init__(self, team):
        self.team = team
        self.stop = threading.Event()
        self.slow = []
        self.count = 0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        client = self.team.client()
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                status = client.get("/healthz", timeout=5).status
            except OSError as error:
                status = f"{type(error).__name__}"
            elapsed = time.monotonic() - started
            self.count += 1
            if status != 200 or elapsed > LIMIT:
                self.slow.append((round(elapsed, 2), status))
            time.sleep(0.05)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=10)


@fixture
def bomb_team():
    return start_team("bombs")


@test("markdown_bombs")
def markdown_bombs():
    """Each bomb (50–200 KB of pathological Markdown) uploaded as a guide: the guide page, the editor and
    the API answer within 1 s each while /healthz keeps answering within 1 s."""
    team = bomb_team()
    checks = Checks("markdown bombs")
    refused, slowest = [], (0.0, "")
    for index, (name, bomb) in enumerate(BOMBS):
        if not team.server.alive():
            checks.check(False, f"{name}: the server is gone (an earlier bomb killed it)")
            team = restart(team)
        markdown = f"# Bomb: {name}\n\n## 1. Stage\n\n{bomb}\n"
        hung = False
        with Heartbeat(team) as heart:
            try:
                upload = team.admin.request("POST", "/api/v1/guides", json={"slug": f"bomb-{index}", "markdown": markdown},
                                            timeout=20)
                if upload.status != 201:
                    refused.append(name)
                    checks.check(upload.status in (413, 422), f"{name}: upload answered {upload.status}: {upload.text[:120]}")
                else:
                    guide = upload.json()["id"]
                    for what, path in (("guide page", f"/guides/{guide}"), ("editor", f"/guides/{guide}/edit"),
                                       ("API", f"/api/v1/guides/{guide}")):
                        response = team.admin.get(path, timeout=20)
                        slowest = max(slowest, (response.elapsed, f"{name}: {what}"))
                        checks.check(response.status == 200, f"{name}: {what} answered {response.status}")
                        checks.check(response.elapsed <= LIMIT,
                                     f"{name}: {what} took {response.elapsed:.2f} s (limit {LIMIT} s)")
            except OSError as error:
                checks.check(False, f"{name}: no answer within 20 s ({type(error).__name__})")
                hung = True
        checks.check(not heart.slow, f"{name}: /healthz answered late or not at all meanwhile "
                                     f"(slowest {max((e for e, _ in heart.slow), default=0)} s, {len(heart.slow)} of "
                                     f"{heart.count} checks)")
        if hung:
            team = restart(team)
    note(f"slowest answer {slowest[0]:.2f} s ({slowest[1]}); refused at upload: {refused or 'none'}")
    checks.done()


def restart(team):
    """A fresh server after a bomb hung or killed the last one, so the remaining bombs are still measured."""
    team.server.stop()
    bomb_team.reset()
    return bomb_team()


def slow_body(team, path, headers, total=10 * 1024 * 1024, chunk=64 * 1024, pause=0.15, deadline=4.0):
    """Announces a `total`-byte body and sends it slowly; returns (status or None, bytes sent, seconds) as soon
    as the server answers. A server that reads everything first never answers within `deadline`."""
    sock = socket.create_connection(("127.0.0.1", team.server.port), timeout=5)
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{team.server.port}\r\nContent-Length: {total}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sock.sendall(head.encode())
    sent, started, answer = 0, time.monotonic(), b""
    sock.setblocking(False)
    try:
        while time.monotonic() - started < deadline:
            readable, _, _ = select.select([sock], [], [], pause)
            if readable:
                try:
                    data = sock.recv(65536)
                except (ConnectionResetError, BlockingIOError):
                    data = b""
                answer += data
                if b"\r\n" in answer or not data:
                    break
            if sent < total:
                try:
                    sent += sock.send(b"a" * min(chunk, total - sent))
                except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                    pass
    finally:
        sock.close()
    status = None
    if answer.startswith(b"HTTP/1.1 "):
        status = int(answer[9:12])
    return status, sent, time.monotonic() - started


@test("anonymous_bodies_limited_early")
def anonymous_bodies_limited_early():
    """A stranger's 10 MB POST to /login (form) or /api/v1/session (JSON) is answered 413 at once, before the
    server has read it (we send it slowly and the answer must come while most of it is unsent)."""
    team = bomb_team()
    checks = Checks("anonymous body limit")
    visitor = team.client()
    csrf = visitor.fetch_csrf()["csrf"]
    cookie = "; ".join(f"{k}={v}" for k, v in visitor.cookies.items())
    cases = [
        ("/login", {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}),
        ("/api/v1/session", {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf}),
        ("/login (no session)", {"Content-Type": "application/x-www-form-urlencoded"}),
    ]
    for path, headers in cases:
        status, sent, elapsed = slow_body(team, path.split(" ")[0], headers)
        where = f"10 MB POST to {path}"
        checks.check(status == 413, f"{where}: answered {status if status else 'nothing'} within {elapsed:.1f} s "
                                    f"after {sent // 1024} KB had been sent, expected 413 before reading the body")
        checks.check(status is None or sent < 5 * 1024 * 1024, f"{where}: the answer came only after {sent // 1024} KB")
    checks.check(team.client().get("/healthz", timeout=5).status == 200, "the server stopped answering after the big bodies")
    checks.done()


@test("text_limits_count_bytes")
def text_limits_count_bytes():
    """Titles are limited to 200 characters and 800 bytes (four per character): 300 four-byte emoji, 10,000
    combining marks on one letter (one character, 20 kB) and 60 marks on each of 150 letters are refused with
    422 and not stored; a 200-character Chinese title (600 bytes) is accepted."""
    team = bomb_team()
    checks = Checks("byte limits")
    titles = {"300 four-byte emoji": "\U0001F600" * 300, "10,000 combining marks": "a" + "\u0301" * 10_000,
              "combining marks on 150 letters": ("e" + "\u0301" * 60) * 150}
    for what, title in titles.items():
        response = team.admin.request("POST", "/api/v1/positions", json={"title": title, "guideID": team.guide_id()})
        checks.check(response.status == 422, f"position title of {what} ({len(title.encode())} bytes) answered "
                                             f"{response.status}, expected 422")
    chinese = team.admin.request("POST", "/api/v1/positions", json={"title": "职" * 200, "guideID": team.guide_id()})
    checks.check(chinese.status == 201, f"a 200-character Chinese title answered {chinese.status}, expected 201")
    stored = [p["title"] for p in team.admin.api("GET", "/api/v1/positions")]
    checks.check(not any(len(t.encode()) > 800 or "\U0001F600" * 300 in t for t in stored),
                 f"an over-long title was stored ({[len(t.encode()) for t in stored]} bytes)")
    checks.done()


@test("signed_in_form_bodies_limited")
def signed_in_form_bodies_limited():
    """A signed-in user's 1.5 MB form post to a small form (their own name) is refused with 413 before its
    fields are decoded (5.5 MB to such a form cost seconds of a core); the forms that take a resume or a
    guide read as much and say what is wrong with the field instead."""
    team = bomb_team()
    checks = Checks("signed-in form bodies")
    position = team.position("Body limits")
    candidate = team.candidate(position, "Bodie Limits")
    padding = "x" * 1_500_000
    name = team.admin.form("/account/name", {"name": "Ada", "pad": padding})
    checks.check(name.status == 413, f"1.5 MB to /account/name answered {name.status}, expected 413")
    resume = team.admin.form(f"/candidates/{candidate}", {"contact": "bodie@example.com", "resumeText": padding})
    checks.check(resume.status == 422, f"1.5 MB to the candidate form answered {resume.status}, expected 422 (the resume text is too long)")
    checks.check(team.client().get("/healthz", timeout=5).status == 200, "the server stopped answering")
    checks.done()


@fixture
def idle_team():
    return start_team("idle", args=["--connection-idle-timeout", "2s"])


def closed_within(sock, seconds):
    """Whether the server closes `sock` (recv answers b'' or a reset) within `seconds`."""
    sock.settimeout(seconds)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


@test("idle_connections_closed")
def idle_connections_closed():
    """Connections opened and left silent (or left after half a request line) are closed once they have
    been idle for --connection-idle-timeout, so a stranger cannot hold the server's sockets open for ever;
    a request on a connection that keeps talking is answered as usual."""
    team = idle_team()
    checks = Checks("idle connections")
    silent = [socket.create_connection(("127.0.0.1", team.server.port), timeout=5) for _ in range(20)]
    partial = socket.create_connection(("127.0.0.1", team.server.port), timeout=5)
    partial.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    closed = [closed_within(sock, 6) for sock in silent + [partial]]
    elapsed = time.monotonic() - started
    checks.check(all(closed), f"{closed.count(False)} of {len(closed)} idle connections were still open after {elapsed:.1f} s (timeout 2 s)")
    checks.check(elapsed < 8, f"closing the idle connections took {elapsed:.1f} s")
    for sock in silent + [partial]:
        sock.close()
    checks.check(team.client().get("/healthz", timeout=5).status == 200, "the server stopped answering")
    # A connection that sends a byte a second for 4 s stays open past 2 s and is answered.
    trickle = socket.create_connection(("127.0.0.1", team.server.port), timeout=5)
    for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\n"[:5]:
        trickle.sendall(bytes([byte]))
        time.sleep(0.8)
    trickle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"[5:])
    trickle.settimeout(5)
    answer = trickle.recv(200)
    checks.check(answer.startswith(b"HTTP/1.1 200"), f"a request sent slowly but steadily was answered {answer[:40]!r}")
    trickle.close()
    checks.done()
