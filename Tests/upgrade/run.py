"""Upgrades every release's fixture with a new binary, on SQLite and on PostgreSQL, and checks every row.

    python3 Tests/upgrade/run.py --binary .build/debug/interview [--only sqlite|postgres] [--release b3d57a4]

For each fixture (Tests/upgrade/fixtures/<release>.sqlite.sql / .postgres.sql, made by make_fixture.py with
that release's binary) and each database:

1. load it into a fresh data folder (sqlite3) or a fresh database interviewflow_upgrade_* (psql), and take
   every row of every table and the schema;
2. start NEW on it (it migrates), wait for /readyz, stop it (SIGTERM), and compare:
   - every table and every row that existed is still there, with the same value in every old column; the
     only changes allowed are the ones a migration makes on purpose (M016 clears `scorecards.submitted_at`,
     M019 keeps the digest of each `_fluent_sessions.key`); the sweep at start may delete dead session rows and
     login counters whose window has run out;
   - every column a migration added has, in the old rows, what that migration gives it: the default from
     the migration's source (parsed from Sources/InterviewServer/Migrations), or the value its data step
     computes (M014 owners, M015 `scorecards.erased_at`, M020 `guide_versions.guide_json`: the guide as read,
     whose SHA-256 is the version's content hash);
   - new tables are empty; the schema equals the schema NEW creates on an empty database (columns, types,
     nullability, defaults, keys, indexes); `_fluent_migrations` lists exactly NEW's migrations, in its order;
3. start NEW again and use it as the fixture's people: sign in (and the deactivated one cannot), old
   sessions (revoked ones stay revoked), guide library, candidate with resume, interviews, debrief, report,
   the console state of each scorecard against its stored events, and writes on the upgraded data;
4. with a fake future migration row added, NEW must refuse to start, naming it, and change nothing.

Prints `N passed, M failed` and exits 1 on failure.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifharness as h  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
FUTURE_MIGRATION = "InterviewServer.M999_FromAFutureRelease"
LONG_SESSIONS = ["--session-idle-timeout", "3650d", "--session-lifetime", "3650d"]


# ---------------------------------------------------------------------------------------------- migration source

def parse_migrations(sources):
    """What the migrations' source says: {struct name: {"added": {(table, column): {"required", "default"}},
    "dropped": {(table, column)}}} and the order of `SchemaMigrations.all`."""
    models = {}
    for path in glob.glob(os.path.join(sources, "InterviewServer", "Models", "*.swift")):
        text = open(path, encoding="utf-8").read()
        for match in re.finditer(r"(?:class|struct)\s+(\w+)[^{]*\{(.*?)static let schema = \"(\w+)\"", text, re.S):
            models[match.group(1)] = match.group(3)
    migrations = {}
    for path in sorted(glob.glob(os.path.join(sources, "InterviewServer", "Migrations", "M*.swift"))):
        text = open(path, encoding="utf-8").read()
        name = re.search(r"struct\s+(M\d+\w*)", text)
        if not name:
            continue
        prepare = text.split("func revert", 1)[0]
        added, dropped = {}, set()
        for chunk in re.finditer(r"database\.schema\((\w+)\.schema\)(.*?)\.(create|update|delete)\(\)", prepare, re.S):
            table = models.get(chunk.group(1), chunk.group(1))
            if chunk.group(3) != "update":
                continue
            for field in re.finditer(r"\.field\(\"(\w+)\",\s*([^\n]*?)\)\s*(?=\.|$)", chunk.group(2), re.M):
                options = field.group(2)
                default = re.search(r"\.default\(([^)]*)\)", options)
                added[(table, field.group(1))] = {"required": ".required" in options,
                                                  "default": default.group(1).strip() if default else None}
            for gone in re.finditer(r"deleteField\(\"(\w+)\"\)", chunk.group(2)):
                dropped.add((table, gone.group(1)))
        migrations[name.group(1)] = {"added": added, "dropped": dropped}
    order = []
    listing = os.path.join(sources, "InterviewServer", "Migrations", "Migrations.swift")
    if os.path.exists(listing):
        order = re.findall(r"\b(M\d+_\w+)\(\)", open(listing, encoding="utf-8").read())
    return migrations, order


def struct_name(migration):
    return migration.rsplit(".", 1)[-1]


# ---------------------------------------------------------------------------------------------- databases

class Database:
    """A fixture loaded into SQLite (a data folder) or PostgreSQL (a database of its own)."""

    def __init__(self, kind, label):
        self.kind, self.label = kind, label
        self.data = h.temp_folder(f"upgrade-{label}")
        self.name = None
        if kind == "postgres":
            self.name = h.pg_create(f"interviewflow_upgrade_{re.sub(r'[^a-z0-9]+', '_', label.lower())}")

    @property
    def path(self):
        return os.path.join(self.data, "interviewflow.sqlite")

    def load(self, fixture):
        if self.kind == "sqlite":
            with open(fixture, "rb") as f:
                result = subprocess.run(["sqlite3", "-bail", self.path], stdin=f, capture_output=True)
            if result.returncode != 0 or result.stderr:
                raise RuntimeError(f"loading {fixture}: {result.stderr.decode()[:500]}")
        else:
            # psql before 15.14 / 16.10 does not know pg_dump's \restrict lines; they guard nothing here.
            text = open(fixture, encoding="utf-8").read()
            text = re.sub(r"^\\(un)?restrict .*$", "", text, flags=re.M)
            loadable = os.path.join(self.data, "fixture.sql")
            with open(loadable, "w", encoding="utf-8") as f:
                f.write(text)
            h.psql(self.name, file=loadable)

    def server(self, binary, args=()):
        return h.Server(binary, data=self.data, database_url=h.pg_url(self.name) if self.name else None, args=args,
                        name=f"upgrade-{self.label}")

    def snapshot(self):
        return h.sqlite_snapshot(self.path) if self.kind == "sqlite" else h.pg_snapshot(self.name)

    def schema(self):
        return h.sqlite_schema(self.path) if self.kind == "sqlite" else h.pg_schema(self.name)

    def execute(self, sql):
        if self.kind == "sqlite":
            result = subprocess.run(["sqlite3", "-bail", self.path, sql], capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(result.stderr)
        else:
            h.psql(self.name, sql)

    def drop(self):
        if self.name:
            h.pg_drop(self.name)


def migration_names(snapshot):
    rows = snapshot.get("_fluent_migrations", {}).get("rows", {}).values()
    return [r["name"] for r in sorted(rows, key=lambda r: (r.get("batch") or 0, to_time(r.get("created_at")) or 0))]


def to_time(value):
    if value is None or isinstance(value, (int, float)):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def uid(value):
    return str(value).upper() if value is not None else None


def same_value(value, expected):
    """Equal, or both times within a millisecond: a migration that copies a time reads it into a Date and writes it
    back, and SQLite's REAL keeps digits below the microsecond that the round trip does not."""
    if h.normalise(value) == h.normalise(expected):
        return True
    a, b = to_time(value), to_time(expected)
    return a is not None and b is not None and value is not None and expected is not None and abs(a - b) < 1e-3


def default_value(kind, default):
    """A migration's `.sql(.default(X))` as the database stores it in each row."""
    if default is None:
        return None
    text = default.strip().strip('"')
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*", text):
        return float(text)
    if text in ("true", "false"):
        return (text == "true") if kind == "postgres" else int(text == "true")
    return text


# ---------------------------------------------------------------------------------------------- the row comparison

def expected_new_column(table, column, row, before, ran):
    """What a column added during this upgrade holds in an old row, by the migration that added it. Returns
    (is_rule_known, acceptable values)."""
    if (table, column) == ("guides", "owner_id") and "M014_AddOwners" in ran:
        versions = [v for v in before["guide_versions"]["rows"].values() if uid(v["guide_id"]) == uid(row["id"])]
        versions.sort(key=lambda v: to_time(v.get("created_at")) or 0)
        return True, {uid(versions[0]["author_id"]) if versions else None}
    if (table, column) == ("positions", "owner_id") and "M014_AddOwners" in ran:
        roles = {uid(u["id"]): u["role"] for u in before["users"]["rows"].values()}
        managers = {uid(m["user_id"]) for m in before["position_members"]["rows"].values()
                    if uid(m["position_id"]) == uid(row["id"]) and roles.get(uid(m["user_id"])) == "hiring_manager"}
        return True, managers or {None}
    if (table, column) == ("guide_versions", "guide_json") and "M020_KeepGuideReadings" in ran:
        # The guide as read when saved: its SHA-256 is the version's content hash; none where NEW reads the
        # old text differently (then there is no earlier reading to keep).
        kept = row.get("guide_json")
        if isinstance(kept, str) and hashlib.sha256(kept.encode("utf-8")).hexdigest() == row.get("content_hash"):
            return True, {kept}
        return True, {None}
    if (table, column) == ("scorecards", "erased_at") and "M015_AddScorecardErasure" in ran:
        interview = before["interviews"]["rows"].get(uid(row["interview_id"]))
        candidate = before["candidates"]["rows"].get(uid(interview["candidate_id"])) if interview else None
        return True, {candidate.get("erased_at") if candidate else None}
    return False, None


def set_by_hand(before):
    """Interviews whose "in progress" a manager set (the security trail's "-> in_progress"): M021 keeps those."""
    rows = before.get("security_events", {}).get("rows", {}).values()
    return {str(r.get("subject", "")).split(":", 1)[-1].upper() for r in rows
            if r.get("kind") == "interview.status" and str(r.get("detail", "")).endswith("-> in_progress")}


def status_after(row, before, ran):
    """An interview's status once upgraded: M021 turns the "in progress" a first start set back to scheduled."""
    if row["status"] == "in_progress" and "M021_OpenInterviewsFollowCards" in ran and uid(row["id"]) not in set_by_hand(before):
        return "scheduled"
    return row["status"]


def expected_change(table, column, old, ran):
    """Changes of an old column that a migration makes on purpose: (new value, why)."""
    if (table, column) == ("interviews", "status") and old == "in_progress" and "M021_OpenInterviewsFollowCards" in ran:
        # A status a manager set by hand is not changed, so it never comes here (see `status_after`).
        return "scheduled", "M021_OpenInterviewsFollowCards: a first start no longer moves an interview to in progress"
    if (table, column) == ("scorecards", "submitted_at") and "M016_ExplicitSubmission" in ran:
        return None, "M016_ExplicitSubmission unsubmits cards of earlier releases"
    if (table, column) == ("_fluent_sessions", "key") and "M019_HashSessionKeys" in ran:
        return "sha256:" + hashlib.sha256(str(old).encode("utf-8")).hexdigest(), \
            "M019_HashSessionKeys keeps each session id's digest in place of the id"
    return "no change expected", None


def stale_login_counter(row):
    """A login counter whose window ended more than 15 minutes ago (fixtures are made days before)."""
    started = row.get("window_start")
    if isinstance(started, (int, float)):
        return started < time.time() - 15 * 60
    if isinstance(started, str):
        try:
            when = datetime.datetime.fromisoformat(started.replace("Z", "+00:00"))
        except ValueError:
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        return when.timestamp() < time.time() - 15 * 60
    if isinstance(started, datetime.datetime):
        when = started if started.tzinfo else started.replace(tzinfo=datetime.timezone.utc)
        return when.timestamp() < time.time() - 15 * 60
    return False


def dead_session(row):
    """A stored session no one can use: no signed-in user, or not the times the session policy needs (the
    upgrade's servers run with LONG_SESSIONS, so no live session is past its timeouts)."""
    data = row.get("data")
    if isinstance(data, (bytes, bytearray)):
        data = data.decode("utf-8")
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            return False
    if not isinstance(data, dict):
        return False
    return "_UserSession" not in data or "seen" not in data or "born" not in data


def check_rows(report, label, kind, before, after, after_schema, fresh, parsed, ran):
    new_tables = sorted(set(after) - set(before))
    report.check(all(t in after for t in before), f"{label}: every table of the fixture is still there",
                 [t for t in before if t not in after])
    differences = h.compare_tables(before, after)
    problems, expected_notes = [], []
    for table, entry in differences.items():
        unexpected_changes = []
        for key, column, old, new in entry["changed"]:
            value, why = expected_change(table, column, old, ran)
            if why and h.normalise(new) == value:
                expected_notes.append((table, column, why))
                continue
            unexpected_changes.append((key, column, old, new))
        added = list(entry["added"])
        if table == "_fluent_migrations":
            added = []
        missing = list(entry["missing"])
        if table == "_fluent_sessions":
            # The session sweep at start deletes the rows no one can use (docs/security.md): a visitor's
            # session that never held a user, and one without the times the session policy judges by.
            # Those, and only those, may go; every other session row must be kept.
            dead = {k for k, r in before[table]["rows"].items() if dead_session(r)}
            missing = [k for k in missing if k not in dead]
            still_there = [k for k in dead if k in after[table]["rows"]]
            report.check(not still_there, f"{label}: the {len(dead)} dead session rows of the fixture are swept at start",
                         still_there[:10])
        if table == "login_attempts":
            # The hourly sweep (run at start too) deletes the login counters whose 15-minute window has run
            # out (docs/security.md): every fixture's counters are older than that, and may go.
            missing = [k for k in missing if not stale_login_counter(before[table]["rows"][k])]
        if table in ("guides", "guide_versions"):
            # A release may bundle new guides; they arrive at start beside the team's (never over them).
            fresh_slugs = {g["slug"] for g in fresh["guides"]["rows"].values()}
            new_guides = {k for k in after["guides"]["rows"] if k not in before["guides"]["rows"]
                          and after["guides"]["rows"][k]["slug"] in fresh_slugs}
            added = [k for k in added if k not in new_guides and not (table == "guide_versions" and
                     uid(after["guide_versions"]["rows"][k]["guide_id"]) in new_guides)]
        if unexpected_changes or missing or added or entry.get("table_missing"):
            problems += h.describe_differences(table, {"missing": missing, "added": added,
                                                       "changed": unexpected_changes, "table_missing": entry.get("table_missing")})
    rows = sum(len(t["rows"]) for t in before.values())
    report.check(not problems, f"{label}: all {rows} rows of {len(before)} tables kept, every old column unchanged "
                 f"(except what a migration changes on purpose)", problems)
    for table, column, why in sorted(set(expected_notes)):
        count = sum(1 for e in differences[table]["changed"] if e[1] == column)
        print(f"     ({table}.{column} changed in {count} rows: {why})")

    # Columns added by this upgrade: each old row holds what its migration gives it.
    added_columns = {(t, c) for t in before if t in after for c in after[t]["columns"] if c not in before[t]["columns"]}
    parsed_added = {}
    for migration in ran:
        for key, spec in parsed.get(migration, {}).get("added", {}).items():
            parsed_added[key] = (migration, spec)
    report.check({k for k in parsed_added if k[0] in before} == added_columns,
                 f"{label}: the columns added to existing tables are the ones the migrations' source adds "
                 f"({', '.join(sorted(f'{t}.{c}' for t, c in added_columns)) or 'none'})",
                 [f"source adds {sorted(parsed_added)}", f"database gained {sorted(added_columns)}"])
    problems = []
    for table, column in sorted(added_columns):
        migration, spec = parsed_added.get((table, column), ("?", {"default": None, "required": False}))
        for key, row in after[table]["rows"].items():
            if key not in before[table]["rows"]:
                continue
            known, acceptable = expected_new_column(table, column, row, before, ran)
            if not known:
                acceptable = {default_value(kind, spec["default"])}
            value = row.get(column)
            value = uid(value) if column.endswith("_id") else value
            if not any(same_value(value, a) for a in acceptable):
                problems.append(f"{table} id={key}: {column} = {h.short(value)}, expected {' or '.join(h.short(a) for a in acceptable)} ({migration})")
    report.check(not problems, f"{label}: the added columns hold in every old row what their migration gives it", problems[:25])

    # Defaults of added columns in the schema, as the migration source declares them.
    problems = []
    for (table, column), (migration, spec) in sorted(parsed_added.items()):
        if spec["default"] is not None:
            problems += declared_default_problem(after_schema, kind, table, column, spec, migration)
    report.check(not problems, f"{label}: the schema declares the defaults the migrations' source gives", problems)

    # New tables: created, and empty (nothing is invented for old data).
    report.check(all(not after[t]["rows"] for t in new_tables),
                 f"{label}: new tables ({', '.join(new_tables) or 'none'}) exist and are empty",
                 [f"{t}: {len(after[t]['rows'])} rows" for t in new_tables if after[t]["rows"]])


def declared_default_problem(schema, kind, table, column, spec, migration):
    if table not in schema or column not in schema[table]["columns"]:
        return [f"{table}.{column}: not in the upgraded schema ({migration} adds it)"]
    declared = schema[table]["columns"].get(column, {}).get("default")
    expected = str(default_value(kind, spec["default"]))
    if declared is None or str(declared).strip("'").split("::")[0] != expected:
        return [f"{table}.{column}: declared default {declared!r}, {migration} says {spec['default']}"]
    if spec["required"] and not schema[table]["columns"][column]["notnull"]:
        return [f"{table}.{column}: nullable, {migration} says .required"]
    return []


def schema_differences(upgraded, fresh):
    lines = []
    for table in sorted(set(upgraded) | set(fresh)):
        if table not in upgraded:
            lines.append(f"{table}: missing after the upgrade")
            continue
        if table not in fresh:
            lines.append(f"{table}: only in the upgraded database")
            continue
        a, b = upgraded[table], fresh[table]
        for column in sorted(set(a["columns"]) | set(b["columns"])):
            if a["columns"].get(column) != b["columns"].get(column):
                lines.append(f"{table}.{column}: upgraded {a['columns'].get(column)} / fresh {b['columns'].get(column)}")
        for part in ("foreign_keys", "indexes", "constraints"):
            if a.get(part) != b.get(part):
                only_a = [x for x in a.get(part, []) if x not in b.get(part, [])]
                only_b = [x for x in b.get(part, []) if x not in a.get(part, [])]
                lines.append(f"{table} {part}: only upgraded {only_a}; only fresh {only_b}")
    return lines


# ---------------------------------------------------------------------------------------------- using the upgraded server

def events_of(snapshot, card):
    rows = [r for r in snapshot["scorecard_events"]["rows"].values() if uid(r["scorecard_id"]) == uid(card["id"])]
    return sorted(rows, key=lambda r: r["seq"])


def card_of(snapshot, interview, interviewer):
    for row in snapshot["scorecards"]["rows"].values():
        if uid(row["interview_id"]) == uid(interview) and uid(row["interviewer_id"]) == uid(interviewer):
            return row
    return None


def api_checks(report, label, server, manifest, part, before, after, ran):
    """The upgraded server used as the fixture's team would, compared with the rows it was given."""
    ids, passwords = part["ids"], manifest["passwords"]
    users = ids["users"]
    base = server.base
    had_session_policy = any("epoch" in str(r.get("data")) for r in before["_fluent_sessions"]["rows"].values())

    # Old sessions: the revoked stay revoked; the valid ones keep working when the release stored what the
    # session policy needs (b3d57a4's sessions carry no issue time or epoch: signing in again is expected).
    for name, cookie in sorted(part.get("sessions", {}).items()):
        client = h.Client(base, session_cookie=cookie)
        status, user = client.whoami()
        report.check(status < 500, f"{label}: the stored session '{name}' is answered without a server error ({status})")
        if name.endswith("-active"):
            email = name.split("-")[0] + "@example.com"
            if had_session_policy:
                report.check(user is not None and user.get("email") == email,
                             f"{label}: the session '{name}' still signs {email} in after the upgrade", f"user: {user}")
            elif user is None:
                print(f"     ({label}: the {manifest['release']} session '{name}' no longer signs in: its release stored no issue "
                      f"time or session epoch, so the session policy treats it as revoked; people sign in again)")
        else:
            report.check(user is None, f"{label}: the session '{name}' stays ended after the upgrade", f"it signs in {user}")

    clients = {}
    for email, password in sorted(passwords.items()):
        client = h.Client(base)
        status = client.login(email, password, expect=None)
        if email in manifest.get("deactivated", []):
            report.check(status in (401, 403), f"{label}: {email} (deactivated) cannot sign in ({status})")
        else:
            report.check(status == 200, f"{label}: {email} signs in with the fixture's password ({status})")
            clients[email] = client
    ada, hana, ivan = clients.get("ada@example.com"), clients.get("hana@example.com"), clients.get("ivan@example.com")
    if not (ada and hana and ivan):
        return

    # Pages a team opens first.
    for who, client, paths in (("ada", ada, ["/positions", "/candidates", "/interviews", "/guides", "/users", "/audit", "/account"]),
                               ("hana", hana, ["/positions", f"/candidates/{ids['candidates']['sun']}", f"/interviews/{ids['interviews']['sun_panel']}/report",
                                               f"/candidates/{ids['candidates']['sun']}/debrief", f"/guides/{ids['guides']['team-backend']}"]),
                               ("ivan", ivan, ["/", "/interviews", f"/interviews/{ids['interviews']['kim']}/console"])):
        bad = []
        for path in paths:
            status, text = client.page(path)
            if status != 200:
                bad.append(f"{path}: HTTP {status}: {text[:200]!r}")
        report.check(not bad, f"{label}: {who}'s pages answer 200 ({', '.join(paths)})", bad)

    # The guide library: every guide, the edited one with both versions, the current text unchanged.
    guides = {g["slug"]: g for g in ada.call("GET", "/api/v1/guides")}
    before_guides = {g["slug"]: g for g in before["guides"]["rows"].values()}
    report.check(set(before_guides) <= set(guides), f"{label}: the guide library lists all {len(before_guides)} guides",
                 f"missing {set(before_guides) - set(guides)}")
    team = ada.call("GET", f"/api/v1/guides/{ids['guides']['team-backend']}")
    stored = [v for v in before["guide_versions"]["rows"].values() if uid(v["guide_id"]) == uid(ids["guides"]["team-backend"])]
    current = before["guide_versions"]["rows"].get(uid(before_guides["team-backend"]["current_version_id"]))
    report.check(len(team.get("versions", [])) == len(stored) == 2 and uid(team["current"]["id"]) == uid(current["id"])
                 and team.get("markdown") == current["markdown"],
                 f"{label}: the edited guide has its {len(stored)} versions and its current Markdown unchanged")

    # Candidates: values as stored, the resume's bytes, the erased one without personal data.
    sun_id, lee_id = ids["candidates"]["sun"], ids["candidates"]["lee"]
    sun_row = before["candidates"]["rows"][uid(sun_id)]
    sun = hana.call("GET", f"/api/v1/candidates/{sun_id}")
    mismatches = [f"{field}: API {sun.get(field)!r}, stored {sun_row[column]!r}" for field, column in
                  (("name", "name"), ("contact", "contact"), ("resumeText", "resume_text"), ("notes", "notes")) if sun.get(field) != sun_row[column]]
    report.check(not mismatches and sun.get("hasResumePDF") is True, f"{label}: the candidate reads back as stored", mismatches)
    pdf = hana.request("GET", f"/api/v1/candidates/{sun_id}/resume.pdf")
    stored_pdf = sun_row["resume_pdf"]
    if isinstance(stored_pdf, str) and stored_pdf.startswith("\\x"):
        stored_pdf = bytes.fromhex(stored_pdf[2:])
    report.check(pdf[0] == 200 and pdf[2] == stored_pdf, f"{label}: the resume PDF downloads byte for byte ({len(pdf[2])} bytes)")
    lee = hana.call("GET", f"/api/v1/candidates/{lee_id}")
    report.check(lee.get("name") is None and lee.get("contact") is None and lee.get("erasedAt"),
                 f"{label}: the erased candidate stays erased", str(lee)[:300])
    listed = {c["id"].upper(): c for c in hana.call("GET", "/api/v1/candidates")}
    report.check(all(uid(c) in listed for c in ids["candidates"].values()) and listed[uid(lee_id)].get("erased") is True,
                 f"{label}: the candidate list has all {len(ids['candidates'])} candidates, the erased one marked")

    # Interviews: statuses as stored (M021's "scheduled" for an automatic "in progress").
    interviews = {i["id"].upper(): i for i in hana.call("GET", "/api/v1/interviews")}
    expected = {k: status_after(before["interviews"]["rows"][uid(v)], before, ran) for k, v in ids["interviews"].items()}
    wrong = [f"{k}: API {interviews.get(uid(v), {}).get('status')}, expected {expected[k]}"
             for k, v in ids["interviews"].items() if interviews.get(uid(v), {}).get("status") != expected[k]]
    report.check(not wrong, f"{label}: all {len(ids['interviews'])} interviews listed with their stored status", wrong)

    # The console state of every card, against the events stored for it.
    for card_name, (interview, interviewer) in sorted(part["cards"].items()):
        if not card_name.startswith("ivan-"):
            continue
        card = card_of(before, interview, interviewer)
        events = events_of(before, card)
        view = ivan.call("GET", f"/api/v1/interviews/{interview}/console")
        notes = [json.loads(e["event"])["text"] for e in events if json.loads(e["event"]).get("type") == "noteAdded"]
        shown = [n.get("text") for n in view.get("notes", [])]
        finished = any(json.loads(e["event"]).get("type") == "interviewFinished" for e in events)
        overall = (view.get("summary") or {}).get("overall")
        problems = []
        if view.get("eventCount") != card["event_count"] or view.get("eventCount") != len(events):
            problems.append(f"eventCount {view.get('eventCount')}, stored event_count {card['event_count']}, {len(events)} events")
        if shown != notes:
            problems.append(f"notes {shown} / stored {notes}")
        if bool(view.get("finished")) != finished:
            problems.append(f"finished {view.get('finished')} / stored {finished}")
        if (card["overall"] is None) != (overall is None) or (overall is not None and abs(overall - card["overall"]) > 1e-6):
            problems.append(f"overall {overall} / stored {card['overall']}")
        if (view.get("draft") or "") != (card.get("draft_note") or ""):
            problems.append(f"draft {view.get('draft')!r} / stored {card.get('draft_note')!r}")
        report.check(not problems, f"{label}: console of {card_name}: {len(events)} events, {len(notes)} notes, "
                     f"{'finished' if finished else 'in progress'}, score and draft as stored", problems)

    # The debrief and report of the panel: the cards submitted after the migration, and the others as drafts.
    sun_panel = ids["interviews"]["sun_panel"]
    submitted = {uid(c["interviewer_id"]) for c in after["scorecards"]["rows"].values()
                 if uid(c["interview_id"]) == uid(sun_panel) and c.get("submitted_at") is not None}
    names = {uid(u["id"]): u["name"] for u in before["users"]["rows"].values()}
    debrief = hana.call("GET", f"/api/v1/candidates/{sun_id}/debrief")
    raters = {r.get("name") for r in debrief.get("debrief", {}).get("raters", [])}
    drafts = {d.get("interviewer") for d in debrief.get("drafts", [])}
    report.check(raters == {names[u] for u in submitted},
                 f"{label}: the debrief shows the {len(submitted)} submitted cards ({', '.join(sorted(raters)) or 'none'})",
                 f"raters {raters}, submitted {[names[u] for u in submitted]}")
    unsubmitted = [names[uid(c["interviewer_id"])] for c in after["scorecards"]["rows"].values()
                   if uid(c["interview_id"]) == uid(sun_panel) and c.get("submitted_at") is None]
    report.check(set(unsubmitted) <= drafts, f"{label}: the hiring manager learns of the unsubmitted cards ({', '.join(unsubmitted) or 'none'})",
                 f"drafts {drafts}")
    olga_before = card_of(before, sun_panel, users["olga@example.com"])
    olga_after = card_of(after, sun_panel, users["olga@example.com"])
    if olga_before and olga_before.get("submitted_at") is not None and olga_after.get("submitted_at") is None:
        report.warn(f"{label}: Olga finished her card under {manifest['release']} and has since been deactivated; M016 made it a "
                    f"draft, and nobody can submit it for her: the debrief no longer shows her ratings ({olga_before['event_count']} events)",
                    f"debrief raters now: {sorted(raters) or 'none'}; drafts: {sorted(drafts)}")

    # Writes on upgraded data: Ivan submits (or revises) his card, rates on the in-progress one, the erased
    # candidate's card takes no more text, Hana records a decision, Ada adds a candidate.
    console = f"/api/v1/interviews/{sun_panel}/console/actions"
    ivan_card = card_of(after, sun_panel, users["ivan@example.com"])
    if ivan_card.get("submitted_at") is None:
        status, payload = ivan.status_of("POST", console, body={"clientID": "upgrade-submit-0001", "type": "submit",
                                                                "recommendation": "hire", "summary": "Submitted after the upgrade."})
        report.check(status == 200, f"{label}: Ivan submits his card finished before the upgrade ({status})", str(payload)[:300])
        debrief = hana.call("GET", f"/api/v1/candidates/{sun_id}/debrief")
        report.check(names[uid(users["ivan@example.com"])] in {r.get("name") for r in debrief["debrief"].get("raters", [])},
                     f"{label}: then the debrief shows his ratings")
    kim = ids["interviews"]["kim"]
    view = ivan.call("GET", f"/api/v1/interviews/{kim}/console")
    question = view.get("question")
    if view.get("agenda") == "rate" and question:
        status, payload = ivan.status_of("POST", f"/api/v1/interviews/{kim}/console/actions", body={
            "clientID": "upgrade-rate-0001", "type": "rate", "topic": question["topic"], "question": question["id"], "rating": 2})
        report.check(status == 200 and payload["view"]["eventCount"] > view["eventCount"],
                     f"{label}: Ivan goes on rating the interview in progress ({status})", str(payload)[:300])
    else:
        report.check(False, f"{label}: the interview in progress waits for a rating", f"agenda {view.get('agenda')}")
    status, payload = ivan.status_of("POST", f"/api/v1/interviews/{ids['interviews']['lee']}/console/actions",
                                     body={"clientID": "upgrade-note-0001", "type": "note", "text": "Lee's new employer is Beta."})
    report.check(status == 409 and "candidateErased" in str(payload),
                 f"{label}: the erased candidate's card takes no new note (M015; {status})", str(payload)[:300])
    status, payload = hana.status_of("POST", f"/api/v1/candidates/{sun_id}/decision", body={"outcome": "hire", "rationale": "After the upgrade."})
    report.check(status == 201, f"{label}: Hana records a decision ({status})", str(payload)[:300])
    status, payload = ada.status_of("POST", "/api/v1/candidates", body={"positionID": ids["positions"]["backend"], "name": "New Person",
                                                                        "contact": "new@example.com"})
    report.check(status == 201, f"{label}: Ada adds a candidate to an upgraded position ({status})", str(payload)[:300])


# ---------------------------------------------------------------------------------------------- one fixture

def upgrade_one(report, binary, kind, fixture, manifest, parsed, fresh, fresh_schema, fresh_names, refuse):
    release = manifest["release"]
    label = f"{release}/{kind}"
    part = manifest[kind]
    db = Database(kind, f"{release}_{kind}")
    started = time.time()
    try:
        db.load(fixture)
        before = db.snapshot()
        old_names = migration_names(before)
        ran = [struct_name(n) for n in fresh_names if n not in old_names]
        print(f"--- {label}: {sum(len(t['rows']) for t in before.values())} rows in {len(before)} tables, "
              f"{len(old_names)} migrations; NEW adds {len(ran)}: {', '.join(ran) or 'none'}")

        # With LONG_SESSIONS like the server that uses the data below: the fixture's sessions were made days
        # ago, and the session sweep at start deletes what the timeouts in force have ended.
        server = db.server(binary, args=LONG_SESSIONS)
        try:
            server.start("/readyz")
        except (h.ServerExited, RuntimeError) as error:
            report.check(False, f"{label}: NEW starts on the fixture and migrates it", str(error))
            return
        ready = h.Client(server.base).call("GET", "/readyz")
        status = server.stop()
        report.check(ready.get("ready") is True and ready.get("migrations") == "current",
                     f"{label}: NEW migrates the fixture and /readyz answers {json.dumps(ready)}")
        report.check(status == 0, f"{label}: NEW stops cleanly on SIGTERM (exit {status})")
        after = db.snapshot()
        after_schema = db.schema()

        names = migration_names(after)
        report.check(names == fresh_names, f"{label}: _fluent_migrations lists NEW's {len(fresh_names)} migrations in its order",
                     [f"upgraded: {names}", f"NEW: {fresh_names}"])
        check_rows(report, label, kind, before, after, after_schema, fresh, parsed, ran)
        diffs = schema_differences(after_schema, fresh_schema)
        report.check(not diffs, f"{label}: the upgraded schema equals the schema NEW creates on an empty database", diffs[:20])

        server = db.server(binary, args=LONG_SESSIONS)
        server.start("/readyz")
        try:
            api_checks(report, label, server, manifest, part, before, after, ran)
        finally:
            server.stop()

        if refuse:
            refusal(report, label, db, binary)
    finally:
        db.drop()
        print(f"     ({label}: {time.time() - started:.0f} s)")


def refusal(report, label, db, binary):
    """A database a newer release migrated: NEW must refuse it, name the migration, and leave it as it was."""
    db.execute("INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES "
               + ("('00000000-0000-4000-8000-000000000999', '%s', 99, 4102444800, 4102444800)" if db.kind == "sqlite"
                  else "('00000000-0000-4000-8000-000000000999', '%s', 99, now(), now())") % FUTURE_MIGRATION)
    before = db.snapshot()
    server = db.server(binary)
    status, output = server.run_until_exit(timeout=60)
    after = db.snapshot()
    report.check(status not in (0, None), f"{label}: NEW refuses a database migrated by a newer release (exit {status})",
                 output[-600:])
    report.check(FUTURE_MIGRATION.split(".")[-1] in output, f"{label}: its message names the unknown migration",
                 output[-600:])
    line = next((l for l in output.splitlines() if "M999" in l), "")
    print(f"     (message: {line.strip()[:300]})")
    changes = [l for t, e in h.compare_tables(before, after).items() for l in h.describe_differences(t, e)]
    report.check(not changes and set(before) == set(after), f"{label}: and changes nothing in it", changes)


def reference(binary, kind):
    """The schema and migrations NEW makes on an empty database."""
    db = Database(kind, f"fresh_{kind}")
    try:
        server = db.server(binary)
        server.start("/readyz")
        server.stop()
        snapshot = db.snapshot()
        return snapshot, db.schema(), migration_names(snapshot)
    finally:
        db.drop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the NEW `interview` binary (its *.resources beside it)")
    parser.add_argument("--fixtures", default=os.path.join(HERE, "fixtures"))
    parser.add_argument("--sources", default=os.path.join(REPO, "Sources"), help="for the migrations' source")
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--release", action="append", help="only this fixture (repeatable)")
    args = parser.parse_args()
    started = time.time()
    report = h.Report()
    binary = h.snapshot_binary(args.binary)
    parsed, order = parse_migrations(args.sources)
    manifests = []
    for path in sorted(glob.glob(os.path.join(args.fixtures, "*.manifest.json"))):
        manifest = json.load(open(path, encoding="utf-8"))
        if not args.release or manifest["release"] in args.release:
            manifests.append(manifest)
    if not manifests:
        raise SystemExit(f"no fixtures in {args.fixtures}")
    kinds = [k for k in ("sqlite", "postgres") if args.only in (None, k)]
    if "postgres" in kinds and not h.pg_available():
        report.check(False, "PostgreSQL answers on 127.0.0.1:5432 (needed for the PostgreSQL fixtures)")
        kinds.remove("postgres")
    for kind in kinds:
        fresh, fresh_schema, fresh_names = reference(binary, kind)
        known = [struct_name(n) for n in fresh_names]
        missing = [m for m in order if m not in known]
        if missing:
            report.warn(f"{kind}: the binary does not run migrations the source lists: {missing} (a binary older than the source?)")
        print(f"=== {kind}: NEW runs {len(fresh_names)} migrations ({fresh_names[-1] if fresh_names else '-'} last)")
        for index, manifest in enumerate(manifests):
            fixture = os.path.join(args.fixtures, f"{manifest['release']}.{kind}.sql")
            if kind not in manifest or not os.path.exists(fixture):
                report.check(False, f"{manifest['release']}/{kind}: the fixture {fixture} exists")
                continue
            upgrade_one(report, binary, kind, fixture, manifest, parsed, fresh, fresh_schema, fresh_names,
                        refuse=index == 0)
    print(f"upgrade tests took {time.time() - started:.0f} s")
    sys.exit(report.summary())


if __name__ == "__main__":
    main()
