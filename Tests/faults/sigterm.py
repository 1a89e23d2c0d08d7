"""SIGTERM under load on SQLite: a stop (systemctl stop, a deploy) while interviewers score and others read.

An operator's probe found every such stop a crash: Vapor returned from its run loop at the signal and shut
the database down while requests were still being answered, which then reached it ("Fatal error" in
Request.db, exit status 132). The server now closes the console sockets, stops taking connections and
finishes the requests it holds before anything else shuts down (WebServer.drain).

Per round:
  1. Four interviewers post console actions (two over the WebSocket), and two readers list positions and
     interviews, all without pause.
  2. At a random moment (seeded) the server gets SIGTERM.
  3. It exits with status 0 within 20 s, and its output says nothing of a crash.
  4. With the server stopped, PRAGMA integrity_check is "ok" and every action acknowledged before the stop
     is in scorecard_events exactly once.
  5. Restart on the same folder; the next round goes on from there.
"""
import random
import threading
import time

from harness import Agent, Client, Outcome, Report, Server, SQLiteFile, Team, check_cards, check_stored

NAME = "sigterm"
INTERVIEWERS = 4
SOCKET_AGENTS = (1, 3)
READERS = 2
ROUNDS = 5                      # each round is a full stop and start; the kill -9 rounds are the long test
CRASH_WORDS = ("Fatal error", "Program crashed", "Illegal instruction", "Backtrace")


def score(agent, stopping):
    while not stopping.is_set():
        outcome, *_ = agent.step(timeout=15)
        if outcome == Outcome.NO_ANSWER:
            return


def read(client, stopping, paths, counts, lock):
    while not stopping.is_set():
        for path in paths:
            answer = client.request("GET", path, timeout=15)
            with lock:
                counts[answer.status] = counts.get(answer.status, 0) + 1
            if answer.status == 0:
                return


def run(binary, rounds, seed, report=None):
    report = report or Report(NAME)
    rng = random.Random(seed)
    server = Server(binary, "sigterm")
    server.start()
    db = SQLiteFile(server.data)
    acked_total = {}
    lost_total = duplicated_total = 0
    stops = []
    reads = {}
    lock = threading.Lock()
    try:
        team = Team(server, INTERVIEWERS)
        for round_number in range(1, ROUNDS + 1):
            agents = []
            for index, email in enumerate(team.emails):
                client = Client(server.port, timeout=15).login(email)
                agent = Agent(f"iv{index}", client, team.interview([email]), random.Random(rng.random()),
                              socket_mode=index in SOCKET_AGENTS)
                if agent.socket_mode:
                    report.check(agent.open_socket(), f"round {round_number}: {agent.name}'s console socket does not open")
                agents.append(agent)
            readers = [Client(server.port, timeout=15).login(team.emails[i % len(team.emails)]) for i in range(READERS)]
            stopping = threading.Event()
            threads = [threading.Thread(target=score, args=(agent, stopping), daemon=True) for agent in agents]
            threads += [threading.Thread(target=read, args=(client, stopping, ["/api/v1/positions", "/api/v1/interviews"], reads, lock),
                                         daemon=True) for client in readers]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.5, 2.0))
            began = time.monotonic()
            status = server.stop(timeout=20)
            stops.append(time.monotonic() - began)
            stopping.set()
            for thread in threads:
                thread.join(30)
            output = server.output(since_start=True)
            report.check(status == 0, f"round {round_number}: SIGTERM under load ended with exit status {status} "
                                      f"(None: still running after 20 s)")
            crash = [word for word in CRASH_WORDS if word in output]
            report.check(not crash, f"round {round_number}: the server's output after SIGTERM mentions {crash}: "
                                    + (output[output.find(crash[0]):][:300] if crash else ""))
            for agent in agents:
                agent.close_socket()
                agent.client.close()
                acked_total.update(agent.acked)
            for client in readers:
                client.close()
            integrity = db.integrity()
            report.check(integrity == "ok", f"round {round_number}: PRAGMA integrity_check after SIGTERM says {integrity!r}")
            lost, duplicated = check_stored(report, db.client_id_counts(), acked_total, f"round {round_number}: ")
            lost_total += lost
            duplicated_total += duplicated
            check_cards(report, db.cards(), f"round {round_number}: ")
            server.start()
        report.figures.update(rounds=ROUNDS, acknowledged=len(acked_total), lost=lost_total, duplicated=duplicated_total)
        report.summary = (f"{ROUNDS} stops under load, {len(acked_total)} acknowledged, {lost_total} lost, "
                          f"{duplicated_total} duplicated, {sum(reads.values())} reads; stop took at most {max(stops):.1f} s")
    finally:
        server.kill9()
        server.forget()
    return report
