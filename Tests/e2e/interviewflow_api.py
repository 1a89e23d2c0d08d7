"""A small client of InterviewFlow's JSON API (docs/openapi.yaml), standard library only.

The browser test and the load benchmark use it to set up accounts, positions, candidates and
interviews the way a team would through the API, before the part they actually measure.
"""
import http.cookiejar
import json
import re
import urllib.error
import urllib.request


class Client:
    """One signed-in person: a cookie jar and the CSRF token the session handed out."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def call(self, method, path, body=None, form=None, expect=(200, 201, 204)):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        if status not in expect:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {payload[:300]!r}")
        if payload and payload.lstrip()[:1] in (b"{", b"["):
            return json.loads(payload)
        return payload.decode(errors="replace")

    def start_session(self):
        self.csrf = self.call("GET", "/api/v1/session")["csrf"]

    def login(self, email, password):
        self.start_session()
        self.csrf = self.call("POST", "/api/v1/session", {"email": email, "password": password})["csrf"]

    def session_cookie(self):
        for cookie in self.jar:
            if cookie.name == "interviewflow-session":
                return cookie.value
        return None


def create_first_admin(base, setup_url, name, email, password):
    """Fills the one-time setup form the server printed at its first start."""
    client = Client(base)
    page = client.call("GET", setup_url[len(base):] if setup_url.startswith(base) else setup_url)
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    setup_token = re.search(r'name="token" value="([0-9a-f]+)"', page).group(1)
    client.call("POST", "/setup", form={"csrf": token, "token": setup_token, "name": name, "email": email,
                                         "password": password}, expect=(200, 303))
    client.login(email, password)
    return client


def guide_id(client, slug):
    for guide in client.call("GET", "/api/v1/guides"):
        if guide["slug"] == slug:
            return guide["id"]
    raise RuntimeError(f"no guide {slug}")
