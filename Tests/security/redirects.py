"""Open redirects: every `Location` the server sends after `/language?back=` or a login with `next`/`back`
must stay on this site."""
import re
import urllib.parse

from harness import Checks, test
from world import ADMIN_EMAIL, PASSWORD, shared_team

TARGETS = [
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\\\\evil.example",
    "https://evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    " //evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "///evil.example",
    "/\r\n/evil.example",
    "http:evil.example",
    "/%09/evil.example",
]


# Each login costs a bcrypt check: the most telling targets only.
LOGIN_TARGETS = ["//evil.example", "/\\evil.example", "https://evil.example", "/%2F%2Fevil.example",
                 "/\t/evil.example", "javascript:alert(1)"]


def stays_on_site(location, base):
    """Whether a browser following `location` from `base` stays on base's host, and the value is a local path:
    a single '/' then anything but '/' or '\\', or exactly '/'. Browsers drop tabs and newlines anywhere in a
    URL and blanks and control characters around it, and read '\\' as '/': the check does the same first."""
    if location is None:
        return True, "no redirect"
    cleaned = re.sub(r"[\t\r\n]", "", location).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                           "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                                           "\x1c\x1d\x1e\x1f ")
    if not (cleaned == "/" or re.match(r"^/[^/\\]", cleaned)):
        return False, f"Location {location!r} is not a path on this site"
    resolved = urllib.parse.urlsplit(urllib.parse.urljoin(base + "/", cleaned.replace("\\", "/")))
    if resolved.netloc != urllib.parse.urlsplit(base).netloc:
        return False, f"Location {location!r} leads to {resolved.netloc!r}"
    return True, ""


def queries(target):
    """The target as the server should decode it, and as written raw (so '%2F' arrives decoded)."""
    return [("encoded", urllib.parse.quote(target, safe="")),
            ("raw", target.replace("\t", "%09").replace("\r", "%0D").replace("\n", "%0A").replace(" ", "%20")
             .replace("\\", "%5C"))]


@test("open_redirect_language_switch")
def open_redirect_language_switch():
    """`/language?to=en&back=X` for hostile X answers with a Location on this site."""
    team = shared_team()
    checks = Checks("language switch")
    for signed_in in (team.client(), team.ivy):
        for target in TARGETS:
            for how, value in queries(target):
                response = signed_in.get(f"/language?to=en&back={value}")
                ok, why = stays_on_site(response.header("Location"), team.base)
                who = "anonymous" if signed_in.session_cookie is None else "signed in"
                checks.check(ok, f"back={target!r} ({how}, {who}): HTTP {response.status}, {why}")
    checks.done()


@test("open_redirect_after_login")
def open_redirect_after_login():
    """A login form post carrying `next`/`back` (in the query or the form) redirects only within the site."""
    team = shared_team()
    checks = Checks("redirect after login")
    for target in LOGIN_TARGETS:
        for parameter in ("next", "back"):
            visitor = team.client()
            value = urllib.parse.quote(target, safe="")
            page = visitor.get(f"/login?{parameter}={value}")
            checks.check(page.status in (200, 303, 302), f"/login?{parameter}=… answered {page.status}")
            visitor.fetch_csrf()
            response = visitor.request("POST", f"/login?{parameter}={value}",
                                       form={"csrf": visitor.csrf, "email": ADMIN_EMAIL, "password": PASSWORD,
                                             parameter: target})
            checks.check(response.status in (302, 303), f"login with {parameter}={target!r} answered {response.status}")
            ok, why = stays_on_site(response.header("Location"), team.base)
            checks.check(ok, f"login with {parameter}={target!r}: {why}")
    checks.done()
