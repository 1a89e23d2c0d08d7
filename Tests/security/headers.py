"""Security headers on every kind of response: HTML and API, 200, 401, 403 and 404; and no inline code on
the pages, which a strict Content-Security-Policy would make dead anyway."""
from html.parser import HTMLParser

from harness import Checks, test
from world import shared_team

UNKNOWN = "00000000-0000-4000-8000-000000000000"


def responses(team):
    """(what, response) for a spread of pages and API calls, as different people."""
    anonymous = team.client()
    anonymous.fetch_csrf()
    p, c, i = team.position_id, team.candidate_id, team.interview_id
    guide = team.guide_id()
    return [
        ("login page (anonymous, 200)", anonymous.get("/login")),
        ("unknown page (anonymous)", anonymous.get("/nope")),
        ("positions page (admin, 200)", team.admin.get("/positions")),
        ("position page (admin, 200)", team.admin.get(f"/positions/{p}")),
        ("candidates page (admin, 200)", team.admin.get("/candidates")),
        ("candidate page (admin, 200)", team.admin.get(f"/candidates/{c}")),
        ("interviews page (admin, 200)", team.admin.get("/interviews")),
        ("guide library (admin, 200)", team.admin.get("/guides")),
        ("guide page (admin, 200)", team.admin.get(f"/guides/{guide}")),
        ("guide editor (admin, 200)", team.admin.get(f"/guides/{guide}/edit")),
        ("users page (admin, 200)", team.admin.get("/users")),
        ("audit page (admin, 200)", team.admin.get("/audit")),
        ("account page (interviewer, 200)", team.ivy.get("/account")),
        ("console page (interviewer, 200)", team.ivy.get(f"/interviews/{i}/console")),
        ("report page (interviewer, 200)", team.ivy.get(f"/interviews/{i}/report")),
        ("unknown position page (admin, 404)", team.admin.get(f"/positions/{UNKNOWN}")),
        ("users page (interviewer, 403/404)", team.ivy.get("/users")),
        ("unknown page (admin, 404)", team.admin.get("/no-such-page")),
        ("API session (anonymous, 200)", anonymous.get("/api/v1/session")),
        ("API positions (anonymous, 401)", anonymous.get("/api/v1/positions")),
        ("API positions (admin, 200)", team.admin.get("/api/v1/positions")),
        ("API candidate (admin, 200)", team.admin.get(f"/api/v1/candidates/{c}")),
        ("API users (interviewer, 403/404)", team.ivy.get("/api/v1/users")),
        ("API unknown route (admin, 404)", team.admin.get("/api/v1/nope")),
        ("API post without CSRF token (403)", team.admin.request("POST", "/api/v1/positions", json={"title": "x"},
                                                                 csrf_header=False)),
    ]


def directives(policy):
    parsed = {}
    for part in policy.split(";"):
        words = part.strip().split()
        if words:
            parsed.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return parsed


@test("headers_on_every_response")
def headers_on_every_response():
    """CSP without 'unsafe-inline'/'unsafe-eval' in script-src (or default-src) and with frame-ancestors 'none',
    X-Content-Type-Options: nosniff and a Referrer-Policy on HTML and API responses, 200/401/403/404 alike."""
    team = shared_team()
    checks = Checks("security headers")
    for what, response in responses(team):
        where = f"{what} [HTTP {response.status}]"
        policy = response.header("Content-Security-Policy")
        if checks.check(policy, f"{where}: no Content-Security-Policy header"):
            parsed = directives(policy)
            scripts = parsed.get("script-src", parsed.get("default-src"))
            if checks.check(scripts is not None, f"{where}: CSP has neither script-src nor default-src: {policy!r}"):
                checks.check("'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts,
                             f"{where}: CSP allows inline or eval'd script: {policy!r}")
                checks.check("*" not in scripts and "data:" not in scripts,
                             f"{where}: CSP allows scripts from anywhere or data: URLs: {policy!r}")
            checks.check(parsed.get("frame-ancestors") == ["'none'"], f"{where}: CSP lacks frame-ancestors 'none': {policy!r}")
        checks.check((response.header("X-Content-Type-Options") or "").strip().lower() == "nosniff",
                     f"{where}: X-Content-Type-Options is {response.header('X-Content-Type-Options')!r}, not nosniff")
        checks.check(bool((response.header("Referrer-Policy") or "").strip()), f"{where}: no Referrer-Policy header")
    checks.done()


class InlineCode(HTMLParser):
    """Collects inline scripts (other than JSON data blocks) and inline event-handler attributes."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs:
            kind = (attrs.get("type") or "").strip().lower()
            if kind not in ("application/json", "application/ld+json"):
                self.scripts.append(f"<script type={kind or 'none'!r}>")
        for name, value in attrs.items():
            if name.lower().startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")


@test("console_page_has_no_inline_script")
def console_page_has_no_inline_script():
    """The console page has no inline <script> except type="application/json" data (its CSP forbids the rest)."""
    team = shared_team()
    page = team.ivy.get(f"/interviews/{team.interview_id}/console")
    checks = Checks("console page")
    checks.check(page.status == 200, f"the console page answered {page.status}")
    parser = InlineCode()
    parser.feed(page.text)
    checks.check(not parser.scripts, f"inline scripts on the console page: {parser.scripts}")
    checks.done()


@test("pages_have_no_inline_event_handlers")
def pages_have_no_inline_event_handlers():
    """No page carries inline event handlers (onclick=…) or inline scripts: under a CSP without
    'unsafe-inline' they would silently stop working."""
    team = shared_team()
    checks = Checks("inline code")
    for what, response in responses(team):
        if "html" not in (response.header("Content-Type") or ""):
            continue
        parser = InlineCode()
        parser.feed(response.text)
        checks.check(not parser.handlers, f"{what}: inline event handlers {parser.handlers[:3]}")
        checks.check(not parser.scripts, f"{what}: inline scripts {parser.scripts[:3]}")
    checks.done()
