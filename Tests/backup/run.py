"""Backups taken while the server writes, restored, and compared row by row; SQLite and PostgreSQL.

    python3 Tests/backup/run.py --binary .build/debug/interview [--only sqlite|postgres]

SQLite: a server on a data folder, two interviewers posting console actions as fast as the server answers,
and meanwhile `interview backup --data DIR -o FILE` several times. Each backup must pass PRAGMA
integrity_check and foreign_key_check, hold every action acknowledged before the backup started, and be
consistent (each card's event_count is its number of events); `interview restore FILE --data NEWDIR`
must give a database equal to the backup in every row of every table and in its schema, and a server on
NEWDIR must start, sign people in, show each card as stored and take new actions. Also: restore is refused
while a server runs on the folder, backup refuses to overwrite a file, and a backup taken once the writes
stop equals the source database row for row.

PostgreSQL: the same load on a database interviewflow_backup_src, and meanwhile the commands
docs/operations.md gives:

    pg_dump --format=custom --no-owner --file=FILE "$DATABASE_URL"
    psql -c 'CREATE DATABASE newdb OWNER interviewflow'      (as a superuser; an empty database owned by the app's role)
    pg_restore --no-owner --single-transaction --exit-on-error --dbname="$NEW_DATABASE_URL" FILE   (as the app's role)

Each restored database must equal its dump (every table's rows as `pg_restore --data-only` lists them
against COPY … TO STDOUT of the restored database), hold every action acknowledged before pg_dump started,
and be consistent; once the writes stop, a dump restored again must equal the source row for row (and in
schema); a server on the restored database must start and sign people in.

Prints `N passed, M failed` and exits 1 on failure.
"""
import argparse
import collections
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "upgrade"))
import ifharness as h  # noqa: E402

PASSWORD = "a backup test's password"
INTERVIEWERS = ["ivan@example.com", "olga@example.com"]
INTERVIEWS_EACH = 8


# ---------------------------------------------------------------------------------------------- a team and its load

def set_up_team(server):
    """Admin, a hiring manager, two interviewers; a position; per interviewer a few interviews of their own."""
    admin = h.create_first_admin(server, "Ada Admin", "ada@example.com", PASSWORD)
    users = {}
    for email, role in (("hana@example.com", "hiring_manager"), *((e, "interviewer") for e in INTERVIEWERS)):
        users[email] = admin.call("POST", "/api/v1/users", {"name": email.split("@")[0].title(), "email": email,
                                                            "password": PASSWORD, "role": role})["id"]
    hana = h.Client(server.base)
    hana.login("hana@example.com", PASSWORD)
    guide = {g["slug"]: g["id"] for g in hana.call("GET", "/api/v1/guides")}["backend-new-graduate.en"]
    position = hana.call("POST", "/api/v1/positions", {"title": "Backend engineer", "guideID": guide})["position"]["id"]
    for email in INTERVIEWERS:
        hana.call("POST", f"/api/v1/positions/{position}/members", {"email": email})
    interviews = {}
    for email in INTERVIEWERS:
        interviews[email] = []
        for n in range(INTERVIEWS_EACH):
            candidate = hana.call("POST", "/api/v1/candidates", {"positionID": position, "name": f"Candidate {email[0]}{n}",
                                                                  "contact": f"c{n}@example.com", "resumeText": "résumé ✓"})["id"]
            interviews[email].append(hana.call("POST", "/api/v1/interviews", {
                "candidateID": candidate, "scheduledAt": "2026-12-01T10:00", "interviewerIDs": [users[email]]})["id"])
    return admin, interviews


class Writer(threading.Thread):
    """One interviewer scoring interview after interview over the API, as fast as the answers come; records
    the client id and time of every acknowledged action."""

    def __init__(self, base, email, interviews, name):
        super().__init__(daemon=True)
        self.client = h.Client(base)
        self.client.login(email, PASSWORD)
        self.interviews = list(interviews)
        self.prefix = name
        self.acked = []                 # (time acknowledged, client id)
        self.errors = []
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.count = 0

    def acknowledged_ids(self):
        with self.lock:
            return {client_id for _, client_id in self.acked}

    def post(self, interview, body):
        self.count += 1
        client_id = f"{self.prefix}-{self.count:06d}"
        status, payload = self.client.status_of("POST", f"/api/v1/interviews/{interview}/console/actions",
                                                body=dict(body, clientID=client_id))
        if status == 200:
            with self.lock:
                self.acked.append((time.time(), client_id))
            return payload["view"]
        return status, payload

    def run(self):
        try:
            for interview in self.interviews:
                view = self.post(interview, {"type": "start"})
                steps = 0
                while not self.stop_event.is_set():
                    if isinstance(view, tuple):
                        self.errors.append(f"{interview}: HTTP {view[0]}: {str(view[1])[:200]}")
                        return
                    agenda = view.get("agenda")
                    steps += 1
                    if agenda == "finished":
                        break
                    if steps % 4 == 0:
                        body = {"type": "note", "text": f"note {steps} on {interview[:8]} — keep the ü and the \"quotes\""}
                    elif agenda == "rate":
                        body = {"type": "rate", "topic": view["question"]["topic"], "question": view["question"]["id"],
                                "rating": steps % 5}
                    elif agenda in ("gate", "offerJump"):
                        body = {"type": "answer", "topic": view["decision"]["topic"], "gate": view["decision"]["id"],
                                "answer": steps % 2 == 0}
                    else:
                        body = {"type": "moveOn"}
                    view = self.post(interview, body)
                if self.stop_event.is_set():
                    return
            self.errors.append("ran out of interviews before the test ended")
        except Exception as error:          # reported by the test
            self.errors.append(f"{type(error).__name__}: {error}")


def start_writers(base, interviews):
    writers = [Writer(base, email, interviews[email], f"w{n}") for n, email in enumerate(INTERVIEWERS)]
    for writer in writers:
        writer.start()
    return writers


def stop_writers(writers):
    for writer in writers:
        writer.stop_event.set()
    for writer in writers:
        writer.join(timeout=30)


def wait_for_actions(writers, count, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline and sum(len(w.acked) for w in writers) < count:
        time.sleep(0.05)


# ---------------------------------------------------------------------------------------------- checks on a snapshot

def consistency_problems(snapshot):
    """Each card's event_count is the number of its events, numbered 1…n without a gap."""
    seqs = collections.defaultdict(list)
    for row in snapshot["scorecard_events"]["rows"].values():
        seqs[str(row["scorecard_id"]).upper()].append(row["seq"])
    problems = []
    for key, card in snapshot["scorecards"]["rows"].items():
        numbers = sorted(seqs.get(key, []))
        if card["event_count"] != len(numbers) or numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"card {key}: event_count {card['event_count']}, events numbered {numbers[:3]}…{numbers[-3:]} ({len(numbers)})")
    return problems


def client_ids(snapshot):
    return {row["client_id"] for row in snapshot["scorecard_events"]["rows"].values() if row.get("client_id")}


def all_differences(a, b):
    """Every difference between two snapshots, both ways."""
    lines = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            lines.append(f"{table}: only in the {'backup' if table in a else 'restored database'}")
            continue
        entry = h.compare_tables({table: a[table]}, {table: b[table]})[table]
        if a[table]["columns"] != b[table]["columns"]:
            lines.append(f"{table}: columns {a[table]['columns']} / {b[table]['columns']}")
        lines += h.describe_differences(table, entry)
    return lines


def rows_count(snapshot):
    return sum(len(t["rows"]) for t in snapshot.values())


def check_server_on(report, label, server, snapshot, interviews):
    """A server on restored data: ready, people sign in, each interviewer's cards as stored, and new actions taken."""
    ready = h.Client(server.base).call("GET", "/readyz")
    report.check(ready.get("ready") is True, f"{label}: a server on the restored data is ready ({ready})")
    admin = h.Client(server.base)
    report.check(admin.login("ada@example.com", PASSWORD, expect=None) == 200, f"{label}: the admin signs in")
    cards = {(str(c["interview_id"]).upper(), str(c["interviewer_id"]).upper()): c for c in snapshot["scorecards"]["rows"].values()}
    problems, acted = [], 0
    for email in INTERVIEWERS:
        client = h.Client(server.base)
        client.login(email, PASSWORD)
        me = client.whoami()[1]["id"].upper()
        for interview in interviews[email]:
            card = cards.get((interview.upper(), me))
            view = client.call("GET", f"/api/v1/interviews/{interview}/console")
            if (card["event_count"] if card else 0) != view.get("eventCount"):
                problems.append(f"{email} {interview}: console eventCount {view.get('eventCount')}, stored {card and card['event_count']}")
            # A started card takes a note. One not started (no row, or a row with no event yet: a console
            # opened before its "start") takes the start itself: a note there is refused with notStarted,
            # rightly. Both writers walk the same guide in step, so a backup can catch each of them between
            # one interview's end and the next one's start, with no started card left to note on.
            if not view.get("finished") and acted < 2:
                body = {"type": "note", "text": "after the restore"} if view.get("started") else {"type": "start"}
                status, payload = client.status_of("POST", f"/api/v1/interviews/{interview}/console/actions",
                                                   body=dict(body, clientID=f"after-restore-{email[0]}-{acted:03d}"))
                stored = card["event_count"] if card else 0
                if status != 200 or payload["view"]["eventCount"] <= stored:
                    problems.append(f"{email} {interview}: a {body['type']} after the restore answered {status}: {str(payload)[:200]}")
                acted += 1
    report.check(not problems and acted > 0, f"{label}: each card's console shows its stored events, and new actions are taken ({acted})",
                 problems[:10])


# ---------------------------------------------------------------------------------------------- SQLite

def run_binary(binary, *args, timeout=120):
    started = time.time()
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return result.returncode, (result.stdout + result.stderr).strip(), time.time() - started


def sqlite_check(path, pragma):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in db.execute(f"PRAGMA {pragma}")]
    finally:
        db.close()


def sqlite_suite(report, binary, backups):
    print("=== SQLite: interview backup / interview restore while the server writes")
    data = h.temp_folder("backup-data")
    work = h.temp_folder("backup-files")
    server = h.Server(binary, data=data, name="backup-sqlite").start("/readyz")
    admin, interviews = set_up_team(server)
    writers = start_writers(server.base, interviews)
    wait_for_actions(writers, 60)
    taken = []
    try:
        for n in range(backups):
            acked = set().union(*(w.acknowledged_ids() for w in writers))
            path = os.path.join(work, f"backup-{n}.sqlite")
            status, output, seconds = run_binary(binary, "backup", "--data", data, "-o", path)
            report.check(status == 0 and os.path.exists(path), f"sqlite backup {n}: `interview backup` while "
                         f"{sum(len(w.acked) for w in writers)} actions acknowledged so far ({seconds:.1f} s, exit {status})", output)
            taken.append((path, acked))
            wait_for_actions(writers, sum(len(w.acked) for w in writers) + 80)

        # Every candidate's data and every live session id is in these files: the owner's only, whatever
        # the umask of whoever started the server or took the backup.
        exposed = [f"{p} {oct(os.stat(p).st_mode & 0o777)}" for p in
                   [data] + [os.path.join(data, f) for f in os.listdir(data) if f.startswith("interviewflow.sqlite")]
                   + [t[0] for t in taken] if os.stat(p).st_mode & 0o077]
        report.check(not exposed, "sqlite: the data folder, its database files and the backups are readable by their owner only",
                     exposed[:6])

        # Refusals, while the server still runs and writes.
        status, output, _ = run_binary(binary, "restore", taken[0][0], "--data", data)
        report.check(status != 0 and "running" in output, f"sqlite: restore into the folder of a running server is refused "
                     f"(exit {status}: {output[:160]})")
        before = os.path.getsize(taken[0][0])
        status, output, _ = run_binary(binary, "backup", "--data", data, "-o", taken[0][0])
        report.check(status != 0 and os.path.getsize(taken[0][0]) == before and "exists" in output,
                     f"sqlite: backup refuses to overwrite an existing file (exit {status}: {output[:120]})")
    finally:
        stop_writers(writers)
    errors = [e for w in writers for e in w.errors]
    total = sum(len(w.acked) for w in writers)
    report.check(not errors, f"sqlite: the writers saw no error during the backups ({total} actions acknowledged)", errors[:5])

    # A backup of the quiet server equals the source.
    quiet = os.path.join(work, "backup-quiet.sqlite")
    status, output, _ = run_binary(binary, "backup", "--data", data, "-o", quiet)
    server_status = server.stop()
    source = h.sqlite_snapshot(os.path.join(data, "interviewflow.sqlite"))
    differences = all_differences(h.sqlite_snapshot(quiet), source) if status == 0 else [output]
    report.check(not differences, f"sqlite: a backup taken once the writes stopped equals the source in all "
                 f"{rows_count(source)} rows", differences[:15])
    report.check(server_status == 0, f"sqlite: the server stops cleanly (exit {server_status})")
    report.check(all(w.acknowledged_ids() <= client_ids(source) for w in writers),
                 "sqlite: every acknowledged action is in the source database")

    for n, (path, acked) in enumerate(taken):
        label = f"sqlite backup {n}"
        integrity = sqlite_check(path, "integrity_check")
        foreign = sqlite_check(path, "foreign_key_check")
        report.check(integrity == [("ok",)] and not foreign, f"{label}: integrity_check ok, foreign_key_check empty",
                     f"{integrity[:5]} {foreign[:5]}")
        snapshot = h.sqlite_snapshot(path)
        missing = acked - client_ids(snapshot)
        report.check(not missing, f"{label}: all {len(acked)} actions acknowledged before it started are in it "
                     f"({len(client_ids(snapshot))} in all)", sorted(missing)[:10])
        report.check(not consistency_problems(snapshot), f"{label}: every card's event_count matches its events",
                     consistency_problems(snapshot)[:10])
        restored = h.temp_folder(f"restored-{n}")
        status, output, seconds = run_binary(binary, "restore", path, "--data", restored)
        report.check(status == 0, f"{label}: `interview restore` into a new folder ({seconds:.1f} s, exit {status})", output)
        database = os.path.join(restored, "interviewflow.sqlite")
        differences = all_differences(snapshot, h.sqlite_snapshot(database))
        report.check(not differences, f"{label}: the restored database equals the backup in all {rows_count(snapshot)} rows "
                     f"of {len(snapshot)} tables", differences[:15])
        report.check(h.sqlite_schema(database) == h.sqlite_schema(path), f"{label}: and in its schema")
        if n in (0, len(taken) - 1):
            server = h.Server(binary, data=restored, name=f"restored-{n}")
            try:
                server.start("/readyz")
                check_server_on(report, label, server, snapshot, interviews)
            except (h.ServerExited, RuntimeError) as error:
                report.check(False, f"{label}: a server starts on the restored folder", str(error))
            finally:
                server.stop()

    # What `backup` leaves beside its file: one self-contained file is what an operator copies away.
    extra = sorted(f for f in os.listdir(work) if re.fullmatch(r"backup-\d+\.sqlite-(wal|shm)", f))
    if extra:
        report.warn(f"sqlite: `interview backup` leaves {len(extra)} files beside its backups ({', '.join(extra[:4])}…): the copy "
                    f"keeps the source's WAL mode, and the read-only integrity check cannot remove the -wal/-shm it opened")

    # Refusals that protect the data: nothing to back up; a damaged or foreign file is not restored over data.
    empty = h.temp_folder("backup-empty")
    target = os.path.join(work, "from-empty.sqlite")
    status, output, _ = run_binary(binary, "backup", "--data", empty, "-o", target)
    report.check(status != 0 and not os.path.exists(target), f"sqlite: backup of a folder without a database fails "
                 f"and writes nothing (exit {status}: {output[:120]})")
    original = h.sqlite_snapshot(os.path.join(data, "interviewflow.sqlite"))
    garbage = os.path.join(work, "garbage.sqlite")
    with open(garbage, "wb") as f:
        f.write(b"this is not a database\n" * 100)
    truncated = os.path.join(work, "truncated.sqlite")
    with open(taken[-1][0], "rb") as f:
        whole = f.read()
    with open(truncated, "wb") as f:
        f.write(whole[: len(whole) // 2])
    for name, path in (("a file that is not a database", garbage), ("a truncated backup", truncated),
                       ("a missing file", os.path.join(work, "missing.sqlite"))):
        status, output, _ = run_binary(binary, "restore", path, "--data", data)
        after = h.sqlite_snapshot(os.path.join(data, "interviewflow.sqlite"))
        report.check(status != 0 and not all_differences(original, after),
                     f"sqlite: restoring {name} is refused and leaves the folder's database as it was (exit {status}: {output[:100]})")

    # Restoring over an existing database (a server's folder, stopped) replaces it entirely.
    status, output, _ = run_binary(binary, "restore", taken[0][0], "--data", data)
    differences = all_differences(h.sqlite_snapshot(taken[0][0]), h.sqlite_snapshot(os.path.join(data, "interviewflow.sqlite")))
    report.check(status == 0 and not differences, f"sqlite: restoring backup 0 over the stopped server's newer database "
                 f"gives exactly backup 0 (exit {status})", ([output] if status else []) + differences[:10])
    server = h.Server(binary, data=data, name="backup-sqlite-again")
    try:
        server.start("/readyz")
        check_server_on(report, "sqlite restored over the old folder", server, h.sqlite_snapshot(taken[0][0]), interviews)
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------- PostgreSQL

PG_DUMP = ["pg_dump", "--format=custom", "--no-owner"]
PG_RESTORE = ["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error"]


def copy_blocks(dump_file):
    """{table: Counter of data lines} as the dump holds them (`pg_restore --data-only --file=-`)."""
    text = subprocess.run(["pg_restore", "--data-only", "--file=-", dump_file], capture_output=True, text=True, check=True).stdout
    tables, current = {}, None
    for line in text.split("\n"):
        if current is None:
            match = re.match(r'COPY public\.("?)([\w]+)\1 \(.*\) FROM stdin;$', line)
            if match:
                current = match.group(2)
                tables[current] = collections.Counter()
        elif line == "\\.":
            current = None
        else:
            tables[current][line] = tables[current][line] + 1
    return tables


def copy_rows(name, tables):
    out = {}
    for table in tables:
        text = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", h.pg_libpq_url(name), "-c",
                               f'COPY public."{table}" TO STDOUT'], capture_output=True, text=True, check=True).stdout
        out[table] = collections.Counter(l for l in text.split("\n") if l)
    return out


def pg_restore_into(report, label, dump_file, name):
    h.pg_create(name)
    started = time.time()
    # The server's own DATABASE_URL (postgres://…?sslmode=disable) is a connection string libpq takes as it is.
    result = subprocess.run(PG_RESTORE + [f"--dbname={h.pg_url(name)}", dump_file], capture_output=True, text=True)
    report.check(result.returncode == 0 and not result.stderr.strip(),
                 f"{label}: pg_restore --no-owner --single-transaction --exit-on-error into a new database ({time.time() - started:.1f} s, exit {result.returncode})",
                 result.stderr[-800:])


def pg_suite(report, binary, dumps):
    print("=== PostgreSQL: pg_dump / pg_restore while the server writes")
    source = h.pg_create("interviewflow_backup_src")
    work = h.temp_folder("pg-dumps")
    server = h.Server(binary, database_url=h.pg_url(source), name="backup-pg").start("/readyz")
    admin, interviews = set_up_team(server)
    writers = start_writers(server.base, interviews)
    wait_for_actions(writers, 60)
    taken = []
    try:
        for n in range(dumps):
            acked = set().union(*(w.acknowledged_ids() for w in writers))
            path = os.path.join(work, f"dump-{n}.pgdump")
            started = time.time()
            result = subprocess.run(PG_DUMP + [f"--file={path}", h.pg_url(source)], capture_output=True, text=True)
            report.check(result.returncode == 0 and not result.stderr.strip(),
                         f"pg dump {n}: pg_dump --format=custom --no-owner while the server writes "
                         f"({time.time() - started:.1f} s, exit {result.returncode})", result.stderr[-500:])
            taken.append((path, acked))
            wait_for_actions(writers, sum(len(w.acked) for w in writers) + 80)
    finally:
        stop_writers(writers)
    errors = [e for w in writers for e in w.errors]
    report.check(not errors, f"pg: the writers saw no error during the dumps ({sum(len(w.acked) for w in writers)} actions acknowledged)",
                 errors[:5])

    for n, (path, acked) in enumerate(taken):
        label = f"pg dump {n}"
        restored = f"interviewflow_backup_restored_{n}"
        pg_restore_into(report, label, path, restored)
        in_dump = copy_blocks(path)
        in_restored = copy_rows(restored, in_dump)
        differences = []
        for table in sorted(in_dump):
            only_dump = in_dump[table] - in_restored[table]
            only_restored = in_restored[table] - in_dump[table]
            differences += [f"{table}: only in the dump: {h.short(l)}" for l in list(only_dump)[:3]]
            differences += [f"{table}: only restored: {h.short(l)}" for l in list(only_restored)[:3]]
        rows = sum(sum(c.values()) for c in in_dump.values())
        report.check(not differences and rows > 0, f"{label}: the restored database holds exactly the dump's {rows} rows "
                     f"of {len(in_dump)} tables", differences[:15])
        snapshot = h.pg_snapshot(restored)
        missing = acked - client_ids(snapshot)
        report.check(not missing, f"{label}: all {len(acked)} actions acknowledged before pg_dump started are in it "
                     f"({len(client_ids(snapshot))} in all)", sorted(missing)[:10])
        report.check(not consistency_problems(snapshot), f"{label}: every card's event_count matches its events",
                     consistency_problems(snapshot)[:10])
        h.pg_drop(restored)

    # Writes stopped: dump, restore, and the restored database equals the source row for row.
    path = os.path.join(work, "dump-quiet.pgdump")
    result = subprocess.run(PG_DUMP + [f"--file={path}", h.pg_url(source)], capture_output=True, text=True)
    report.check(result.returncode == 0, "pg: pg_dump once the writes stopped", result.stderr[-500:])
    restored = "interviewflow_backup_restored_quiet"
    pg_restore_into(report, "pg quiet dump", path, restored)
    server.stop()
    source_rows, restored_rows = h.pg_snapshot(source), h.pg_snapshot(restored)
    differences = all_differences(source_rows, restored_rows)
    report.check(not differences, f"pg: the restored database equals the source in all {rows_count(source_rows)} rows of "
                 f"{len(source_rows)} tables", differences[:15])
    report.check(h.pg_schema(source) == h.pg_schema(restored), "pg: and in its schema (columns, constraints, indexes)")
    report.check(all(w.acknowledged_ids() <= client_ids(source_rows) for w in writers), "pg: every acknowledged action is in the source")
    server = h.Server(binary, database_url=h.pg_url(restored), name="backup-pg-restored")
    try:
        server.start("/readyz")
        check_server_on(report, "pg restored", server, restored_rows, interviews)
    except (h.ServerExited, RuntimeError) as error:
        report.check(False, "pg restored: a server starts on the restored database", str(error))
    finally:
        server.stop()
    h.pg_drop(restored)
    h.pg_drop(source)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--backups", type=int, default=4, help="backups (and dumps) taken during the load")
    args = parser.parse_args()
    started = time.time()
    report = h.Report()
    binary = h.snapshot_binary(args.binary)
    if args.only != "postgres":
        sqlite_suite(report, binary, args.backups)
        print(f"     (SQLite: {time.time() - started:.0f} s)")
    if args.only != "sqlite":
        if h.pg_available():
            middle = time.time()
            pg_suite(report, binary, max(2, args.backups - 1))
            print(f"     (PostgreSQL: {time.time() - middle:.0f} s)")
        else:
            report.check(False, "PostgreSQL answers on 127.0.0.1:5432")
    print(f"backup tests took {time.time() - started:.0f} s")
    sys.exit(report.summary())


if __name__ == "__main__":
    main()
