"""Password guessing: many guesses at once at one account, spraying many accounts from one address, forged
X-Forwarded-For with and without a trusted proxy, and telling accounts apart by the time a login takes."""
import statistics
import threading
import time

from harness import Checks, expect, note, test
from server import ServerExited
from world import PASSWORD, start_team

PER_ACCOUNT = 5
PER_ADDRESS_BY = 25         # the server allows 20 failures per address; throttled by the 25th at the latest


def prepared(team, count, forwarded_for=lambda i: None):
    """`count` separate visitors, each with its own session and CSRF token, ready to post."""
    visitors = []
    for i in range(count):
        visitor = team.client(forwarded_for(i))
        visitor.fetch_csrf()
        visitors.append(visitor)
    return visitors


def attempt(visitor, email, password):
    return visitor.request("POST", "/api/v1/session", json={"email": email, "password": password})


def has_retry_after(response):
    value = (response.header("Retry-After") or "").strip()
    return value.isdigit() and int(value) > 0 or value[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@test("parallel_guessing_one_account")
def parallel_guessing_one_account():
    """30 wrong passwords for one account at the same moment (separate sessions, some with forged
    X-Forwarded-For): at most 5 are judged (401), the rest 429 with Retry-After; then even the right
    password gets 429."""
    team = start_team("parallel-guessing")
    team.add_user("target@example.com", "interviewer")
    visitors = prepared(team, 30, lambda i: None if i % 3 == 0 else f"203.0.113.{i}")
    barrier = threading.Barrier(len(visitors))
    results = [None] * len(visitors)

    def guess(i):
        barrier.wait()
        results[i] = attempt(visitors[i], "target@example.com", f"wrong guess number {i:02d}")
    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(visitors))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = [r.status for r in results]
    judged = statuses.count(401)
    note(f"30 simultaneous guesses: {judged} judged (401), {statuses.count(429)} throttled (429)")
    checks = Checks("parallel guessing")
    checks.check(judged <= PER_ACCOUNT, f"{judged} of 30 simultaneous wrong passwords were judged (401), at most "
                                        f"{PER_ACCOUNT} may be; statuses {sorted(statuses)}")
    checks.check(set(statuses) <= {401, 429}, f"unexpected statuses: {sorted(statuses)}")
    throttled = [r for r in results if r.status == 429]
    checks.check(all(has_retry_after(r) for r in throttled),
                 f"{sum(not has_retry_after(r) for r in throttled)} of {len(throttled)} 429 answers carry no Retry-After")
    right = attempt(prepared(team, 1)[0], "target@example.com", PASSWORD)
    checks.check(right.status == 429, f"after the burst the right password answered {right.status}, expected 429")
    checks.check(right.status != 429 or has_retry_after(right), "the 429 for the right password carries no Retry-After")
    checks.done()


def spray_targets(count, known):
    """Emails to spray: the known accounts in turn (each at most 4 times) between unknown ones."""
    targets = []
    for i in range(count):
        targets.append(known[(i // 2) % len(known)] if i % 2 == 0 else f"nobody{i}@example.com")
    return targets


def spray(team, targets, forwarded_for=lambda i: None):
    """Sequential wrong passwords; returns the statuses and the index of the first 429 (or None)."""
    statuses = []
    for i, email in enumerate(targets):
        visitor = team.client(forwarded_for(i))
        visitor.fetch_csrf()
        statuses.append(attempt(visitor, email, f"sprayed password {i:02d}").status)
    first = statuses.index(429) if 429 in statuses else None
    return statuses, first


def sprayable_team(name, args=()):
    team = start_team(name, args=args)
    known = [f"staff{i}@example.com" for i in range(8)]
    team.add_users([(email, "interviewer", f"Staff {i}") for i, email in enumerate(known)])
    return team, known


@test("spraying_from_one_address")
def spraying_from_one_address():
    """One address trying wrong passwords on many different accounts is throttled (429) by its 25th failure,
    and stays throttled."""
    team, known = sprayable_team("spraying")
    statuses, first = spray(team, spray_targets(PER_ADDRESS_BY + 1, known))
    note(f"first 429 at attempt {first + 1 if first is not None else 'never'}")
    expect(first is not None and first < PER_ADDRESS_BY,
           f"one address made {PER_ADDRESS_BY + 1} failed logins on different accounts and was never throttled by the "
           f"{PER_ADDRESS_BY}th: {statuses}")
    expect(all(s == 429 for s in statuses[first:]), f"throttling did not last: {statuses}")


@test("forged_forwarded_for_ignored")
def forged_forwarded_for_ignored():
    """Without --trusted-proxy, a forged X-Forwarded-For is not a fresh address: spraying with a new value on
    every attempt is throttled all the same."""
    team, known = sprayable_team("forged-xff")
    statuses, first = spray(team, spray_targets(PER_ADDRESS_BY + 1, known), lambda i: f"198.51.100.{i + 1}")
    expect(first is not None and first < PER_ADDRESS_BY,
           f"with a different forged X-Forwarded-For on each attempt, {PER_ADDRESS_BY + 1} failed logins from one "
           f"address were never throttled by the {PER_ADDRESS_BY}th: {statuses}")


@test("trusted_proxy_forwarded_for")
def trusted_proxy_forwarded_for():
    """With --trusted-proxy 127.0.0.1, X-Forwarded-For names the client: different values count as different
    addresses (no 429 for 25 sprayed failures from 25 addresses), the same value is throttled by its 25th."""
    try:
        team, known = sprayable_team("trusted-proxy", args=["--trusted-proxy", "127.0.0.1"])
    except ServerExited as error:
        raise AssertionError(f"`interview serve --trusted-proxy 127.0.0.1` did not start: {error}")
    spread, first = spray(team, spray_targets(PER_ADDRESS_BY, known), lambda i: f"192.0.2.{i + 1}")
    checks = Checks("trusted proxy")
    checks.check(first is None, f"failures from {PER_ADDRESS_BY} different forwarded addresses were throttled as one "
                                f"address: {spread}")
    targets = [f"other{i}@example.com" for i in range(PER_ADDRESS_BY + 1)]
    same, first = spray(team, targets, lambda i: "192.0.2.200")
    checks.check(first is not None and first < PER_ADDRESS_BY,
                 f"{PER_ADDRESS_BY + 1} failures from one forwarded address were never throttled: {same}")
    checks.done()


@test("login_timing_does_not_reveal_accounts")
def login_timing_does_not_reveal_accounts():
    """The median time of a login with an unknown email is within 20 % of one with a known email and a wrong
    password (15 of each, interleaved, each known account guessed at most 3 times)."""
    # A trusted proxy lets every attempt come from its own address, so the per-address limit cannot turn
    # the measurement into one of 429s; a server without the option is measured from one address.
    try:
        team = start_team("timing", args=["--trusted-proxy", "127.0.0.1"])
        address = lambda i: f"10.9.{i // 250}.{i % 250 + 1}"      # noqa: E731
    except ServerExited:
        team = start_team("timing")
        address = lambda i: None                                    # noqa: E731
    known = [f"known{i}@example.com" for i in range(5)]
    team.add_users([(email, "interviewer", f"Known {i}") for i, email in enumerate(known)])
    plan = []
    for i in range(15):
        plan.append(("known", known[i % 5]))
        plan.append(("unknown", f"stranger{i}@example.com"))
    times = {"known": [], "unknown": []}
    statuses = []
    for warm in range(2):      # first requests pay for cold caches
        visitor = team.client(address(1000 + warm))
        visitor.fetch_csrf()
        attempt(visitor, f"warmup{warm}@example.com", "warm up")
    for i, (kind, email) in enumerate(plan):
        visitor = team.client(address(i))
        visitor.fetch_csrf()
        started = time.perf_counter()
        response = attempt(visitor, email, f"wrong password {i:02d}")
        times[kind].append(time.perf_counter() - started)
        statuses.append(response.status)
    expect(all(s == 401 for s in statuses), f"the timing run was throttled or refused: {statuses}")
    known_median, unknown_median = statistics.median(times["known"]), statistics.median(times["unknown"])
    difference = abs(known_median - unknown_median) / max(known_median, unknown_median)
    note(f"median login: known email {known_median * 1000:.0f} ms, unknown email {unknown_median * 1000:.0f} ms "
         f"({difference:.0%} apart)")
    expect(difference <= 0.20, f"median login time {known_median * 1000:.1f} ms for a known email with a wrong password vs "
                               f"{unknown_median * 1000:.1f} ms for an unknown email: {difference:.0%} apart (at most 20 %)")
