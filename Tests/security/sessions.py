"""Sessions: idle and absolute timeouts, fresh identifiers at login, and every way a session must end
(password change, deactivation, "sign out everywhere", logout) really ending it."""
import time

from harness import Checks, expect, fixture, test
from server import ServerExited
from web import SESSION_COOKIE
from world import PASSWORD, shared_team, start_team

IDLE, LIFETIME = 3, 8


@fixture
def short_sessions():
    """A server whose sessions end after 3 s unused or 8 s in all."""
    try:
        return start_team("short-sessions", args=["--session-idle-timeout", f"{IDLE}s", "--session-lifetime", f"{LIFETIME}s"])
    except ServerExited as error:
        raise AssertionError(f"`interview serve --session-idle-timeout 3s --session-lifetime 8s` did not start: {error}")


def add_short_user(team, email):
    """Creates an account on the short-session server: the admin signs in afresh, their session being short too."""
    team.admin = team.login("ada@example.com")
    team.add_user(email, "interviewer")


def signed_in_status(client):
    return client.get("/api/v1/positions").status


@test("session_idle_timeout")
def session_idle_timeout():
    """With --session-idle-timeout 3s, a session left unused for more than 3 s is signed out (API 401)."""
    team = short_sessions()
    add_short_user(team, "idle@example.com")
    client = team.login("idle@example.com")
    expect(signed_in_status(client) == 200, "a fresh session is not signed in")
    time.sleep(IDLE + 1.5)
    status = signed_in_status(client)
    expect(status == 401, f"after {IDLE + 1.5:.1f} s unused the session still answers {status}, expected 401")


@test("session_absolute_lifetime")
def session_absolute_lifetime():
    """With --session-lifetime 8s, a session used every second stays signed in for a while, then is signed
    out after 8 s all the same."""
    team = short_sessions()
    add_short_user(team, "busy@example.com")
    client = team.login("busy@example.com")
    logged_in_at = time.monotonic()
    statuses = []
    while time.monotonic() - logged_in_at < LIFETIME + 2.5:
        time.sleep(1)
        statuses.append((round(time.monotonic() - logged_in_at, 1), signed_in_status(client)))
    early = [s for t, s in statuses if t < LIFETIME - 2]
    late = [s for t, s in statuses if t > LIFETIME + 1]
    expect(early and all(s == 200 for s in early),
           f"a session used every second was signed out before its lifetime (idle timeout misapplied?): {statuses}")
    expect(late and all(s == 401 for s in late),
           f"a session used every second is still signed in after its {LIFETIME} s lifetime: {statuses}")


@test("session_ids_change_at_login")
def session_ids_change_at_login():
    """Logging in (API or form) hands out a new session cookie and a new CSRF token; the cookie from before
    the login signs nobody in."""
    team = shared_team()
    checks = Checks("login rotation")
    # API
    visitor = team.client()
    before_csrf = visitor.fetch_csrf()["csrf"]
    before_cookie = visitor.session_cookie
    visitor.login("ivy@example.com", PASSWORD)
    checks.check(visitor.session_cookie and visitor.session_cookie != before_cookie,
                 "API login kept the session cookie it had before (session fixation)")
    checks.check(visitor.csrf != before_csrf, "API login kept the CSRF token handed out before the login")
    planted = team.client()
    planted.cookies[SESSION_COOKIE] = before_cookie
    checks.check(planted.fetch_csrf().get("user") is None, "the cookie from before the API login is signed in")
    # Form
    visitor = team.client()
    page = visitor.get("/login")
    before_cookie = visitor.session_cookie
    before_csrf = visitor.fetch_csrf()["csrf"]
    posted = visitor.request("POST", "/login", form={"csrf": before_csrf, "email": "ivy@example.com", "password": PASSWORD})
    checks.check(posted.status in (302, 303), f"form login answered {posted.status}")
    checks.check(visitor.session_cookie and visitor.session_cookie != before_cookie,
                 "form login kept the session cookie it had before (session fixation)")
    after = visitor.fetch_csrf()
    checks.check(after.get("user") is not None, "form login did not sign in")
    checks.check(after["csrf"] != before_csrf, "form login kept the CSRF token handed out before the login")
    del page
    checks.done()


def two_sessions(team, email):
    team.add_user(email, "interviewer")
    return team.login(email), team.login(email)


@test("password_change_ends_other_sessions")
def password_change_ends_other_sessions():
    """Changing one's password (form POST /account/password) ends the account's other sessions and keeps
    the one that changed it."""
    team = shared_team()
    here, elsewhere = two_sessions(team, "pat@example.com")
    expect(signed_in_status(elsewhere) == 200, "the second session is not signed in to start with")
    new = "a brand new long password 2"
    changed = here.form("/account/password", {"current": PASSWORD, "new": new, "confirmation": new})
    expect(changed.status in (302, 303), f"changing the password answered {changed.status}: {changed.text[:200]}")
    checks = Checks("password change")
    checks.check(signed_in_status(elsewhere) == 401, f"the account's other session still answers "
                                                     f"{signed_in_status(elsewhere)} after the password changed, expected 401")
    checks.check(signed_in_status(here) == 200, "the session that changed the password was signed out")
    checks.done()


@test("deactivation_ends_sessions")
def deactivation_ends_sessions():
    """Deactivating an account (admin form POST /users/{id}/active, active=false) ends all its sessions: they
    answer 401 at once, and stay dead when the account is reactivated."""
    team = shared_team()
    first, second = two_sessions(team, "dee@example.com")
    user = team.users["dee@example.com"]
    off = team.admin.form(f"/users/{user}/active", {"active": "false"})
    expect(off.status in (302, 303), f"deactivating answered {off.status}: {off.text[:200]}")
    checks = Checks("deactivation")
    checks.check(signed_in_status(first) == 401 and signed_in_status(second) == 401,
                 "a deactivated account's sessions are still signed in")
    on = team.admin.form(f"/users/{user}/active", {"active": "true"})
    expect(on.status in (302, 303), f"reactivating answered {on.status}")
    checks.check(signed_in_status(first) == 401,
                 "after reactivation the session from before the deactivation signs in again (it was suspended, not ended)")
    checks.done()


@test("sign_out_everywhere")
def sign_out_everywhere():
    """Form POST /account/sign-out-everywhere ends every session of the account, the current one included."""
    team = shared_team()
    here, elsewhere = two_sessions(team, "sol@example.com")
    response = here.form("/account/sign-out-everywhere", {})
    expect(response.status in (302, 303, 200, 204),
           f"POST /account/sign-out-everywhere answered {response.status} (route missing?): {response.text[:120]!r}")
    checks = Checks("sign out everywhere")
    checks.check(signed_in_status(elsewhere) == 401, "the account's other session is still signed in")
    checks.check(signed_in_status(here) == 401, "the session that signed out everywhere is still signed in")
    checks.done()


@test("logout_cookie_replay")
def logout_cookie_replay():
    """After logout (DELETE /api/v1/session, or the form POST /logout) the old cookie, replayed, signs nobody in."""
    team = shared_team()
    team.add_user("lou@example.com", "interviewer")
    checks = Checks("logout")
    for how in ("api", "form"):
        client = team.login("lou@example.com")
        old = client.session_cookie
        if how == "api":
            response = client.request("DELETE", "/api/v1/session")
            checks.check(response.status == 204, f"DELETE /api/v1/session answered {response.status}")
        else:
            response = client.form("/logout", {})
            checks.check(response.status in (302, 303), f"POST /logout answered {response.status}")
        replay = team.client()
        replay.cookies[SESSION_COOKIE] = old
        checks.check(signed_in_status(replay) == 401, f"the cookie from before the {how} logout still signs in")
        checks.check(replay.fetch_csrf().get("user") is None, f"GET /api/v1/session names a user for the {how}-logged-out cookie")
    checks.done()
