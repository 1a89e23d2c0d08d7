"""Setting up a team the way people do: the first admin through the printed one-time link, accounts,
positions, candidates, interviews and console actions through the JSON API (docs/openapi.yaml)."""
import threading

from harness import SETTINGS, expect, fixture
from server import Server
from web import Client, page_field

PASSWORD = "a long enough password 1"
ADMIN_EMAIL = "ada@example.com"
BUNDLED_GUIDE = "backend-new-graduate.en"


class Team:
    """A running server with its admin signed in over the API."""

    def __init__(self, server, admin):
        self.server = server
        self.admin = admin
        self.base = server.base
        self.users = {}             # email → id
        self._guides = None

    def client(self, forwarded_for=None):
        return Client(self.base, forwarded_for=forwarded_for)

    def login(self, email, password=PASSWORD, forwarded_for=None):
        client = self.client(forwarded_for)
        client.login(email, password)
        return client

    def add_user(self, email, role, name=None, password=PASSWORD):
        user = self.admin.api("POST", "/api/v1/users", {"name": name or email.split("@")[0].title(), "email": email,
                                                        "password": password, "role": role})
        self.users[email] = user["id"]
        return user["id"]

    def add_users(self, specs):
        """Creates many accounts at once (each costs a bcrypt hash): [(email, role, name)]."""
        errors = []

        def one(spec):
            try:
                self.add_user(*spec)
            except Exception as error:         # reported below
                errors.append(str(error))
        threads = [threading.Thread(target=one, args=(spec,)) for spec in specs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        expect(not errors, f"creating accounts failed: {errors[:3]}")

    def guide_id(self, slug=BUNDLED_GUIDE):
        if self._guides is None:
            self._guides = {g["slug"]: g["id"] for g in self.admin.api("GET", "/api/v1/guides")}
        return self._guides[slug]

    def position(self, title, by=None, guide=None, members=()):
        client = by or self.admin
        detail = client.api("POST", "/api/v1/positions", {"title": title, "guideID": guide or self.guide_id()})
        position_id = detail["position"]["id"]
        for email in members:
            client.api("POST", f"/api/v1/positions/{position_id}/members", {"email": email})
        return position_id

    def candidate(self, position_id, name, by=None, contact="someone@example.com", resume="", notes=""):
        client = by or self.admin
        return client.api("POST", "/api/v1/candidates", {"positionID": position_id, "name": name, "contact": contact,
                                                          "resumeText": resume, "notes": notes})["id"]

    def interview(self, candidate_id, interviewer_ids, by=None, when="2026-12-01T10:00"):
        client = by or self.admin
        return client.api("POST", "/api/v1/interviews", {"candidateID": candidate_id, "scheduledAt": when,
                                                          "interviewerIDs": list(interviewer_ids)})["id"]


def create_first_admin(server, name="Ada Admin", email=ADMIN_EMAIL, password=PASSWORD):
    """Fills the one-time setup form; returns (status of the form post, a client signed in over the API)."""
    browser = Client(server.base)
    url = server.setup_url()
    page = browser.get(url[len(server.base):])
    expect(page.status == 200, f"the setup link answered {page.status}")
    csrf, token = page_field(page.text, "csrf"), page_field(page.text, "token")
    expect(csrf and token, "the setup page has no csrf/token fields")
    posted = browser.post("/setup", form={"csrf": csrf, "token": token, "name": name, "email": email,
                                          "password": password})
    return posted


def start_team(name, args=(), admin_name="Ada Admin", env=None):
    """A fresh server with its first admin; the admin is signed in over the API."""
    server = Server(SETTINGS["binary"], name, args=args, env=env).start()
    posted = create_first_admin(server, name=admin_name)
    expect(posted.status in (200, 303), f"creating the first admin answered {posted.status}: {posted.text[:300]}")
    admin = Client(server.base)
    admin.login(ADMIN_EMAIL, PASSWORD)
    team = Team(server, admin)
    team.users[ADMIN_EMAIL] = admin.fetch_csrf()["user"]["id"]
    admin.fetch_csrf()
    return team


class Console:
    """Console actions over the API (`POST …/console/actions`), one client id each."""

    def __init__(self, client, interview_id, prefix):
        self.client, self.interview_id, self.prefix = client, interview_id, prefix
        self.count = 0

    def act(self, type_, expect_status=(200,), **fields):
        self.count += 1
        body = dict(fields, clientID=f"{self.prefix}-action-{self.count:05d}", type=type_)
        response = self.client.request("POST", f"/api/v1/interviews/{self.interview_id}/console/actions", json=body)
        if expect_status and response.status not in expect_status:
            raise AssertionError(f"console {type_} answered {response.status}: {response.text[:300]}")
        return response

    def view(self):
        return self.client.api("GET", f"/api/v1/interviews/{self.interview_id}/console")

    def at_question(self):
        """Moves on until a question is waiting to be rated; returns (topic, question id)."""
        for _ in range(30):
            view = self.view()
            question = view.get("question")
            if view.get("agenda") == "rate" and question:
                return question["topic"], question["id"]
            if view.get("agenda") in ("gate", "offerJump") and view.get("decision"):
                decision = view["decision"]
                self.act("answer", topic=decision["topic"], gate=decision["id"], answer=True)
            else:
                self.act("moveOn")
        raise AssertionError("the console never reached a question")


@fixture
def shared_team():
    """One team most tests share: admin, two hiring managers, two interviewers, a position with a candidate
    and an interview. Tests that change accounts make their own."""
    team = start_team("shared")
    team.add_users([("hana@example.com", "hiring_manager", "Hana Hiring"),
                    ("hugo@example.com", "hiring_manager", "Hugo Hiring"),
                    ("ivy@example.com", "interviewer", "Ivy Interviewer"),
                    ("ian@example.com", "interviewer", "Ian Interviewer")])
    team.hana = team.login("hana@example.com")
    team.hugo = team.login("hugo@example.com")
    team.ivy = team.login("ivy@example.com")
    team.ian = team.login("ian@example.com")
    team.position_id = team.position("Backend engineer", by=team.hana, members=["ivy@example.com"])
    team.candidate_id = team.candidate(team.position_id, "Casey Candidate", by=team.hana)
    team.interview_id = team.interview(team.candidate_id, [team.users["ivy@example.com"]], by=team.hana)
    # An interview with a card, so its report page has content.
    console = Console(team.ivy, team.interview_id, "shared")
    console.act("start")
    topic, question = console.at_question()
    console.act("rate", topic=topic, question=question, rating=3)
    return team
