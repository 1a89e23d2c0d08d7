"""Nothing secret or personal in the server's logs (stdout and stderr), at LOG_LEVEL=info as the project's
own tests run it, and at `debug` and `trace`, which an operator chasing a bug turns on."""
import json
import re

from harness import Checks, expect, test
from world import Console, start_team

CANDIDATE = "Quirinus Vanterpool-Okafor"
CONTACT = "quirinus.vanterpool@example.org"
NOTES = "Confidential remark: Vanterpool asked about relocation to Tromsø"
RESUME = "Eleven years at Fjordlight Robotics, Tromsø"
CONSOLE_NOTE = "Vanterpool explained quorum reads with a whiteboard sketch"
DRAFT = "draft about Vanterpool's salary expectations"
SECRETS = ["SECRETNAME123", "SECRETTOKEN", "SECRETPASSWORD", CANDIDATE, "Vanterpool", CONTACT, NOTES, RESUME,
           CONSOLE_NOTE, DRAFT, "Fjordlight"]


@test("logs_hold_nothing_secret")
def logs_hold_nothing_secret():
    """Searches, bad ids, 404s with tokens, failed logins, candidate data and console notes leave no search
    term, token, password, candidate name, contact or note text in the log."""
    check_logs("logs", ())


@test("json_logs_hold_nothing_secret")
def json_logs_hold_nothing_secret():
    """The same with `--log-format json`: every line of the output is one JSON object, and none holds a
    secret or a candidate's data."""
    log = check_logs("logs-json", ("--log-format", "json"))
    checks = Checks("json log")
    lines = [line for line in log.splitlines() if line.strip()]
    checks.check(len(lines) > 20, f"only {len(lines)} lines were logged")
    for line in lines:
        try:
            entry = json.loads(line)
            ok = isinstance(entry, dict) and {"time", "level", "message"} <= set(entry)
        except ValueError:
            ok = False
        checks.check(ok, f"a line is not a JSON log object: {line[:160]!r}")
    checks.done()


@test("debug_logs_hold_nothing_secret")
def debug_logs_hold_nothing_secret():
    """LOG_LEVEL=debug and trace (text and JSON): the database libraries log every query's values there,
    and the web framework the request heads; none of it may reach the log."""
    check_logs("logs-debug", (), env={"LOG_LEVEL": "debug"})
    log = check_logs("logs-trace-json", ("--log-format", "json"), env={"LOG_LEVEL": "trace"})
    expect('"level":"info"' in log, "the trace-level JSON log holds no info line at all")


def check_logs(name, args, env=None):
    team = start_team(name, args=args, env=env)
    position = team.position("Logging position")
    candidate = team.candidate(position, CANDIDATE, contact=CONTACT, resume=RESUME, notes=NOTES)
    interview = team.interview(candidate, [team.users["ada@example.com"]])
    console = Console(team.admin, interview, "logs")
    console.act("start")
    console.act("note", text=CONSOLE_NOTE, shared=False)
    team.admin.request("PUT", f"/api/v1/interviews/{interview}/console/draft", json={"text": DRAFT})
    admin, visitor = team.admin, team.client()
    visitor.fetch_csrf()
    requests = [
        admin.get("/candidates?q=SECRETNAME123"),
        admin.get("/api/v1/candidates?q=SECRETNAME123"),
        admin.get("/positions/not-a-uuid?q=SECRETNAME123"),
        admin.get("/api/v1/positions/not-a-uuid?q=SECRETNAME123"),
        admin.get(f"/candidates?q={CANDIDATE.replace(' ', '+')}"),
        admin.get(f"/candidates/{candidate}"),
        admin.get(f"/api/v1/candidates/{candidate}/export"),
        visitor.get("/nope?token=SECRETTOKEN"),
        visitor.get("/setup?token=SECRETTOKEN"),
        visitor.get("/api/v1/nope?token=SECRETTOKEN"),
        visitor.request("POST", "/api/v1/session", json={"email": "ada@example.com", "password": "SECRETPASSWORD"}),
        visitor.request("POST", "/login", form={"csrf": visitor.csrf, "email": "ada@example.com", "password": "SECRETPASSWORD"}),
        visitor.request("POST", "/api/v1/session", json={"email": "SECRETNAME123@example.com", "password": "SECRETPASSWORD"}),
        admin.request("POST", "/api/v1/candidates", json={"positionID": "SECRETNAME123", "name": "SECRETNAME123"}),
        admin.request("PATCH", f"/api/v1/candidates/{candidate}", json={"contact": CONTACT, "notes": NOTES + " (edited)"}),
    ]
    expect(requests[0].status == 200, f"the candidate search answered {requests[0].status}")
    log = team.server.output()
    expect("/candidates" in log or "Server started" in log, "the server's log is empty: nothing was captured to check")
    checks = Checks("log")
    for secret in SECRETS:
        lines = [line for line in log.splitlines() if secret.lower() in line.lower()]
        checks.check(not lines, f"the log contains {secret!r}: {lines[0][:160]!r}" if lines else "")
    # The session cookie and CSRF token are secrets too.
    for value in filter(None, [admin.session_cookie, admin.csrf, visitor.session_cookie, visitor.csrf]):
        checks.check(value not in log, f"the log contains a session cookie or CSRF token ({value[:6]}…)")
    checks.check(not re.search(r"password\W*[:=]\s*\S", log, re.I), "the log shows a password field's value")
    checks.done()
    return log
