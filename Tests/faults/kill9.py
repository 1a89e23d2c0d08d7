"""kill -9 on SQLite: interviewers score continuously, the server is SIGKILLed at a random moment, and
restarted on the same data folder.

Per round:
  1. Six interviewers, each signed in with a client of their own on an interview of their own (four
     over HTTP, two over the console's WebSocket), post actions one at a time: start, move on, ratings,
     gate answers (go deeper yes and no, alternately), picks, notes; after the walk, corrections of
     ratings and more notes.
  2. At a random moment (seeded) the server gets SIGKILL.
  3. With the server dead, the SQLite file is opened read-only: PRAGMA integrity_check is "ok"; every
     action that got a 2xx before the kill (in this round or any earlier one) is in scorecard_events
     exactly once (counted by client id); no client id is there twice; each card's events are numbered
     1..n with no gap and its event_count is n.
  4. Restart on the same folder, wait for /readyz. Each interviewer's console (GET …/console) shows as
     many events as the file holds for the card (the server replayed exactly what is on disk). The
     action that was in flight at the kill (sent, no answer) is sent again with the same client id and
     applied once (a duplicate if it had been committed). Then every action acknowledged in the round,
     plus a sample of older ones, is sent again: each is answered 200 with duplicate=true, and the
     card's event count does not move.
"""
import random
import threading
import time

from harness import (Agent, Client, Outcome, Report, Server, SQLiteFile, Team, check_cards, check_stored,
                     percentile)

NAME = "kill-9"
INTERVIEWERS = 6
SOCKET_AGENTS = (1, 4)          # these two use the console's WebSocket
ROTATE_AFTER_EVENTS = 700       # a new interview once a card is this long (answers carry every note)
OLD_SAMPLE = 30                 # acknowledged actions of earlier rounds resent each round, per interviewer


def load(agent, killed, report, stats, lock):
    """Sends until the server dies under it."""
    while True:
        outcome, status, body, seconds, via, action = agent.step(timeout=15)
        if outcome == Outcome.NO_ANSWER:
            if killed.is_set():
                return
            # The server is up: a kept-alive connection went stale. The console would resend; so do we.
            with lock:
                stats["stale"] += 1
            time.sleep(0.01)
            continue
        if outcome == Outcome.FAILED:
            with lock:
                report.fail(f"{agent.name}: {action['type']} answered {status} while the server was up: {str(body)[:200]}")
            time.sleep(0.05)
        elif outcome == Outcome.REFUSED:
            with lock:
                report.fail(f"{agent.name}: {action['type']} refused with {status}: {str(body)[:200]}")
        if killed.is_set() and outcome != Outcome.ACK:
            return


def run(binary, rounds, seed, report=None):
    report = report or Report(NAME)
    rng = random.Random(seed)
    server = Server(binary, "kill9")
    server.start()
    db = SQLiteFile(server.data)
    try:
        team = Team(server, INTERVIEWERS)
        agents = []
        for index, email in enumerate(team.emails):
            client = Client(server.port, timeout=15).login(email)
            agents.append(Agent(f"iv{index}", client, team.interview([email]), random.Random(rng.random()),
                                socket_mode=index in SOCKET_AGENTS))
        user_ids = {agent.name: team.users[email].lower() for agent, email in zip(agents, team.emails)}
        acked_total = {}
        lost_total = duplicated_total = 0
        in_flight_total = in_flight_applied = 0
        resent_total = 0
        kill_delays = []
        stats = {"stale": 0}
        lock = threading.Lock()
        restarts = []

        for round_number in range(1, rounds + 1):
            # -- load, then SIGKILL at a random moment --------------------------------------------
            for agent in agents:
                if agent.socket_mode and agent.socket is None:
                    report.check(agent.open_socket(), f"round {round_number}: {agent.name}'s console socket does not open: "
                                                      f"{getattr(agent, 'socket_error', '')}")
            round_acked_before = {agent.name: len(agent.acked_order) for agent in agents}
            killed = threading.Event()
            threads = [threading.Thread(target=load, args=(agent, killed, report, stats, lock), daemon=True) for agent in agents]
            for thread in threads:
                thread.start()
            delay = rng.uniform(0.3, 2.5)
            kill_delays.append(delay)
            time.sleep(delay)
            killed.set()
            server.kill9()
            for thread in threads:
                thread.join(60)
                report.check(not thread.is_alive(), f"round {round_number}: an interviewer thread hangs after the kill")
            for agent in agents:
                agent.close_socket()
                agent.client.close()

            # -- the file, with the server dead ---------------------------------------------------
            integrity = db.integrity()
            report.check(integrity == "ok", f"round {round_number}: PRAGMA integrity_check after SIGKILL says {integrity!r}")
            for agent in agents:
                acked_total.update(agent.acked)
            counts = db.client_id_counts()
            lost, duplicated = check_stored(report, counts, acked_total, f"round {round_number}: ")
            lost_total += lost
            duplicated_total += duplicated
            cards = db.cards()
            check_cards(report, cards, f"round {round_number}: ")
            card_ids = db.card_ids()

            # -- restart on the same folder -------------------------------------------------------
            started = time.monotonic()
            server.start()
            restarts.append(time.monotonic() - started)

            # The console after the restart shows what the file holds, nothing more or less.
            for agent in agents:
                card = card_ids.get((agent.interview_id.lower(), user_ids[agent.name]))
                answer = agent.console()
                if report.check(answer.status == 200, f"round {round_number}: {agent.name}'s console answers {answer.brief()} after the restart"):
                    on_disk = len(cards.get(card, (0, []))[1])
                    report.check(answer.json.get("eventCount") == on_disk,
                                 f"round {round_number}: {agent.name}'s console shows {answer.json.get('eventCount')} events after the "
                                 f"restart, the file holds {on_disk}")
                    agent.view = answer.json

            # The action in flight at the kill, sent again with the same client id.
            for agent in agents:
                if not agent.queue:
                    continue
                in_flight_total += 1
                head = agent.queue[0]["clientID"]
                was_stored = counts.get(head, 0)
                outcome, status, body, *_ = agent.step(timeout=15)
                if report.check(outcome == Outcome.ACK, f"round {round_number}: {agent.name}'s action in flight at the kill, "
                                                        f"sent again, answered {status}: {str(body)[:200]}"):
                    if was_stored:
                        in_flight_applied += 1
                    report.check(bool(body.get("duplicate")) == bool(was_stored),
                                 f"round {round_number}: {agent.name}'s action in flight at the kill was "
                                 f"{'stored' if was_stored else 'not stored'} but the resend says duplicate={body.get('duplicate')}")

            # Every action acknowledged this round, and a sample of older ones, again: duplicates, nothing added.
            def resend_all(agent, chosen):
                before = agent.console().json.get("eventCount")
                for client_id in chosen:
                    status, body, via = agent.resend(client_id, timeout=15)
                    with lock:
                        report.check(status == 200 and body.get("duplicate") is True,
                                     f"round {round_number}: {agent.name}'s acknowledged action {client_id} resent ({via}) answered "
                                     f"{status} duplicate={body.get('duplicate') if isinstance(body, dict) else None}: {str(body)[:150]}")
                after = agent.console().json.get("eventCount")
                with lock:
                    report.check(before == after, f"round {round_number}: resending {agent.name}'s acknowledged actions "
                                                  f"changed the card's event count from {before} to {after}")

            workers = []
            for agent in agents:
                start = round_acked_before[agent.name]
                fresh = [cid for cid in agent.acked_order[start:] if agent.acked[cid] == agent.interview_id]
                older = [cid for cid in agent.acked_order[:start] if agent.acked[cid] == agent.interview_id]
                chosen = fresh + rng.sample(older, min(OLD_SAMPLE, len(older)))
                resent_total += len(chosen)
                if agent.socket_mode:
                    agent.open_socket()
                workers.append(threading.Thread(target=resend_all, args=(agent, chosen), daemon=True))
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(300)

            # Long cards make every answer long (it lists every note): move on to a new interview.
            for index, agent in enumerate(agents):
                if agent.view and agent.view.get("eventCount", 0) > ROTATE_AFTER_EVENTS and not agent.queue:
                    agent.switch_interview(team.interview([team.emails[index]]))

            if round_number % 10 == 0 or round_number == rounds:
                print(f"      round {round_number}/{rounds}: {len(acked_total)} acknowledged so far, "
                      f"{lost_total} lost, {duplicated_total} duplicated", flush=True)

        for agent in agents:
            acked_total.update(agent.acked)
        latencies = [s for agent in agents for s in agent.latencies]
        report.figures.update(rounds=rounds, acknowledged=len(acked_total), lost=lost_total, duplicated=duplicated_total)
        report.summary = (f"{rounds} rounds, {len(acked_total)} acknowledged, {lost_total} lost, {duplicated_total} duplicated "
                          f"({in_flight_total} in flight at kills, {in_flight_applied} of them already committed; "
                          f"{resent_total} resent as duplicates)")
        report.note(f"restart to /readyz: median {percentile(restarts, 0.5):.2f} s, max {max(restarts):.2f} s; "
                    f"action latency p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms; "
                    f"{stats['stale']} stale keep-alive retries")
    finally:
        server.kill9()
        server.forget()
    return report
