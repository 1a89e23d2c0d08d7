"""Makes the fixture of one release: a team's data entered through that release's own binary and JSON API, then
the database as text.

    python3 Tests/upgrade/make_fixture.py --binary /tmp/rel17-build/debug/interview --release b3d57a4
    python3 Tests/upgrade/make_fixture.py --binary /tmp/rel18/interview --release 2da5311

writes Tests/upgrade/fixtures/<release>.sqlite.sql (`sqlite3 interviewflow.sqlite .dump` after a clean stop),
<release>.postgres.sql (`pg_dump --no-owner --no-privileges` of a database the same binary filled over
DATABASE_URL) and <release>.manifest.json (the passwords, the ids of what was made, which features the
release had, and which stored session belongs to whom), which Tests/upgrade/run.py reads.

Whatever the release offers is used; what it lacks (submission, decisions, overdue hours, "sign out
everywhere" came after b3d57a4) is found by asking the server and left out, so the next release can run
this unchanged and add its own fixture.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifharness as h  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")

PASSWORDS = {
    "ada@example.com": "ada's admin password 1",
    "hana@example.com": "hana's manager password",
    "ivan@example.com": "ivan's first password",
    "olga@example.com": "olga's panel password",
    "hugo@example.com": "hugo's manager password",
}
IVAN_NEW_PASSWORD = "ivan's second password"
NAMES = {"ada@example.com": "Ada Admin", "hana@example.com": "Hana Hiring", "ivan@example.com": "Ivan Interviewer",
         "olga@example.com": "Olga Panelist", "hugo@example.com": "Hugo Promoted"}
# A small real PDF: the %PDF header and the %%EOF trailer the server checks for.
RESUME_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
              b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
              b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n")


class Console:
    """Console actions over the API, each with its own client id."""

    def __init__(self, client, interview_id, prefix):
        self.client, self.interview_id, self.prefix = client, interview_id, prefix
        self.count = 0

    def act(self, kind, **fields):
        self.count += 1
        body = dict(fields, clientID=f"{self.prefix}-{self.count:05d}", type=kind)
        return self.client.status_of("POST", f"/api/v1/interviews/{self.interview_id}/console/actions", body=body)

    def must(self, kind, **fields):
        status, payload = self.act(kind, **fields)
        if status != 200:
            raise RuntimeError(f"console {kind} {fields}: HTTP {status}: {str(payload)[:300]}")
        return payload

    def view(self):
        return self.client.call("GET", f"/api/v1/interviews/{self.interview_id}/console")

    def walk(self, ratings, rate_at_most=None, skip_at=(), notes=None, gate_answers=(True, False), jump_at=None):
        """Scores along the guide: the talk stages moved through, questions rated in turn (some skipped with a
        reason), gates answered alternately, notes added at given questions; stops after `rate_at_most` ratings,
        or when the interview is finished. Returns the (topic, question) pairs rated."""
        self.must("start")
        rated, asked, gates = [], 0, 0
        notes = notes or {}
        for _ in range(400):
            view = self.view()
            agenda = view.get("agenda")
            if agenda == "finished" or (rate_at_most is not None and len(rated) >= rate_at_most):
                break
            if agenda == "rate":
                question = view["question"]
                if asked in notes:
                    text, shared = notes[asked]
                    self.must("note", text=text, shared=shared, topic=question["topic"], question=question["id"])
                if jump_at is not None and asked == jump_at:
                    jump_at = None
                    status, _ = self.act("jump", topic=jump_target(view, question["topic"]))
                    if status == 200:
                        self.must("return")
                    continue
                if asked in skip_at:
                    self.must("skip", topic=question["topic"], question=question["id"], reason="ran out of time for this one")
                else:
                    self.must("rate", topic=question["topic"], question=question["id"], rating=ratings[len(rated) % len(ratings)])
                    rated.append((question["topic"], question["id"]))
                asked += 1
            elif agenda in ("gate", "offerJump"):
                decision = view["decision"]
                self.must("answer", topic=decision["topic"], gate=decision["id"], answer=gate_answers[gates % len(gate_answers)])
                gates += 1
            elif agenda == "pick":
                options = view.get("picks") or view.get("pick") or []
                first = options[0] if isinstance(options, list) and options else None
                if isinstance(first, dict) and first.get("id"):
                    self.must("pick", topic=first.get("topic", view.get("topic")), question=first["id"])
                else:
                    self.must("moveOn")
            elif agenda == "finishInterview":
                self.must("finish", confirm=True)
            else:
                self.must("moveOn")
        return rated

    def finish(self):
        status, payload = self.act("finish")
        if status == 409 and isinstance(payload, dict) and payload.get("code") == "confirmRequired":
            status, payload = self.act("finish", confirm=True)
        if status != 200:
            raise RuntimeError(f"finish: HTTP {status}: {str(payload)[:300]}")

    def draft(self, text):
        self.client.call("PUT", f"/api/v1/interviews/{self.interview_id}/console/draft", body={"text": text})

    def submit(self, recommendation, summary):
        """Submission came after b3d57a4: True when this release has it."""
        status, payload = self.act("submit", recommendation=recommendation, summary=summary)
        if status == 200:
            return True
        if status in (400, 422):
            return False
        raise RuntimeError(f"submit: HTTP {status}: {str(payload)[:300]}")


def jump_target(view, current):
    for stage in view.get("stages", []):
        for topic in stage.get("topics", []):
            if topic["key"] != current and topic.get("asked", 0) == 0:
                return topic["key"]
    return current


def fill(server, manifest_part, features):
    """A team's first weeks, through the API (and the admin's Users and Account forms where the API has none)."""
    base = server.base
    ids = manifest_part.setdefault("ids", {})
    sessions = manifest_part.setdefault("sessions", {})
    ada = h.create_first_admin(server, NAMES["ada@example.com"], "ada@example.com", PASSWORDS["ada@example.com"])
    users = {"ada@example.com": ada.whoami()[1]["id"]}
    for email, role in (("hana@example.com", "hiring_manager"), ("ivan@example.com", "interviewer"),
                        ("olga@example.com", "interviewer"), ("hugo@example.com", "interviewer")):
        users[email] = ada.call("POST", "/api/v1/users", {"name": NAMES[email], "email": email,
                                                          "password": PASSWORDS[email], "role": role})["id"]
    # Hugo is promoted on the Users page.
    ada.form_post(f"/users/{users['hugo@example.com']}/role", {"role": "hiring_manager"})
    ids["users"] = users

    def login(email, password=None):
        client = h.Client(base)
        client.login(email, password or PASSWORDS[email])
        return client

    hana, ivan, olga = login("hana@example.com"), login("ivan@example.com"), login("olga@example.com")

    # Guides: the team's own copy of a bundled guide, edited once (two versions), and the admin's SRE guide.
    library = {g["slug"]: g["id"] for g in ada.call("GET", "/api/v1/guides")}
    bundled = ada.call("GET", f"/api/v1/guides/{library['backend-new-graduate.en']}")["markdown"]
    senior = ada.call("GET", f"/api/v1/guides/{library['python-backend-senior.en']}")["markdown"]
    team_v1 = bundled.replace("title: Interview Guide for New-Graduate Backend Developers", "title: Team backend interview", 1)
    team = hana.call("POST", "/api/v1/guides", {"slug": "team-backend", "markdown": team_v1})
    sre = ada.call("POST", "/api/v1/guides", {"slug": "platform-sre",
                                               "markdown": senior.replace("title: Interview Guide for Mid/Senior Python Backend Developers",
                                                                          "title: Platform and SRE interview", 1)})
    library.update({"team-backend": team["id"], "platform-sre": sre["id"]})
    ids["guides"] = library

    # Positions.
    p1 = hana.call("POST", "/api/v1/positions", {"title": "Backend engineer", "guideID": team["id"], "retentionDays": "3650"})["position"]["id"]
    for email in ("ivan@example.com", "olga@example.com"):
        hana.call("POST", f"/api/v1/positions/{p1}/members", {"email": email})
    p2 = ada.call("POST", "/api/v1/positions", {"title": "Python backend (senior)", "guideID": library["python-backend-senior.en"]})["position"]["id"]
    for email in ("hana@example.com", "ivan@example.com", "hugo@example.com"):
        ada.call("POST", f"/api/v1/positions/{p2}/members", {"email": email})
    p3 = ada.call("POST", "/api/v1/positions", {"title": "数据工程师 (on hold)", "guideID": sre["id"]})["position"]["id"]
    # Overdue hours came after b3d57a4, which ignores the field: the stored columns say which (make_sqlite).
    hana.call("PATCH", f"/api/v1/positions/{p1}", {"title": "Backend engineer", "retentionDays": "3650", "overdueHours": "48"})
    ids["positions"] = {"backend": p1, "senior": p2, "data": p3}

    # Candidates: one with a resume (text and PDF), one to be erased, one on the senior position, one Chinese name.
    c1 = hana.call("POST", "/api/v1/candidates", multipart={
        "positionID": p1, "name": "Sun Ba", "contact": "sun.ba@example.com",
        "resumeText": "Two internships; Go and Python.\nLikes queues.", "notes": "Referred by Ivan.",
        "resumePDF": ("sun-ba.pdf", "application/pdf", RESUME_PDF)})["id"]
    c2 = hana.call("POST", "/api/v1/candidates", {"positionID": p1, "name": "Lee Min", "contact": "+82 10 5555 0101",
                                                   "resumeText": "Asked us to delete everything afterwards.", "notes": ""})["id"]
    c3 = ada.call("POST", "/api/v1/candidates", {"positionID": p2, "name": "Kim Jae", "contact": "kim@example.org",
                                                  "resumeText": "", "notes": "Senior; strong on databases."})["id"]
    c4 = hana.call("POST", "/api/v1/candidates", {"positionID": p1, "name": "王小明", "contact": "wang@example.cn",
                                                   "resumeText": "应届生，计算机科学。", "notes": "周五面试"})["id"]
    hana.call("PATCH", f"/api/v1/candidates/{c1}", {"contact": "sun.ba@example.net", "resumeText": "Two internships; Go and Python.\nLikes queues.",
                                                     "notes": "Referred by Ivan. Prefers mornings."})
    ids["candidates"] = {"sun": c1, "lee": c2, "kim": c3, "wang": c4}

    def schedule(client, candidate, interviewers, when):
        return client.call("POST", "/api/v1/interviews", {"candidateID": candidate, "scheduledAt": when,
                                                           "interviewerIDs": [users[e] for e in interviewers]})["id"]

    i1 = schedule(hana, c1, ["ivan@example.com", "olga@example.com"], "2026-11-02T09:00")
    i2 = schedule(hana, c2, ["ivan@example.com"], "2026-11-03T14:30")
    i3 = schedule(ada, c3, ["ivan@example.com"], "2026-11-04T10:00")
    i5 = schedule(hana, c1, ["ivan@example.com"], "2026-11-09T09:00")
    # The team edits its guide: interviews scheduled from now on pin the second version.
    hana.call("POST", f"/api/v1/guides/{team['id']}/versions",
              {"markdown": team_v1.replace("title: Team backend interview", "title: Team backend interview (2nd edition)", 1)})
    i4 = schedule(hana, c4, ["olga@example.com", "ivan@example.com"], "2026-11-20T16:00")
    ids["interviews"] = {"sun_panel": i1, "lee": i2, "kim": i3, "wang": i4, "sun_second": i5}

    # Scoring. Ivan scores Sun to the end with notes, a skip and a jump; Olga scores part of it and finishes early.
    ivan_sun = Console(ivan, i1, "ivan-sun")
    rated = ivan_sun.walk([3, 4, 2, 3, 1], skip_at=(2,), jump_at=6,
                          notes={0: ("Clear on arrays vs lists; asked about cache lines.", False),
                                 4: ("Shared with the candidate: read about B-trees.", True)})
    olga_sun = Console(olga, i1, "olga-sun")
    olga_sun.walk([2, 1, 3], rate_at_most=7, notes={1: ("olga: hesitant on hashing; \"quotes\" & <angle> brackets", False)})
    olga_sun.finish()
    ivan_lee = Console(ivan, i2, "ivan-lee")
    ivan_lee.walk([2, 2, 3], rate_at_most=5, notes={0: ("Lee mentioned their current employer, Acme.", False)})
    ivan_lee.finish()
    ivan_kim = Console(ivan, i3, "ivan-kim")
    ivan_kim.walk([4, 3], rate_at_most=3)
    ivan_kim.draft("Kim: half-typed note about connection pools")

    # Submission (after b3d57a4): each finished card submitted with a recommendation; Ivan then revises one rating.
    features["submission"] = ivan_sun.submit("hire", "Solid fundamentals; would grow fast.")
    if features["submission"]:
        olga_sun.submit("lean-no", "Unsure about hashing.")
        ivan_lee.submit("no-decision", "Short interview.")
        topic, question = rated[0]
        status, _ = ivan_sun.act("rate", topic=topic, question=question, rating=4, revisionReason="re-read my notes: it was a 4")
        features["revision"] = status == 200

    for interview, status in ((i1, "completed"), (i2, "completed"), (i3, "in_progress"), (i5, "cancelled")):
        hana.call("POST", f"/api/v1/interviews/{interview}/status", {"status": status}) if interview != i3 else \
            ada.call("POST", f"/api/v1/interviews/{interview}/status", {"status": status})

    # Decisions (after b3d57a4): Sun advanced then hired; Kim on hold.
    status, _ = hana.status_of("POST", f"/api/v1/candidates/{c1}/decision", body={"outcome": "advance", "rationale": "Second round on design."})
    features["decisions"] = status == 201
    if features["decisions"]:
        hana.call("POST", f"/api/v1/candidates/{c1}/decision", {"outcome": "hire", "rationale": "References confirmed."})
        ada.call("POST", f"/api/v1/candidates/{c3}/decision", {"outcome": "on_hold", "rationale": "Headcount frozen until Q1."})

    # Reads and exports (audited), then Lee's erasure on request.
    hana.call("GET", f"/api/v1/candidates/{c1}")
    pdf = hana.request("GET", f"/api/v1/candidates/{c1}/resume.pdf")
    assert pdf[0] == 200 and pdf[2] == RESUME_PDF, f"resume download: {pdf[0]}"
    ada.call("GET", f"/api/v1/candidates/{c3}/export")
    hana.call("POST", f"/api/v1/candidates/{c2}/erase")
    features["erasure"] = True

    # Accounts: Ivan changes his password (his old session ends), Olga leaves (deactivated), Hugo signs out
    # everywhere (after b3d57a4) and later mistypes his password once; a second session of Hana's logs out.
    sessions["ivan-before-password-change"] = ivan.session_cookie()
    ivan.form_post("/account/password", {"current": PASSWORDS["ivan@example.com"], "new": IVAN_NEW_PASSWORD,
                                         "confirmation": IVAN_NEW_PASSWORD})
    ivan_again = login("ivan@example.com", IVAN_NEW_PASSWORD)
    sessions["olga-before-deactivation"] = olga.session_cookie()
    ada.form_post(f"/users/{users['olga@example.com']}/active", {"active": "false"})
    hugo = login("hugo@example.com")
    status, _, _ = hugo.request("POST", "/account/sign-out-everywhere", form={"csrf": hugo.csrf})
    features["sign_out_everywhere"] = status in (200, 303)
    if features["sign_out_everywhere"]:
        sessions["hugo-signed-out-everywhere"] = hugo.session_cookie()
    h.Client(base).login("hugo@example.com", "not hugo's password", expect=(401,))
    hana_laptop = login("hana@example.com")
    hana_laptop.call("DELETE", "/api/v1/session")
    sessions.update({"ada-active": ada.session_cookie(), "hana-active": hana.session_cookie(),
                     "ivan-active": ivan_again.session_cookie()})
    # Touch the remaining sessions once more so each is stored as it is now.
    for client in (ada, hana, ivan_again):
        client.whoami()
    manifest_part["cards"] = {"ivan-sun": [i1, users["ivan@example.com"]], "olga-sun": [i1, users["olga@example.com"]],
                              "ivan-lee": [i2, users["ivan@example.com"]], "ivan-kim": [i3, users["ivan@example.com"]]}


def make_sqlite(binary, release, manifest, features):
    data = h.temp_folder("fixture-sqlite")
    server = h.Server(binary, data=data, name="fixture")
    server.start(ready_path=None)
    try:
        fill(server, manifest.setdefault("sqlite", {}), features)
    finally:
        status = server.stop()
    if status not in (0, None):
        print(f"note: the server exited with status {status} on SIGTERM", file=sys.stderr)
    database = os.path.join(data, "interviewflow.sqlite")
    columns = subprocess.run(["sqlite3", database, "SELECT name FROM pragma_table_info('positions')"], capture_output=True,
                             text=True, check=True).stdout.split()
    features["overdue_hours"] = "overdue_hours" in columns
    dump = subprocess.run(["sqlite3", database, ".dump"], capture_output=True, check=True).stdout
    with open(os.path.join(FIXTURES, f"{release}.sqlite.sql"), "wb") as f:
        f.write(dump)
    print(f"wrote fixtures/{release}.sqlite.sql ({len(dump)} bytes)")


def make_postgres(binary, release, manifest, features):
    name = h.pg_create(f"interviewflow_upgrade_fixture_{release.lower()}")
    server = h.Server(binary, database_url=h.pg_url(name), name="fixture-pg")
    server.start(ready_path=None)
    try:
        fill(server, manifest.setdefault("postgres", {}), features)
    finally:
        server.stop()
    command = ["pg_dump", "--no-owner", "--no-privileges"]
    if "--restrict-key" in subprocess.run(["pg_dump", "--help"], capture_output=True, text=True).stdout:
        command.append("--restrict-key=interviewflowfixture")   # else a random key each time: noise in the diff
    dump = subprocess.run(command + ["--dbname", h.pg_libpq_url(name)], capture_output=True, check=True).stdout
    features["overdue_hours"] = "overdue_hours" in h.psql(name, "SELECT column_name FROM information_schema.columns "
                                                                "WHERE table_name = 'positions'").split()
    h.pg_drop(name)
    with open(os.path.join(FIXTURES, f"{release}.postgres.sql"), "wb") as f:
        f.write(dump)
    print(f"wrote fixtures/{release}.postgres.sql ({len(dump)} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the release's `interview` binary (its *.resources beside it)")
    parser.add_argument("--release", required=True, help="the release's commit, e.g. 2da5311")
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="make one of the two (the manifest keeps the other's part)")
    args = parser.parse_args()
    os.makedirs(FIXTURES, exist_ok=True)
    binary = h.snapshot_binary(args.binary)
    path = os.path.join(FIXTURES, f"{args.release}.manifest.json")
    manifest = json.load(open(path)) if args.only and os.path.exists(path) else {}
    manifest.update({"release": args.release, "passwords": dict(PASSWORDS, **{"ivan@example.com": IVAN_NEW_PASSWORD}),
                     "deactivated": ["olga@example.com"], "made": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
    features = manifest.setdefault("features", {})
    started = time.time()
    if args.only != "postgres":
        make_sqlite(binary, args.release, manifest, features)
    if args.only != "sqlite":
        make_postgres(binary, args.release, manifest, features)
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"wrote fixtures/{args.release}.manifest.json; features: {features}; {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
