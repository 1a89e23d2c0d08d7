"""PostgreSQL outage: the database goes away under load and comes back.

The server runs on DATABASE_URL (a database of our own). Five interviewers score (four over HTTP, one
over the console's WebSocket). Then PostgreSQL is stopped (`pg_ctlcluster 15 main stop -m fast`) and
the interviewers keep working for ~10 s, as the console does offline: the unanswered action is sent
again with the same client id, and new actions (notes, corrections of ratings already given) pile up
in each one's queue. Then PostgreSQL is started again and every queue drains.

Checks:
  - every answer to a request made wholly during the outage is 503 with a Retry-After header (over
    the socket: a message with status 503, or the socket closed by the server; a refused socket
    upgrade is a 503 too) — never a 500, never another status, never a dropped connection;
  - no request takes longer than 15 s (the maximum is reported);
  - requests that straddle the stop or the start, or come after it, answer 2xx or 503, never anything else;
  - /healthz answers 200 throughout, /readyz 503 while the database is down and 200 again after;
  - after the restart every queue drains within 45 s; every action ever queued (acknowledged before,
    during or after the outage) is stored exactly once, each card numbered 1..n with no gap, and each
    console shows as many events as the database holds.
"""
import collections
import random
import subprocess
import threading
import time

import harness  # noqa: E402  (PG_CLUSTER)
from harness import (Agent, Client, Outcome, Postgres, Report, Server, SocketClosed, Team, check_cards, check_stored,
                     percentile, probe)

NAME = "pg-outage"
DATABASE = "interviewflow_faults_outage"
INTERVIEWERS = 5
SOCKET_AGENTS = (2,)
OUTAGE_SECONDS = 10
REQUEST_BOUND = 15.0
QUEUE_CAP = 40
DRAIN_SECONDS = 45


class Log:
    """Every request made, with when it started and ended."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []   # (start, end, kind, status, retry_after, detail)

    def add(self, start, end, kind, status, retry_after, detail=""):
        with self.lock:
            self.entries.append((start, end, kind, status, retry_after, detail))


def work(agent, stop, log, offline_rate, rng):
    """One interviewer: sends the head of the queue; while unanswered, keeps typing (queues safe actions)."""
    last_socket_try = 0.0
    while not stop.is_set():
        if agent.socket_mode and agent.socket is None and time.monotonic() - last_socket_try > 1.0:
            last_socket_try = time.monotonic()
            start = time.monotonic()
            opened = agent.open_socket()
            detail = "" if opened else getattr(agent, "socket_error", "")
            status = 101 if opened else handshake_status(detail)
            log.add(start, time.monotonic(), "socket-upgrade", status, None, detail[:200])
        start = time.monotonic()
        via_socket = agent.socket_mode and agent.socket is not None
        agent.last_answer = None
        outcome, status, body, seconds, via, action = agent.step(timeout=REQUEST_BOUND + 5)
        end = time.monotonic()
        retry_after = agent.last_answer.headers.get("retry-after") if (via == "http" and agent.last_answer) else None
        if via_socket and via == "http":
            # The socket dropped mid-action and the action went again over HTTP: that socket ending is logged apart.
            log.add(start, end, "socket-closed", 0, None, getattr(agent, "last_socket_error", ""))
        detail = "" if outcome == Outcome.ACK else str(body)[:200]
        log.add(start, end, via, status, retry_after, detail)
        if outcome == Outcome.ACK:
            agent.last_ack = end
            continue
        # Not acknowledged: the interviewer keeps working; the console queues what they do.
        if len(agent.queue) < QUEUE_CAP and rng.random() < offline_rate:
            agent.offline.add(agent.enqueue(agent.safe_action())["clientID"])
        pause = 0.2
        if retry_after:
            try:
                pause = min(float(retry_after), 0.5)   # honoured, but capped: the test wants many answers
            except ValueError:
                pass
        time.sleep(pause)


def handshake_status(detail):
    # "handshake answered HTTP/1.1 503 Service Unavailable"
    parts = detail.split()
    for index, part in enumerate(parts):
        if part.startswith("HTTP/") and index + 1 < len(parts) and parts[index + 1].isdigit():
            return int(parts[index + 1])
    return 0


def monitor(port, path, stop, log):
    """Probes one path every quarter second (one thread per path: a probe that hangs holds up no other)."""
    while not stop.is_set():
        start = time.monotonic()
        status, headers, body, seconds = probe(port, path, timeout=REQUEST_BOUND + 5)
        log.add(start, time.monotonic(), path, status, headers.get("retry-after"), body[:120].decode(errors="replace"))
        time.sleep(0.25)


def pg(command):
    started = time.monotonic()
    result = subprocess.run(["pg_ctlcluster", "15", harness.PG_CLUSTER] + command, capture_output=True, text=True, timeout=120)
    return time.monotonic() - started, result


def run(binary, rounds, seed, report=None):
    report = report or Report(NAME)
    rng = random.Random(seed)
    database = Postgres(DATABASE).create()
    server = Server(binary, "pg-outage", database_url=database.url)
    stop = threading.Event()
    threads = []
    pg_stopped = False
    try:
        server.start()
        team = Team(server, INTERVIEWERS)
        agents = []
        for index, email in enumerate(team.emails):
            client = Client(server.port, timeout=REQUEST_BOUND + 5).login(email)
            agents.append(Agent(f"iv{index}", client, team.interview([email]), random.Random(rng.random()),
                                socket_mode=index in SOCKET_AGENTS))
            agents[-1].offline = set()          # actions queued while the head went unanswered
            agents[-1].last_ack = 0.0
        log = Log()
        offline_rate = 0.5
        threads = [threading.Thread(target=work, args=(agent, stop, log, offline_rate, random.Random(rng.random())), daemon=True)
                   for agent in agents]
        threads += [threading.Thread(target=monitor, args=(server.port, path, stop, log), daemon=True) for path in ("/healthz", "/readyz")]
        for thread in threads:
            thread.start()

        time.sleep(3)                                     # scoring normally
        before_stop = time.monotonic()
        took, result = pg(["stop", "-m", "fast"])
        pg_stopped = True
        down = time.monotonic()
        report.check(result.returncode == 0, f"pg_ctlcluster stop failed: {result.stderr.strip()}")
        time.sleep(OUTAGE_SECONDS)
        up_begin = time.monotonic()
        took_start, result = pg(["start"])
        pg_stopped = result.returncode != 0
        report.check(result.returncode == 0, f"pg_ctlcluster start failed: {result.stderr.strip()}")
        Postgres.ensure_running()
        up = time.monotonic()

        # The queues drain once the database is back: everything queued offline acknowledged, and every
        # interviewer acknowledged again since.
        deadline = up + DRAIN_SECONDS
        drained_at = None
        while time.monotonic() < deadline:
            if all(agent.offline <= set(agent.acked) and agent.last_ack > up for agent in agents):
                drained_at = time.monotonic()
                break
            time.sleep(0.1)
        time.sleep(1.0)                                   # a little normal scoring after the recovery
        stop.set()
        for thread in threads:
            thread.join(REQUEST_BOUND + 10)
            report.check(not thread.is_alive(), "a client thread still hangs at the end")
        # Whatever is still queued (the action in flight when we stopped) goes once more — unless the
        # server never came back, in which case the checks below say so without waiting on each action.
        for agent in agents:
            agent.close_socket()
            for _ in range(len(agent.queue) if drained_at is not None else 0):
                outcome, status, body, *_ = agent.step(timeout=5)
                report.check(outcome == Outcome.ACK, f"{agent.name}: a queued action answered {status} after the recovery: {str(body)[:200]}")

        # ---- verdicts on the answers ----
        entries = log.entries
        during = [e for e in entries if e[0] >= down and e[1] <= up_begin]
        straddling = [e for e in entries if not (e[0] >= down and e[1] <= up_begin) and e[1] >= before_stop and e[0] <= up]
        writes_during = [e for e in during if e[2] in ("http", "socket", "socket-upgrade")]
        by_status = collections.Counter((e[2], e[3]) for e in writes_during)
        bad_during = [e for e in writes_during if e[3] != 503]
        no_retry = [e for e in writes_during if e[2] == "http" and e[3] == 503 and not e[4]]
        report.check(writes_during, "no console request was answered during the outage at all")
        report.check(not bad_during, f"{len(bad_during)} of {len(writes_during)} answers during the outage were not 503: "
                                     f"{summarise(bad_during)}")
        report.check(not no_retry, f"{len(no_retry)} of the 503 answers during the outage carry no Retry-After header")
        closes = [e for e in during if e[2] == "socket-closed"]
        bad_straddle = [e for e in straddling if e[2] in ("http", "socket", "socket-upgrade") and not (200 <= e[3] < 300 or e[3] in (101, 503))]
        report.check(not bad_straddle, f"{len(bad_straddle)} answers around the stop and the start were neither 2xx nor 503: "
                                       f"{summarise(bad_straddle)}")
        after_up = [e for e in entries if e[0] >= up and e[2] in ("http", "socket", "socket-upgrade")
                    and not (200 <= e[3] < 300 or e[3] in (101, 503))]
        report.check(not after_up, f"{len(after_up)} answers after PostgreSQL was back were neither 2xx nor 503: {summarise(after_up)}")
        slow = [e for e in entries if e[1] - e[0] > REQUEST_BOUND]
        longest = max((e[1] - e[0] for e in entries), default=0)
        report.check(not slow, f"{len(slow)} requests took longer than {REQUEST_BOUND:.0f} s (longest {longest:.1f} s): {summarise(slow)}")
        health = [e for e in entries if e[2] == "/healthz" and e[0] >= before_stop]
        report.check(all(e[3] == 200 for e in health), f"/healthz did not answer 200 throughout: {summarise([e for e in health if e[3] != 200])}")
        ready_during = [e for e in during if e[2] == "/readyz"]
        report.check(ready_during and all(e[3] == 503 for e in ready_during),
                     f"/readyz during the outage answered {collections.Counter(e[3] for e in ready_during)} (expected only 503)")
        final_ready = probe(server.port, "/readyz")[0]
        report.check(final_ready == 200, f"/readyz answers {final_ready} after PostgreSQL is back")
        report.check(drained_at is not None, f"the queued actions were not all applied within {DRAIN_SECONDS} s of PostgreSQL's restart: "
                                             f"{sum(len(a.queue) for a in agents)} still queued")

        if drained_at is None:
            # Which requests still fail: a few fresh connections (each may land on another event loop).
            seen = []
            for _ in range(6):
                fresh = agents[0].client.clone_to(server.port)
                answer = fresh.request("GET", f"/api/v1/interviews/{agents[0].interview_id}/console", timeout=12)
                seen.append(f"{answer.status or 'none'} in {answer.seconds:.1f} s")
                fresh.close()
            report.note(f"{time.monotonic() - up:.0f} s after PostgreSQL was back, GET …/console on 6 fresh connections: "
                        f"{', '.join(seen)}; /readyz {probe(server.port, '/readyz', timeout=12)[0]}")

        # ---- what is stored ----
        sent = {cid: agent for agent in agents for cid in agent.sent}
        acked = {cid for agent in agents for cid in agent.acked}
        never = [cid for cid in sent if cid not in acked]
        report.check(not never, f"{len(never)} queued actions were never acknowledged, e.g. {never[:3]}")
        counts = database.client_id_counts()
        lost, duplicated = check_stored(report, counts, acked)
        check_cards(report, database.cards())
        card_ids = database.card_ids()
        cards = database.cards()
        for agent, email in zip(agents, team.emails):
            card = card_ids.get((agent.interview_id.lower(), team.users[email].lower()))
            agent.client.timeout = 5
            answer = agent.console()
            report.check(answer.status == 200 and answer.json.get("eventCount") == len(cards.get(card, (0, []))[1]),
                         f"{agent.name}'s console shows {answer.json.get('eventCount')} events, the database holds "
                         f"{len(cards.get(card, (0, []))[1])} ({answer.brief(100)})")

        queued_offline = sum(len(agent.offline) for agent in agents)
        latencies = [e[1] - e[0] for e in writes_during]
        recovered = [e[1] for e in entries if e[0] >= up and e[2] in ("http", "socket") and 200 <= e[3] < 300]
        recovery = f"{min(recovered) - up:.2f} s" if recovered else "never"
        unanswered = [e for e in entries if e[3] == 0 and e[2] != "socket-closed" and e[1] >= down]
        report.figures.update(acknowledged=len(acked), lost=lost, duplicated=duplicated)
        report.summary = (f"{up_begin - down:.1f} s outage, {len(writes_during)} answers during it "
                          f"({', '.join(f'{n}× {k[0]} {k[1]}' for k, n in sorted(by_status.items()))}), "
                          f"{len(unanswered)} requests without an answer, max latency {longest:.2f} s, {len(acked)} acknowledged, {lost} lost, {duplicated} duplicated, "
                          f"{queued_offline} queued offline")
        report.note(f"stop took {took:.1f} s, start {took_start:.1f} s; first write acknowledged {recovery} after PostgreSQL was up; "
                    f"queues drained {f'{drained_at - up:.1f} s after' if drained_at else 'never'}; during the outage p50 {percentile(latencies, 0.5):.3f} s, "
                    f"p99 {percentile(latencies, 0.99):.3f} s; {len(closes)} socket closes during the outage")
        statuses_around = collections.Counter(e[3] for e in straddling if e[2] in ("http", "socket"))
        report.note(f"answers around the stop/start: {dict(statuses_around)}; /readyz during: "
                    f"{dict(collections.Counter(e[3] for e in ready_during))}; /healthz: {dict(collections.Counter(e[3] for e in health))}")
        slowest = sorted(entries, key=lambda e: e[0] - e[1])[:3]
        report.note("slowest requests: " + "; ".join(f"{e[2]} {e[3]} in {e[1] - e[0]:.2f} s (started {e[0] - down:+.1f} s from "
                                                     f"the stop)" for e in slowest))
        if bad_during:
            report.note(f"example answer during the outage: {bad_during[0][2]} {bad_during[0][3]} {bad_during[0][5]!r}")
    finally:
        stop.set()
        if pg_stopped:
            pg(["start"])
        Postgres.ensure_running()
        for thread in threads:
            thread.join(REQUEST_BOUND + 10)
        server.kill9()
        server.forget()
        database.drop()
    return report


def summarise(entries, limit=4):
    counts = collections.Counter((e[2], e[3]) for e in entries)
    examples = "; ".join(f"{e[2]} {e[3]} after {e[1] - e[0]:.1f} s {e[5][:120]!r}" for e in entries[:limit])
    return f"{dict(counts)} — {examples}"
