"""Disk full under SQLite: the data folder is a small tmpfs, filled up while interviewers write.

A tmpfs is mounted as the data folder and the server set up on it (team, nine interviews, each card
started and one question rated). A filler file then takes all but a few megabytes, and three
interviewers write long notes (16,000 characters) and rating corrections until the disk is full and
for a few seconds more.

Checks:
  - every write is either acknowledged (2xx) or refused clearly: 507 or 503 with a JSON reason that
    says disk, space, storage or full — never a 500, never another status, never a dropped connection,
    never longer than 15 s;
  - the disk really filled (some write was refused) — else the scenario proves nothing;
  - while full: /healthz answers 200, and PRAGMA integrity_check (read-only, beside the server) is ok;
  - a refused write was not stored (it must not be half there);
  - the filler is deleted: without a restart, new writes are acknowledged again within 30 s, and the
    refused ones, sent again with the same client ids, are applied (2xx);
  - a graceful stop (SIGTERM) exits; PRAGMA integrity_check is ok; every acknowledged action is stored
    exactly once, cards numbered 1..n;
  - after a restart on the same folder, each console shows as many events as the file holds and
    every acknowledged note.

The tmpfs is unmounted at the end whatever happens.
"""
import collections
import os
import random
import re
import subprocess
import threading
import time

from harness import (Agent, Client, Outcome, Report, Server, SQLiteFile, Team, check_cards, check_stored, percentile,
                     probe, temp_folder)

NAME = "disk-full"
TMPFS_SIZE = "64m"
LEAVE_FREE = 3 * 1024 * 1024
NOTE_CHARS = 16_000
INTERVIEWERS = 3
CARDS_EACH = 3
REQUEST_BOUND = 15.0
CLEAR_REASON = re.compile(r"disk|space|storage|full", re.I)


def mount_tmpfs(path, size):
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", path],
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"cannot mount a tmpfs on {path}: {result.stderr.strip()}")


def unmount(path):
    for _ in range(10):
        if subprocess.run(["umount", path], capture_output=True).returncode == 0:
            return True
        time.sleep(0.5)
    return subprocess.run(["umount", "-l", path], capture_output=True).returncode == 0


def free_bytes(path):
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


def clear_refusal(status, body):
    reason = body.get("reason", "") if isinstance(body, dict) else ""
    return status in (503, 507) and bool(CLEAR_REASON.search(reason or ""))


def run(binary, rounds, seed, report=None):
    report = report or Report(NAME)
    rng = random.Random(seed)
    mountpoint = os.path.join(temp_folder("diskfull"), "data")
    os.mkdir(mountpoint)
    mount_tmpfs(mountpoint, TMPFS_SIZE)
    server = Server(binary, "disk-full", data=mountpoint)
    filler = os.path.join(mountpoint, "filler.bin")
    try:
        server.start()
        db = SQLiteFile(mountpoint)
        team = Team(server, INTERVIEWERS)
        writers = []          # per interviewer: their agents (one per interview)
        for index, email in enumerate(team.emails):
            client = Client(server.port, timeout=REQUEST_BOUND + 5).login(email)
            mine = []
            for card in range(CARDS_EACH):
                agent = Agent(f"iv{index}.{card}", client, team.interview([email]), random.Random(rng.random()), note_share=0.0)
                for _ in range(200):                      # start, and walk to a first rating
                    outcome, status, body, *_ = agent.step()
                    if outcome != Outcome.ACK:
                        raise RuntimeError(f"set-up of {agent.name}: {status} {str(body)[:200]}")
                    if agent.rated:
                        break
                mine.append(agent)
            writers.append(mine)
        agents = [agent for mine in writers for agent in mine]

        # Take all but a few megabytes.
        with open(filler, "wb") as f:
            remaining = free_bytes(mountpoint) - LEAVE_FREE
            block = b"\0" * (1 << 20)
            while remaining > 0:
                f.write(block[: min(len(block), remaining)])
                remaining -= len(block)
            f.flush()
            os.fsync(f.fileno())
        report.note(f"tmpfs {TMPFS_SIZE}, {free_bytes(mountpoint) / 1e6:.1f} MB left free for the server")

        lock = threading.Lock()
        answers = []                    # (agent, action, status, body, seconds)
        refused = []                    # (agent, clientID) refused clearly
        wrong = []                      # (agent, action, status, body, seconds) neither acknowledged nor a clear refusal
        first_refusal = [None]
        stop = threading.Event()

        def write(mine, wrng):
            while not stop.is_set():
                agent = wrng.choice(mine)
                if wrng.random() < 0.7:
                    text = f"{agent.name} long note {len(agent.sent)}: " + "".join(
                        wrng.choice("abcdefghij klmnopqrst uvwxyz") for _ in range(NOTE_CHARS - 40))
                    action = agent.enqueue({"type": "note", "text": text})
                else:
                    action = agent.enqueue(agent.safe_action())
                outcome, status, body, seconds, via, sent = agent.step(timeout=REQUEST_BOUND + 5)
                with lock:
                    answers.append((agent, sent, status, body, seconds))
                    if outcome == Outcome.ACK:
                        continue
                    if agent.queue and agent.queue[0] is sent:
                        agent.queue.pop(0)                # given up for now: sent again after space is freed
                    if clear_refusal(status, body):
                        refused.append((agent, sent["clientID"]))
                    else:
                        wrong.append((agent, sent, status, body, seconds))
                    if first_refusal[0] is None:
                        first_refusal[0] = time.monotonic()
                if status == 0:
                    time.sleep(0.2)

        threads = [threading.Thread(target=write, args=(mine, random.Random(rng.random())), daemon=True) for mine in writers]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        # Until full, then four seconds more; at most a minute in all.
        while time.monotonic() - started < 60:
            if first_refusal[0] is not None and time.monotonic() - first_refusal[0] > 4:
                break
            time.sleep(0.1)
        # While full: the process is up and the file is sound.
        health = probe(server.port, "/healthz")
        readiness = probe(server.port, "/readyz")
        reader = agents[0].client.clone_to(server.port)          # a connection of its own: the writers' are busy
        read_back = reader.request("GET", f"/api/v1/interviews/{agents[0].interview_id}/console")
        reader.close()
        integrity_full = db.integrity()
        stop.set()
        for thread in threads:
            thread.join(REQUEST_BOUND + 10)
            report.check(not thread.is_alive(), "a writer thread hangs")

        acked = {cid: agent for agent in agents for cid in agent.acked}
        report.check(first_refusal[0] is not None, f"the disk never filled: {len(acked)} writes acknowledged in 60 s, none refused")
        by_status = collections.Counter(a[2] for a in answers)
        report.check(not wrong, f"{len(wrong)} of {len(answers)} writes were neither acknowledged nor refused as a full disk "
                                f"(507/503 naming disk/space/storage): {describe(wrong)}")
        slow = [a for a in answers if a[4] > REQUEST_BOUND]
        longest = max((a[4] for a in answers), default=0)
        report.check(not slow, f"{len(slow)} writes took longer than {REQUEST_BOUND:.0f} s (longest {longest:.1f} s)")
        report.check(health[0] == 200, f"/healthz answers {health[0]} while the disk is full")
        report.check(integrity_full == "ok", f"PRAGMA integrity_check while the disk is full: {integrity_full!r}")
        report.note(f"while full: /readyz {readiness[0]} {readiness[2][:80]!r}; GET console {read_back.brief(60)}")

        # Refused or failed writes must not be stored.
        counts_full = db.client_id_counts()
        unacknowledged = [cid for _, cid in refused] + [a[1]["clientID"] for a in wrong]
        stored_anyway = [cid for cid in unacknowledged if counts_full.get(cid, 0)]
        report.check(not stored_anyway, f"{len(stored_anyway)} writes answered as refused/failed are stored anyway, e.g. {stored_anyway[:3]}")
        check_stored(report, counts_full, acked, "while full: ")

        # Free the space: the same process takes writes again.
        os.remove(filler)
        freed = time.monotonic()
        recovered_at = None
        recovery_answers = collections.Counter()
        while time.monotonic() - freed < 30 and recovered_at is None:
            ok = True
            for agent in agents:
                if not agent.queue:
                    agent.enqueue(agent.note())
                outcome, status, body, *_ = agent.step(timeout=REQUEST_BOUND + 5)
                recovery_answers[status] += 1
                ok = ok and outcome == Outcome.ACK
            if ok:
                recovered_at = time.monotonic()
            else:
                time.sleep(0.5)
        report.check(recovered_at is not None, f"after freeing the space, writes are still not acknowledged 30 s later "
                                               f"without a restart (answers: {dict(recovery_answers)})")
        # The refused ones, sent again with the same ids, are applied.
        resent_ok = 0
        for agent, client_id in [(agent, cid) for agent, cid in refused] + [(a[0], a[1]["clientID"]) for a in wrong]:
            agent.queue.insert(0, agent.sent[client_id])
            outcome, status, body, *_ = agent.step(timeout=REQUEST_BOUND + 5)
            if report.check(outcome == Outcome.ACK, f"{agent.name}: a write refused while full, sent again after freeing "
                                                    f"the space, answered {status}: {str(body)[:160]}"):
                resent_ok += 1
            elif agent.queue and agent.queue[0]["clientID"] == client_id:
                agent.queue.pop(0)

        # Graceful stop, then the file.
        exit_status = server.stop(timeout=30)
        report.check(exit_status is not None, "the server did not stop within 30 s of SIGTERM")
        integrity = db.integrity()
        report.check(integrity == "ok", f"PRAGMA integrity_check after the stop: {integrity!r}")
        acked = {cid: agent for agent in agents for cid in agent.acked}
        counts = db.client_id_counts()
        lost, duplicated = check_stored(report, counts, acked, "after the stop: ")
        cards = db.cards()
        check_cards(report, cards, "after the stop: ")
        card_ids = db.card_ids()

        # Restart: everything acknowledged is there, through the API too.
        server.start()
        for agent, email in [(agent, team.emails[i]) for i, mine in enumerate(writers) for agent in mine]:
            agent.client.close()
            card = card_ids.get((agent.interview_id.lower(), team.users[email].lower()))
            answer = agent.console()
            if not report.check(answer.status == 200, f"{agent.name}'s console after the restart: {answer.brief()}"):
                continue
            view = answer.json
            report.check(view.get("eventCount") == len(cards.get(card, (0, []))[1]),
                         f"{agent.name}'s console shows {view.get('eventCount')} events after the restart, the file holds "
                         f"{len(cards.get(card, (0, []))[1])}")
            texts = collections.Counter(note["text"] for note in view.get("notes", []))
            wanted = collections.Counter(agent.sent[cid]["text"].strip() for cid in agent.acked if agent.sent[cid]["type"] == "note")
            missing = wanted - texts
            report.check(not missing, f"{agent.name}: {sum(missing.values())} acknowledged notes are not in the console after the restart")

        refused_count = len(refused)
        report.figures.update(acknowledged=len(acked), lost=lost, duplicated=duplicated)
        report.summary = (f"{len(answers)} writes while filling: {len(acked)} acknowledged in all, {refused_count} refused clearly, "
                          f"{len(wrong)} failed otherwise ({dict(by_status)}); {lost} lost, {duplicated} duplicated; "
                          f"writes acknowledged again {((recovered_at or freed) - freed):.1f} s after freeing space")
        latencies = [a[4] for a in answers]
        report.note(f"write latency p50 {percentile(latencies, 0.5) * 1000:.0f} ms, max {longest:.2f} s; "
                    f"{resent_ok} refused writes applied when sent again; SIGTERM exit status {exit_status}")
        if wrong:
            report.note(f"first wrong answer: {describe(wrong[:1])}")
    finally:
        server.kill9()
        server.forget()
        if not unmount(mountpoint):
            report.fail(f"could not unmount the tmpfs at {mountpoint}")
    return report


def describe(entries, limit=3):
    counts = collections.Counter(e[2] for e in entries)
    examples = "; ".join(f"{e[1]['type']} → {e[2]} {str(e[3])[:140]!r} after {e[4]:.1f} s" for e in entries[:limit])
    return f"{dict(counts)} — {examples}"
