"""A raw HTTP client for attacking the server: never follows redirects, keeps its own cookies, shows every
status and header, and can forge what a browser would not (X-Forwarded-For, replayed cookies).

Standard library only (http.client), one connection per request so a request the server refuses cannot
poison the next one.
"""
import http.client
import json as jsonlib
import re
import time
import urllib.parse

SESSION_COOKIE = "interviewflow-session"


class Response:
    def __init__(self, status, headers, body, elapsed):
        self.status = status
        self.headers = headers          # list of (name, value), as sent
        self.body = body
        self.elapsed = elapsed

    def header(self, name, default=None):
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return default

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return jsonlib.loads(self.body)

    def __repr__(self):
        return f"HTTP {self.status} {self.text[:200]!r}"


class Client:
    """One visitor: a cookie jar and, once fetched, the session's CSRF token."""

    def __init__(self, base, forwarded_for=None):
        parsed = urllib.parse.urlsplit(base)
        self.base = base.rstrip("/")
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies = {}
        self.csrf = None
        self.forwarded_for = forwarded_for

    # -- plumbing -------------------------------------------------------------------------------------------

    def request(self, method, path, json=None, form=None, body=None, headers=None, csrf_header=None,
                timeout=30, accept_json=None):
        """Sends one request. `json` → JSON body (and the X-CSRF-Token header when we have a token),
        `form` → urlencoded body; pass `csrf_header=False` to leave the header out."""
        sent = {}
        data = body
        if json is not None:
            data = jsonlib.dumps(json).encode()
            sent["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if accept_json is None:
            accept_json = path.startswith("/api/")
        sent["Accept"] = "application/json" if accept_json else "text/html"
        if csrf_header is None:
            csrf_header = form is None and method not in ("GET", "HEAD")
        if csrf_header and self.csrf:
            sent["X-CSRF-Token"] = self.csrf
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.forwarded_for:
            sent["X-Forwarded-For"] = self.forwarded_for
        sent.update(headers or {})
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            payload = response.read()
            elapsed = time.monotonic() - started
            result = Response(response.status, response.getheaders(), payload, elapsed)
        finally:
            connection.close()
        for value in result.all("Set-Cookie"):
            self._store_cookie(value)
        return result

    def _store_cookie(self, header):
        first, *attributes = header.split(";")
        name, _, value = first.strip().partition("=")
        expired = False
        for attribute in attributes:
            key, _, val = attribute.strip().partition("=")
            if key.lower() == "max-age" and val.strip().lstrip("-").isdigit() and int(val) <= 0:
                expired = True
            if key.lower() == "expires" and re.search(r"1970", val):
                expired = True
        if expired or value == "":
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    # -- the site's conventions -----------------------------------------------------------------------------

    @property
    def session_cookie(self):
        return self.cookies.get(SESSION_COOKIE)

    def fetch_csrf(self):
        """`GET /api/v1/session`: the CSRF token (and starts the session cookie)."""
        response = self.get("/api/v1/session")
        if response.status != 200:
            raise AssertionError(f"GET /api/v1/session answered {response.status}: {response.text[:200]}")
        self.csrf = response.json()["csrf"]
        return response.json()

    def login(self, email, password, expect=200):
        """Logs in over the API; returns the response (asserting its status unless expect is None)."""
        self.fetch_csrf()
        response = self.post("/api/v1/session", json={"email": email, "password": password})
        if expect is not None and response.status != expect:
            raise AssertionError(f"login of {email} answered {response.status}, expected {expect}: {response.text[:200]}")
        if response.status == 200:
            self.csrf = response.json()["csrf"]
        return response

    def api(self, method, path, json=None, expect=(200, 201, 204)):
        """A JSON API call that must succeed; returns the decoded body (or None)."""
        response = self.request(method, path, json=json)
        if response.status not in (expect if isinstance(expect, tuple) else (expect,)):
            raise AssertionError(f"{method} {path} answered {response.status}, expected {expect}: {response.text[:300]}")
        return response.json() if response.body.strip()[:1] in (b"{", b"[") else None

    def form(self, path, fields, method="POST"):
        """Submits an HTML form the way a browser does: urlencoded, with the `csrf` field, no header."""
        if self.csrf is None:
            self.fetch_csrf()
        return self.request(method, path, form=dict(fields, csrf=self.csrf), accept_json=False)

    def signed_in(self):
        """Whether the session signs anyone in: the API's answer to a signed-in-only call."""
        return self.get("/api/v1/positions").status == 200


def page_field(html, name):
    """The value of a hidden form field in a page (`name="csrf" value="…"`)."""
    match = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), html)
    return match.group(1) if match else None
