"""Two instances on one PostgreSQL database.

Servers A and B run on different ports with the same DATABASE_URL. A panel interview has two
interviewers: iv0 signed in on A, iv1 on B. iv0's scorecard is written from two "tabs" at once — one
session on A, another on B — each a thread sending many actions one at a time (notes and corrections
of ratings already given, which fit whatever the other tab did), every one with its own client id.
An action that is not acknowledged is sent again with the same id until it is. Meanwhile iv1 walks
her own card through B.

Checks:
  - no lost update: every acknowledged action of either tab is stored exactly once; iv0's card's events
    are numbered 1..n with no gap (one total order) and its event_count is n;
  - never a 500; "try again" is allowed — 503 with Retry-After when one tab kept losing the race to the
    other (the console keeps the action queued and sends it again), or 409 — and such answers are counted;
  - each tab's acknowledged actions, sent again through the *other* instance, are answered as
    duplicates and add nothing;
  - the final console view read through A and through B is identical (clocks aside) and shows n events;
  - a session cookie from A works on B (read and write);
  - logging out on A: the cookie is refused on B on the very next request (HTTP 401) and B's open
    console socket answers its next message with 401;
  - an admin deactivating a user on A: that user's session is refused on B on the very next request
    (HTTP 401), and B's open console socket answers its next message with 401.
"""
import collections
import random
import threading
import time

from harness import (Agent, Client, ConsoleSocket, Outcome, PgLog, Postgres, Report, Server, SocketClosed, Team, check_cards,
                     check_stored, new_client_id, percentile, view_signature)

NAME = "two-instances"
DATABASE = "interviewflow_faults_two"
ACTIONS_PER_TAB = 300
MAX_TRIES = 30


# Answers that mean "not applied, send it again": the server lost the race for the card to the other
# instance more often than it retries by itself.
RETRYABLE = (409, 503)


def hammer(agent, count, stats, lock, problems):
    """Sends `count` actions that fit any state, each until acknowledged (same client id)."""
    for _ in range(count):
        agent.enqueue(agent.safe_action())
        for attempt in range(MAX_TRIES):
            outcome, status, body, seconds, via, action = agent.step(timeout=20)
            with lock:
                stats[status] += 1
                if outcome != Outcome.ACK and status not in RETRYABLE:
                    problems.append(f"{agent.name}: {action['type']} answered {status} {str(body)[:160]!r}")
            if outcome == Outcome.ACK:
                break
            if outcome == Outcome.REFUSED:
                # Dropped from the queue by step(); a conflict between the instances is worth another try.
                agent.queue.insert(0, action)
            time.sleep(0.01 * attempt)
        else:
            with lock:
                problems.append(f"{agent.name}: an action was not acknowledged after {MAX_TRIES} tries")
            agent.queue.clear()


def walk(agent, count, stats, lock, problems):
    for _ in range(count):
        outcome, status, body, *_ = agent.step(timeout=20)
        with lock:
            stats[status] += 1
            if outcome != Outcome.ACK:
                problems.append(f"{agent.name} (her own card): answered {status} {str(body)[:160]!r}")
            if outcome != Outcome.REFUSED:
                time.sleep(0.05)


def signed_in(client, path="/api/v1/interviews"):
    return client.request("GET", path).status


def socket_message_status(socket, interview_id, rng):
    """Sends one note on an open console socket: the status answered, or 'closed' if none came."""
    try:
        socket.send({"clientID": new_client_id(rng), "type": "note", "text": "after the session ended"})
        return socket.receive(timeout=20).get("status")
    except SocketClosed as error:
        return f"closed ({error})"


def run(binary, rounds, seed, report=None):
    report = report or Report(NAME)
    rng = random.Random(seed)
    database = Postgres(DATABASE).create()
    a = Server(binary, "two-a", database_url=database.url)
    b = Server(binary, "two-b", database_url=database.url)
    try:
        a.start()
        team = Team(a, 4)
        b.start()
        iv0, iv1, iv2, iv3 = team.emails
        interview = team.interview([iv0, iv1])
        tab_a = Agent("iv0@A", Client(a.port).login(iv0), interview, random.Random(rng.random()), note_share=0.4)
        tab_b = Agent("iv0@B", Client(b.port).login(iv0), interview, random.Random(rng.random()), note_share=0.4)
        olga = Agent("iv1@B", Client(b.port).login(iv1), interview, random.Random(rng.random()))
        # Tab A walks the card until five questions are rated; tab B opens the same card.
        for _ in range(300):
            outcome, status, body, *_ = tab_a.step()
            if outcome != Outcome.ACK:
                raise RuntimeError(f"set-up walk on A: {status} {str(body)[:200]}")
            if len(tab_a.rated) >= 5 and not tab_a.queue:
                break
        tab_b.rated = list(tab_a.rated)
        tab_b.view = tab_b.console().json
        report.check(tab_b.view.get("eventCount") == tab_a.view.get("eventCount"),
                     f"B's console shows {tab_b.view.get('eventCount')} events of the card A wrote {tab_a.view.get('eventCount')}")

        # -- the same card from two tabs on two instances at once ----------------------------------
        lock = threading.Lock()
        stats = collections.Counter()
        problems = []
        pg_log = PgLog(DATABASE)
        threads = [threading.Thread(target=hammer, args=(tab, ACTIONS_PER_TAB, stats, lock, problems), daemon=True)
                   for tab in (tab_a, tab_b)]
        threads.append(threading.Thread(target=walk, args=(olga, ACTIONS_PER_TAB // 2, stats, lock, problems), daemon=True))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
            report.check(not thread.is_alive(), "a tab's thread hangs")
        took = time.monotonic() - started
        kinds = collections.Counter(" ".join(p.split(": ", 1)[1].split()[:3]) for p in problems)
        report.check(not problems, f"{len(problems)} answers while two instances wrote were neither 2xx nor a 'try again' (409/503) "
                                   f"({dict(kinds)}): {problems[:2]}")
        database_errors = pg_log.summary()

        acked = {cid: tab for tab in (tab_a, tab_b, olga) for cid in tab.acked}
        counts = database.client_id_counts()
        lost, duplicated = check_stored(report, counts, acked)
        cards = database.cards()
        check_cards(report, cards)
        card_ids = database.card_ids()
        card = card_ids.get((interview.lower(), team.users[iv0].lower()))
        events = len(cards.get(card, (0, []))[1])

        # Each tab's acknowledged actions, sent again through the other instance: duplicates, nothing added.
        before = tab_a.console().json.get("eventCount")
        not_duplicate = []
        for sender, other in ((tab_b, tab_a), (tab_a, tab_b)):
            for cid in other.acked_order:
                answer = sender.client.request("POST", sender.path, body=other.sent[cid])
                if not (answer.status == 200 and answer.json.get("duplicate") is True):
                    not_duplicate.append(f"{other.name}'s {cid} via {sender.name}: {answer.brief(120)}")
        report.check(not not_duplicate, f"{len(not_duplicate)} acknowledged actions resent through the other instance were not "
                                        f"answered as duplicates: {not_duplicate[:3]}")
        view_a = tab_a.console().json
        view_b = tab_b.console().json
        report.check(view_a.get("eventCount") == before, f"resending through the other instance changed the event count "
                                                         f"from {before} to {view_a.get('eventCount')}")
        report.check(view_signature(view_a) == view_signature(view_b),
                     f"the card read through A and through B differs: {difference(view_signature(view_a), view_signature(view_b))}")
        report.check(view_a.get("eventCount") == events == view_b.get("eventCount"),
                     f"the console shows {view_a.get('eventCount')} events on A and {view_b.get('eventCount')} on B, the database holds {events}")
        statuses = stats

        # -- sessions across instances -------------------------------------------------------------
        crossing = tab_a.client.clone_to(b.port)
        who = crossing.request("GET", "/api/v1/session")
        report.check(who.status == 200 and (who.json.get("user") or {}).get("email") == iv0,
                     f"A's session cookie on B: GET /api/v1/session answers {who.brief(160)}")
        write = crossing.request("POST", tab_a.path, body={"clientID": new_client_id(rng), "type": "note", "text": "cookie from A, on B"})
        report.check(write.status == 200, f"A's session cookie (and its CSRF token) on B cannot write: {write.brief(160)}")

        # Logout on A; B refuses the cookie at once (HTTP, and the socket B has open).
        leaver_a = Client(a.port).login(iv1)
        leaver_b = leaver_a.clone_to(b.port)
        report.check(signed_in(leaver_b) == 200, "a fresh session from A is not signed in on B")
        socket = open_socket(report, leaver_b, interview, "before logout")
        out = leaver_a.request("DELETE", "/api/v1/session")
        report.check(out.status == 204, f"logout on A answered {out.brief()}")
        after = signed_in(leaver_b)
        report.check(after == 401, f"the cookie logged out on A still answers {after} on B on the next request (expected 401)")
        if socket:
            status = socket_message_status(socket, interview, rng)
            report.check(status == 401, f"B's console socket of the session logged out on A answers its next message with {status} (expected 401)")
            socket.close()

        # Deactivation by the admin on A; B refuses that user's session at once.
        victim_b = Client(b.port).login(iv2)
        victim_interview = team.interview([iv2])
        report.check(signed_in(victim_b) == 200, "the session on B is not signed in before the deactivation")
        socket = open_socket(report, victim_b, victim_interview, "before deactivation")
        off = team.admin.request("POST", f"/users/{team.users[iv2]}/active", form={"csrf": team.admin.csrf, "active": "false"})
        report.check(off.status in (302, 303), f"deactivating on A answered {off.brief()}")
        after = signed_in(victim_b)
        report.check(after == 401, f"the session of a user deactivated on A still answers {after} on B on the next request (expected 401)")
        if socket:
            status = socket_message_status(socket, victim_interview, rng)
            report.check(status == 401, f"B's console socket of the user deactivated on A answers its next message with {status} (expected 401)")
            socket.close()

        latencies = tab_a.latencies + tab_b.latencies
        report.figures.update(acknowledged=len(acked), lost=lost, duplicated=duplicated)
        report.summary = (f"{len(tab_a.acked) + len(tab_b.acked)} actions on one card from two instances in {took:.1f} s "
                          f"({len(acked)} acknowledged in all), {lost} lost, {duplicated} duplicated, events 1..{events}; "
                          f"answers {dict(statuses)}")
        report.note(f"latency p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms; "
                    f"{statuses.get(409, 0) + statuses.get(503, 0)} answers to try again, sent again")
        if database_errors:
            report.note(f"PostgreSQL's log while both wrote: {database_errors}")
    finally:
        a.kill9()
        b.kill9()
        a.forget()
        b.forget()
        database.drop()
    return report


def open_socket(report, client, interview, when):
    try:
        return ConsoleSocket(client, interview)
    except (SocketClosed, OSError) as error:
        report.fail(f"the console socket on B does not open {when}: {error}")
        return None


def difference(one, other, path=""):
    if type(one) is not type(other):
        return f"{path}: {str(one)[:80]} vs {str(other)[:80]}"
    if isinstance(one, dict):
        for key in sorted(set(one) | set(other)):
            if one.get(key) != other.get(key):
                return difference(one.get(key), other.get(key), f"{path}.{key}")
    if isinstance(one, list):
        if len(one) != len(other):
            return f"{path}: {len(one)} items vs {len(other)}"
        for index, (x, y) in enumerate(zip(one, other)):
            if x != y:
                return difference(x, y, f"{path}[{index}]")
    return f"{path}: {str(one)[:80]} vs {str(other)[:80]}"
