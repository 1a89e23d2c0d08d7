"""The data a team has, created over the JSON API before schemathesis runs: an admin, a hiring manager
who owns a position and uploaded a guide, an interviewer on the position and on an interview's panel,
a candidate with a PDF resume, and interviews. Standard library only.

Each operation that takes an `{id}` is pointed at a real record (`path_id`), and parameters that name
guide keys, guides, dates or new emails draw from lists of real ones half the time (`dictionaries`):
random values would only ever be answered 404 or 422, and the handlers behind the lookup would never run.
"""
import json
import os
import sys
import urllib.error
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from interviewflow_api import Client, create_first_admin, guide_id  # noqa: E402

PASSWORDS = {
    "admin": "the admin's long password",
    "hiring_manager": "the hiring manager's long password",
    "interviewer": "the interviewer's long password",
}
EMAILS = {"admin": "ada@example.com", "hiring_manager": "hana@example.com", "interviewer": "ivan@example.com"}
ROLES = ("admin", "hiring_manager", "interviewer")

# The smallest file the server's PDF check (PDFCheck.swift) takes: the header, and %%EOF near the end.
TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def multipart(client, path, fields, files):
    """POSTs multipart/form-data (urllib has no encoder for it)."""
    boundary = "schemathesis-" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content_type, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    headers = {"Accept": "application/json", "Content-Type": f"multipart/form-data; boundary={boundary}",
               "X-CSRF-Token": client.csrf}
    request = urllib.request.Request(client.base + path, data=body, method="POST", headers=headers)
    try:
        with client.opener.open(request, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"POST {path}: HTTP {error.code}: {error.read()[:300]!r}") from None


class Team:
    """Everyone's sessions and the ids of what they made."""

    def __init__(self, base, setup_url):
        self.base = base
        self.admin = create_first_admin(base, setup_url, "Ada Admin", EMAILS["admin"], PASSWORDS["admin"])
        for role, name in (("hiring_manager", "Hana Manager"), ("interviewer", "Ivan Interviewer")):
            self.admin.call("POST", "/api/v1/users", {"name": name, "email": EMAILS[role],
                                                      "password": PASSWORDS[role], "role": role})
        users = {user["email"]: user["id"] for user in self.admin.call("GET", "/api/v1/users")}
        self.user_ids = {role: users[email] for role, email in EMAILS.items()}
        manager = self.sign_in("hiring_manager")

        # The hiring manager uploads a guide of their own (a copy of a bundled one) and owns a position.
        bundled = manager.call("GET", f"/api/v1/guides/{guide_id(manager, 'python-backend-senior.en')}")
        self.guide = manager.call("POST", "/api/v1/guides", {"slug": "team-guide", "markdown": bundled["markdown"]})["id"]
        self.position = manager.call("POST", "/api/v1/positions", {"title": "Backend engineer",
                                                                   "guideID": bundled["id"]})["position"]["id"]
        manager.call("POST", f"/api/v1/positions/{self.position}/members", {"email": EMAILS["interviewer"]})

        # A candidate with a PDF resume, and for each role a candidate of its own for `/erase` to destroy.
        self.candidate = multipart(manager, "/api/v1/candidates",
                                   {"positionID": self.position, "name": "Cleo Candidate", "contact": "cleo@example.com",
                                    "resumeText": "Ten years of Python.", "notes": "Referred by Ivan."},
                                   {"resumePDF": ("cleo.pdf", "application/pdf", TINY_PDF)})["id"]
        self.erasable = {role: self.new_candidate(manager, f"Erasable for {role}") for role in ROLES}

        # The console's interview (the interviewer and the hiring manager on its panel; the admin is not,
        # so the console's 403 is exercised too), and another one whose status the fuzzer changes at will.
        panel = [self.user_ids["interviewer"], self.user_ids["hiring_manager"]]
        self.interview = self.schedule(manager, self.candidate, panel)
        self.status_interview = self.schedule(manager, self.new_candidate(manager, "Sam Status"), panel)
        for person in (manager, self.sign_in("interviewer")):     # each scorecard at its first question
            person.call("POST", f"/api/v1/interviews/{self.interview}/console/actions", {"clientID": "team-start-1", "type": "start"})

    def sign_in(self, role):
        client = Client(self.base)
        client.login(EMAILS[role], PASSWORDS[role])
        return client

    def new_candidate(self, manager, name):
        return manager.call("POST", "/api/v1/candidates", {"positionID": self.position, "name": name,
                                                           "contact": "x@example.com"})["id"]

    @staticmethod
    def schedule(manager, candidate, interviewer_ids):
        return manager.call("POST", "/api/v1/interviews", {"candidateID": candidate, "scheduledAt": "2030-01-15T10:00",
                                                           "interviewerIDs": interviewer_ids})["id"]

    def path_id(self, role, path):
        """The `{id}` a path takes for `role`: a record that exists and that the role can at least see
        (read from the path's first segment, so routes added later get one too)."""
        if path == "/api/v1/candidates/{id}/erase":
            return self.erasable[role]
        if path == "/api/v1/interviews/{id}/status":
            return self.status_interview
        for prefix, identifier in (("/api/v1/positions/{id}", self.position), ("/api/v1/candidates/{id}", self.candidate),
                                   ("/api/v1/interviews/{id}", self.interview), ("/api/v1/guides/{id}", self.guide)):
            if path.startswith(prefix):
                return identifier
        return None

    def body_values(self):
        """Body fields that name records, by operation: with random UUIDs the fuzzer would get 404 from
        every create and never reach what the handler does with the rest of the body."""
        return {
            "POST /api/v1/candidates": {"body.positionID": self.position},
            "POST /api/v1/interviews": {"body.candidateID": self.candidate,
                                        "body.interviewerIDs": [self.user_ids["interviewer"]]},
        }

    def dictionaries(self):
        """Values the server takes, as schemathesis dictionaries: the stage, topic, question and gate keys of
        the console's interview, guides, dates and new emails. Random strings would only ever be answered
        "not found" or 422, and the handlers' success paths would never run."""
        interviewer = self.sign_in("interviewer")
        guide = interviewer.call("GET", f"/api/v1/interviews/{self.interview}/console/guide")
        topics = [topic for stage in guide["stages"] for topic in stage["topics"]]
        return {
            "stages": [stage["key"] for stage in guide["stages"]],
            "topics": [topic["key"] for topic in topics],
            "questions": sorted({question for topic in topics for question in topic["questions"]}),
            "gates": sorted({gate for topic in topics for gate in list(topic["gates"]) + list(topic["instructions"])}),
            "guides": [guide["id"] for guide in interviewer.call("GET", "/api/v1/guides")],
            "times": ["2030-03-01T09:30", "2030-03-01T09:30:00Z", "2031-12-31T23:59:59+08:00"],
            "emails": [f"fuzz{number}@example.com" for number in range(100)],
        }

    @staticmethod
    def dictionary_bindings():
        """Which parameters draw from `dictionaries()` (half the time; the other half stays random)."""
        def draw(name):
            return {"dictionary": name, "probability": 0.5}
        return {
            "GET /api/v1/interviews/{id}/console/flowchart.svg": {"query.topic": draw("topics")},
            "GET /api/v1/interviews/{id}/console/guidance": {"query.stage": draw("stages"), "query.topic": draw("topics")},
            "POST /api/v1/interviews/{id}/console/actions": {"body.topic": draw("topics"), "body.question": draw("questions"),
                                                             "body.gate": draw("gates")},
            "POST /api/v1/interviews": {"body.scheduledAt": draw("times")},
            "POST /api/v1/positions": {"body.guideID": draw("guides")},
            "POST /api/v1/users": {"body.email": draw("emails")},
        }
