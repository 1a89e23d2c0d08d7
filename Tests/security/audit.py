"""The audit trail of security events (`GET /api/v1/audit/security`, admins only): every event with the
right actor, filters by kind and actor, paging, and no secret anywhere in it."""
from harness import Checks, expect, fixture, test
from world import ADMIN_EMAIL, PASSWORD, Console, start_team

HM, IVY, LOCKED, VICTIM, PROMOTED = ("hal@example.com", "ivo@example.com", "lockme@example.com", "vic@example.com",
                                    "pro@example.com")
WRONG = "SECRETWRONGPASSWORD-audit"
NEW_PASSWORD = "SECRETNEWPASSWORD-audit-1"
NOTE = "SECRETNOTE audit candidate note text"
CONSOLE_NOTE = "SECRETCONSOLENOTE audit console note"

# kind → the email of the actor expected on at least one entry of that kind
EXPECTED = {
    "login.succeeded": IVY,
    "login.failed": IVY,
    "login.locked": LOCKED,
    "logout": IVY,
    "password.changed": IVY,
    "sessions.ended": IVY,
    "role.changed": ADMIN_EMAIL,
    "user.deactivated": ADMIN_EMAIL,
    "guide.edited": HM,
    "retention.changed": HM,
    "candidate.exported": HM,
    "candidate.erased": HM,
    "interview.status": HM,
}


@fixture
def audited():
    """A server on which every kind of security event has happened once; returns (team, secrets, notes)."""
    team = start_team("audit")
    team.add_users([(HM, "hiring_manager", "Hal Hiring"), (IVY, "interviewer", "Ivo Interviewer"),
                    (LOCKED, "interviewer", "Lock Me"), (VICTIM, "interviewer", "Vic Victim"),
                    (PROMOTED, "interviewer", "Pro Moted")])
    secrets = [WRONG, NEW_PASSWORD, PASSWORD, NOTE, CONSOLE_NOTE]
    notes = []

    def did(what, response, ok=(200, 201, 204, 302, 303)):
        if response.status not in ok:
            notes.append(f"{what} answered {response.status}")
    # Logins: a success, a failure, and a lock-out (5 failures, then a refused attempt).
    ivy = team.client()
    did("wrong password", ivy.login(IVY, WRONG, expect=None), ok=(401,))
    ivy.login(IVY, PASSWORD)
    for i in range(6):
        did("locking guess", team.client().login(LOCKED, f"{WRONG}-{i}", expect=None), ok=(401, 429))
    # Logout; a password change; "sign out everywhere".
    other = team.login(IVY)
    did("logout", other.request("DELETE", "/api/v1/session"))
    did("password change", ivy.form("/account/password", {"current": PASSWORD, "new": NEW_PASSWORD,
                                                            "confirmation": NEW_PASSWORD}))
    ivy = team.login(IVY, NEW_PASSWORD)
    did("sign out everywhere", ivy.form("/account/sign-out-everywhere", {}))
    # Admin: a role change and a deactivation.
    did("role change", team.admin.form(f"/users/{team.users[PROMOTED]}/role", {"role": "hiring_manager"}))
    did("deactivation", team.admin.form(f"/users/{team.users[VICTIM]}/active", {"active": "false"}))
    # A hiring manager: a guide edit, retention, export, erasure, an interview's status.
    hal = team.login(HM)
    bundled = team.admin.api("GET", f"/api/v1/guides/{team.guide_id()}")["markdown"]
    guide = hal.api("POST", "/api/v1/guides", {"slug": "hal-guide", "markdown": bundled})["id"]
    did("guide edit", hal.request("POST", f"/api/v1/guides/{guide}/versions", json={"markdown": bundled + "\nEdited.\n"}))
    position = team.position("Audited position", by=hal)
    did("retention", hal.request("PATCH", f"/api/v1/positions/{position}", json={"title": "Audited position",
                                                                                 "retentionDays": "30"}))
    candidate = team.candidate(position, "Audrey Audit", by=hal, notes=NOTE)
    interview = team.interview(candidate, [team.users[HM]], by=hal)
    console = Console(hal, interview, "audit")
    console.act("start")
    console.act("note", text=CONSOLE_NOTE, shared=False)
    did("interview status", hal.request("POST", f"/api/v1/interviews/{interview}/status", json={"status": "cancelled"}))
    did("export", hal.request("GET", f"/api/v1/candidates/{candidate}/export"))
    did("erasure", hal.request("POST", f"/api/v1/candidates/{candidate}/erase"))
    for client in (team.admin, ivy, hal, other):
        secrets += [v for v in (client.session_cookie, client.csrf) if v]
    return team, secrets, notes


def read(team, query=""):
    response = team.admin.get(f"/api/v1/audit/security{query}")
    expect(response.status == 200, f"GET /api/v1/audit/security{query} answered {response.status} "
                                   f"(route missing?): {response.text[:120]!r}")
    body = response.json()
    expect(isinstance(body, dict) and isinstance(body.get("entries"), list),
           f"the security audit is not {{entries, page, per, total}}: {response.text[:200]!r}")
    return body, response.text


@test("security_audit_events")
def security_audit_events():
    """Every security event is in the security audit with the right actor, and nothing secret is in it."""
    team, secrets, notes = audited()
    body, text = read(team, "?per=500")
    checks = Checks("security audit" + (f" (actions that failed while setting up: {notes})" if notes else ""))
    entries = body["entries"]
    for entry in entries[:1]:
        checks.check(set(entry) >= {"at", "kind", "actor", "address", "subject", "detail"},
                     f"an entry lacks fields: {sorted(entry)}")
    for kind, actor in EXPECTED.items():
        of_kind = [e for e in entries if e.get("kind") == kind]
        if checks.check(of_kind, f"no '{kind}' event"):
            checks.check(any(actor in str(e.get("actor")) for e in of_kind),
                         f"'{kind}' events name {sorted({str(e.get('actor')) for e in of_kind})}, not {actor}")
    for secret in secrets:
        checks.check(secret not in text, f"the security audit contains a secret ({secret[:12]}…)")
    checks.done()


@test("security_audit_filters_and_paging")
def security_audit_filters_and_paging():
    """kind= and actor= filter; per=2 gives 2 entries with the full total; page 2 holds other entries."""
    team, _, _ = audited()
    checks = Checks("security audit queries")
    everything, _ = read(team, "?per=500")
    failed, _ = read(team, "?kind=login.failed&per=500")
    checks.check(failed["entries"] and all(e.get("kind") == "login.failed" for e in failed["entries"]),
                 f"kind=login.failed gives kinds {sorted({e.get('kind') for e in failed['entries']})}")
    mine, _ = read(team, f"?actor={IVY}&per=500")
    checks.check(mine["entries"] and all(IVY in str(e.get("actor")) for e in mine["entries"]),
                 f"actor={IVY} gives actors {sorted({str(e.get('actor')) for e in mine['entries']})}")
    first, _ = read(team, "?per=2&page=1")
    second, _ = read(team, "?per=2&page=2")
    checks.check(len(first["entries"]) == 2, f"per=2 gives {len(first['entries'])} entries")
    checks.check(first.get("total") == everything.get("total") == len(everything["entries"]),
                 f"totals disagree: per=2 says {first.get('total')}, per=500 says {everything.get('total')} with "
                 f"{len(everything['entries'])} entries")
    checks.check(first.get("per") == 2 and first.get("page") == 1, f"page/per echoed as {first.get('page')}/{first.get('per')}")
    checks.check(second["entries"] and second["entries"] != first["entries"], "page 2 repeats page 1 or is empty")
    checks.done()


@test("security_audit_admins_only")
def security_audit_admins_only():
    """Hiring managers and interviewers get 404 from the security audit (admin areas are not revealed,
    docs/security.md); a stranger gets 401."""
    team, _, _ = audited()
    checks = Checks("security audit access")
    for email, password in ((HM, PASSWORD), (IVY, NEW_PASSWORD)):
        status = team.login(email, password).get("/api/v1/audit/security").status
        checks.check(status == 404, f"{email} got {status}, expected 404")
    status = team.client().get("/api/v1/audit/security").status
    checks.check(status == 401, f"a stranger got {status}, expected 401")
    checks.done()
