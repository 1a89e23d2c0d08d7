"""The role matrix, over the HTML forms and the JSON API: who may do what, as a table (role × action →
the statuses allowed), each cell one request."""
from harness import Checks, fixture, test
from world import shared_team

DENIED = (403,)             # the contract names 403
ADMIN_ONLY = (404,)         # admin areas answer 404 to everyone else (docs/security.md, "Who may do what")
REFUSED = (403, 404)        # refused; the contract does not name the status
HIDDEN = (404,)             # may not even know it exists
UNAUTHORIZED = (401,)
LOGIN = "redirect to /login"
OK = (200,)
CREATED = (201,)
NO_CONTENT = (204,)
REDIRECT = (302, 303)

IVY = "interviewer (member of the position)"
IAN = "interviewer (not a member)"
HUGO = "hiring manager (not a member, not the guide's owner)"
HANA = "hiring manager (member, the guide's owner)"
ADMIN = "admin"
OUTSIDER = "outsider (signed out)"

MARKDOWN = "{markdown}"     # the guide's current Markdown plus a line naming who saved it

# who, action, over (api: JSON + X-CSRF-Token; form: urlencoded with the csrf field; page: GET), method, path, body, expected
MATRIX = [
    (IVY, "cancel an interview", "api", "POST", "/api/v1/interviews/{I}/status", {"status": "cancelled"}, DENIED),
    (IVY, "complete an interview", "api", "POST", "/api/v1/interviews/{I}/status", {"status": "completed"}, DENIED),
    (IVY, "cancel an interview", "form", "POST", "/interviews/{I}/status", {"status": "cancelled"}, DENIED),
    (IVY, "complete an interview", "form", "POST", "/interviews/{I}/status", {"status": "completed"}, DENIED),
    (IVY, "edit a candidate", "api", "PATCH", "/api/v1/candidates/{C}", {"contact": "changed@example.com"}, DENIED),
    (IVY, "edit a candidate", "form", "POST", "/candidates/{C}", {"contact": "changed@example.com"}, DENIED),
    (IVY, "export a candidate", "api", "GET", "/api/v1/candidates/{C}/export", None, REFUSED),
    (IVY, "export a candidate", "page", "GET", "/candidates/{C}/export", None, REFUSED),
    (IVY, "erase a candidate", "api", "POST", "/api/v1/candidates/{E1}/erase", {}, REFUSED),
    (IVY, "erase a candidate", "form", "POST", "/candidates/{E2}/erase", {}, REFUSED),
    (IVY, "add a member", "api", "POST", "/api/v1/positions/{P}/members", {"email": "ian@example.com"}, REFUSED),
    (IVY, "add a member", "form", "POST", "/positions/{P}/members", {"email": "ian@example.com"}, REFUSED),
    (IVY, "create a position", "api", "POST", "/api/v1/positions", {"title": "Ivy's own", "guideID": "{G0}"}, REFUSED),
    (IVY, "create a position", "form", "POST", "/positions", {"title": "Ivy's own", "guideID": "{G0}"}, REFUSED),
    (IVY, "list the users", "api", "GET", "/api/v1/users", None, ADMIN_ONLY),
    (IVY, "see the users page", "page", "GET", "/users", None, ADMIN_ONLY),
    (IVY, "read the audit log", "api", "GET", "/api/v1/audit", None, ADMIN_ONLY),
    (IVY, "see the audit page", "page", "GET", "/audit", None, ADMIN_ONLY),
    (IVY, "read the security audit", "api", "GET", "/api/v1/audit/security", None, ADMIN_ONLY),
    (IVY, "correct an account's name and email", "form", "POST", "/users/{U}/details", {"name": "Ivy's", "email": "ivy2@example.com"},
     ADMIN_ONLY),
    (IVY, "lift an address's sign-in lockout", "api", "DELETE", "/api/v1/lockouts/203.0.113.9", None, ADMIN_ONLY),
    (IVY, "lift an address's sign-in lockout", "form", "POST", "/users/lockout", {"address": "203.0.113.9"}, ADMIN_ONLY),
    (IVY, "see her position (control)", "api", "GET", "/api/v1/positions/{P}", None, OK),
    (IVY, "see her candidate (control)", "page", "GET", "/candidates/{C}", None, OK),
    (IAN, "see a position", "api", "GET", "/api/v1/positions/{P}", None, HIDDEN),
    (IAN, "see a position", "page", "GET", "/positions/{P}", None, HIDDEN),
    (IAN, "see a candidate", "api", "GET", "/api/v1/candidates/{C}", None, HIDDEN),
    (IAN, "see a candidate", "page", "GET", "/candidates/{C}", None, HIDDEN),
    (IAN, "see an interview's report", "page", "GET", "/interviews/{I}/report", None, HIDDEN),
    (IAN, "cancel an interview", "api", "POST", "/api/v1/interviews/{I}/status", {"status": "cancelled"}, REFUSED),
    (HUGO, "save a version of another's guide", "api", "POST", "/api/v1/guides/{G}/versions", {"markdown": MARKDOWN}, DENIED),
    (HUGO, "save a version of another's guide", "form", "POST", "/guides/{G}/edit", {"markdown": MARKDOWN}, DENIED),
    (HUGO, "change a position's retention", "api", "PATCH", "/api/v1/positions/{P}",
     {"title": "Backend engineer (roles)", "retentionDays": "30"}, REFUSED),
    (HUGO, "change a position's retention", "form", "POST", "/positions/{P}",
     {"title": "Backend engineer (roles)", "retentionDays": "30"}, REFUSED),
    (HUGO, "see a position", "api", "GET", "/api/v1/positions/{P}", None, HIDDEN),
    (HUGO, "convert the charts of another's guide", "form", "POST", "/guides/{G}/convert", {"markdown": MARKDOWN, "to": "mermaid"}, DENIED),
    (HANA, "convert the charts of her guide (not saved)", "form", "POST", "/guides/{G}/convert", {"markdown": MARKDOWN, "to": "mermaid"}, OK),
    (HANA, "save a version of her guide", "api", "POST", "/api/v1/guides/{G}/versions", {"markdown": MARKDOWN}, OK),
    (HANA, "save a version of her guide", "form", "POST", "/guides/{G}/edit", {"markdown": MARKDOWN}, REDIRECT),
    (HANA, "change her position's retention", "api", "PATCH", "/api/v1/positions/{P}",
     {"title": "Backend engineer (roles)", "retentionDays": "60"}, OK),
    (HANA, "export a candidate", "api", "GET", "/api/v1/candidates/{C}/export", None, OK),
    (HANA, "complete an interview", "api", "POST", "/api/v1/interviews/{I}/status", {"status": "completed"}, NO_CONTENT),
    (ADMIN, "save a version of anyone's guide", "api", "POST", "/api/v1/guides/{G}/versions", {"markdown": MARKDOWN}, OK),
    (ADMIN, "save a version of anyone's guide", "form", "POST", "/guides/{G}/edit", {"markdown": MARKDOWN}, REDIRECT),
    (ADMIN, "list the users", "api", "GET", "/api/v1/users", None, OK),
    (OUTSIDER, "list positions", "api", "GET", "/api/v1/positions", None, UNAUTHORIZED),
    (OUTSIDER, "read a candidate", "api", "GET", "/api/v1/candidates/{C}", None, UNAUTHORIZED),
    (OUTSIDER, "cancel an interview", "api", "POST", "/api/v1/interviews/{I}/status", {"status": "cancelled"}, UNAUTHORIZED),
    (OUTSIDER, "list the users", "api", "GET", "/api/v1/users", None, UNAUTHORIZED),
    (OUTSIDER, "read the security audit", "api", "GET", "/api/v1/audit/security", None, UNAUTHORIZED),
    (OUTSIDER, "lift an address's sign-in lockout", "api", "DELETE", "/api/v1/lockouts/203.0.113.9", None, UNAUTHORIZED),
    (OUTSIDER, "save a guide version", "api", "POST", "/api/v1/guides/{G}/versions", {"markdown": MARKDOWN}, UNAUTHORIZED),
    (OUTSIDER, "see the positions page", "page", "GET", "/positions", None, LOGIN),
    (OUTSIDER, "see a candidate page", "page", "GET", "/candidates/{C}", None, LOGIN),
    (OUTSIDER, "see the users page", "page", "GET", "/users", None, LOGIN),
    (OUTSIDER, "see the audit page", "page", "GET", "/audit", None, LOGIN),
    (OUTSIDER, "see a report", "page", "GET", "/interviews/{I}/report", None, LOGIN),
    (OUTSIDER, "see the account page", "page", "GET", "/account", None, LOGIN),
    (OUTSIDER, "cancel an interview", "form", "POST", "/interviews/{I}/status", {"status": "cancelled"}, LOGIN),
    (OUTSIDER, "compare a guide's versions", "page", "GET", "/guides/{G}/compare", None, LOGIN),
]


@fixture
def role_world():
    """The shared team plus what the matrix acts on: Hana's own guide, a candidate with an interview, and
    two candidates to (not) erase."""
    team = shared_team()
    bundled = team.admin.api("GET", f"/api/v1/guides/{team.guide_id()}")
    guide = team.hana.api("POST", "/api/v1/guides", {"slug": "hana-roles-guide", "markdown": bundled["markdown"]})
    candidate = team.candidate(team.position_id, "Robin Roles", by=team.hana)
    ids = {
        "P": team.position_id, "G": guide["id"], "G0": team.guide_id(), "C": candidate, "U": team.users["ian@example.com"],
        "I": team.interview(candidate, [team.users["ivy@example.com"]], by=team.hana),
        "E1": team.candidate(team.position_id, "Erin Erase", by=team.hana),
        "E2": team.candidate(team.position_id, "Eli Erase", by=team.hana),
    }
    outsider = team.client()
    outsider.fetch_csrf()
    clients = {IVY: team.ivy, IAN: team.ian, HUGO: team.hugo, HANA: team.hana, ADMIN: team.admin, OUTSIDER: outsider}
    return team, ids, clients, bundled["markdown"]


def fill(value, ids, markdown, who):
    if isinstance(value, dict):
        return {k: fill(v, ids, markdown, who) for k, v in value.items()}
    if value == MARKDOWN:
        return markdown + f"\n\nSaved by {who}.\n"
    return value.format(**ids) if isinstance(value, str) else value


@test("role_matrix")
def role_matrix():
    """Every cell of MATRIX: the role's request over the API or the form answers one of the allowed statuses
    (pages for outsiders: a redirect to /login)."""
    team, ids, clients, markdown = role_world()
    checks = Checks("role matrix")
    for who, action, over, method, path, body, expected in MATRIX:
        client = clients[who]
        url = fill(path, ids, markdown, who)
        fields = fill(body, ids, markdown, who) if body is not None else None
        if over == "api":
            response = client.request(method, url, json=fields if method != "GET" else None)
        elif over == "form":
            response = client.request(method, url, form=dict(fields, csrf=client.csrf or ""), accept_json=False)
        else:
            response = client.request(method, url, accept_json=False)
        cell = f"{who} · {action} [{over} {method} {path}]"
        if expected == LOGIN:
            location = response.header("Location") or ""
            checks.check(response.status in REDIRECT and location.split("?")[0] == "/login",
                         f"{cell}: expected a redirect to /login, got HTTP {response.status} Location {location!r}")
        else:
            checks.check(response.status in expected,
                         f"{cell}: expected {'/'.join(map(str, expected))}, got {response.status} {response.text[:80]!r}")
    checks.done()
