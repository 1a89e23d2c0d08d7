"""Stored and reflected XSS: every payload of payloads.py typed into every field people fill in (names,
emails, titles, candidates' contacts, resumes and notes, guide Markdown in all its parts, console notes,
skip reasons and drafts), then every page that shows them opened in headless Chromium, and the downloads
checked to carry the text as data."""
import json
import os
import re
import time
from urllib.parse import quote

import browser
from harness import SETTINGS, Checks, Skip, expect, fixture, note, test
from payloads import PAYLOADS, all_payloads, as_stored, chunks, flow_safe, line_payloads, marker, payload, yaml_string
from server import Server, temp_folder
from web import Client, page_field
from world import ADMIN_EMAIL, PASSWORD, Console, Team, create_first_admin

# Emails people can type that pass the server's email check (one '@', a dot after it, no spaces).
EMAIL_PAYLOADS = [
    "\"><svg/onload=__xss('xss_eml_00')>@x.io",
    "<img/src/onerror=__xss('xss_eml_01')>@x.io",
    "'><details/open/ontoggle=__xss('xss_eml_02')>@x.io",
]


def guide_markdown(field):
    """A complete guide (front matter, stages, stage questions, topics with flowcharts, guidance prose) with a
    payload in every part a page can show."""
    lines = [payload(field, i) for i, (_, kind) in enumerate(PAYLOADS) if kind == "line"]
    flow = [text for text in lines if flow_safe(text)]
    preface = all_payloads(field)
    # Headings inside a stage's prose would end the stages (the guide format reads them as structure), so
    # the heading payload goes in the preface only.
    prose = "\n\n".join(payload(field, i) for i, (text, _) in enumerate(PAYLOADS) if not text.startswith("# "))
    title = chunks(field)[0]
    scale = "\n".join(f"  {level}: {yaml_string(lines[level])}" for level in range(5))
    rubric = ", ".join(f"{level}: {yaml_string(lines[5 + level])}" for level in range(1, 5))
    front = f"""---
guide:
  id: xss-guide
  language: en
  title: {yaml_string(title)}
  audience: {yaml_string(lines[10])}
scale:
{scale}
topics:
  "2.1":
    questions:
      op1:
        weight: 1
        dimensions: [{yaml_string(lines[11])}, {yaml_string(lines[12])}]
        reference: {yaml_string(" ".join(lines))}
        rubric: {{ {rubric} }}
recommendation:
  - {{ band: strong-hire, min: 80, label: {yaml_string(lines[13])} }}
  - {{ band: hire, min: 60, label: {yaml_string(lines[14])} }}
  - {{ band: lean-no, min: 40, label: {yaml_string(lines[15])} }}
  - {{ band: no-hire, min: 0, label: {yaml_string(lines[16])} }}
---
"""
    nodes = ["st=>start: Start " + flow[0]]
    chain = ["st"]
    for k, text in enumerate(flow[1:], start=1):
        node = f"op{k}"
        nodes.append(f"{node}=>operation: {text}(reference {flow[(k + 3) % len(flow)]})")
        chain.append(node)
        if k == 3:
            nodes.append(f"cond1=>condition: {flow[2]}")
            chain.append("cond1")
    nodes.append(f"sub1=>subroutine: {flow[4]}")
    nodes.append(f"e=>end: End {flow[5]}")
    nodes.append(f"link1=>operation: a linked node:>javascript:__xss('{marker(field, 90)}')[blank]")
    cond_at = chain.index("cond1")
    edges = ["->".join(chain[:cond_at + 1]),
             f"cond1(yes)->{'->'.join(chain[cond_at + 1:])}->sub1->link1->e",
             "cond1(no)->e",
             "op1@>op2({\"stroke\":\"red\\\" onmouseover=\\\"__xss('%s')\",\"stroke-width\":6})" % marker(field, 91)]
    flowchart = "```flow\n" + "\n".join(nodes + edges) + "\n```\n"
    second = f"```flow\nst=>start: {flow[6]}\nop1=>operation: {flow[7]}(ref {flow[8]})\ne=>end: {flow[9]}\nst->op1->e\n```\n"
    # A Mermaid chart: payloads in labels, a subgraph's title, a line's label, and in styles, whose values
    # become SVG attributes (an allow-list must keep them from opening one of their own).
    def quoted(text):
        return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'
    third = "\n".join([
        "```mermaid", "flowchart TD",
        f"  st([{quoted(flow[10 % len(flow)])}]) --> grp",
        f"  subgraph grp [{quoted(flow[11 % len(flow)])}]",
        f"    q1[{quoted(flow[12 % len(flow)])}] -->|{quoted(flow[13 % len(flow)])}| q2[{quoted(flow[14 % len(flow)])}]",
        "  end",
        "  grp --> e([End])",
        f"  classDef hot fill:red\" onmouseover=\"__xss('{marker(field, 92)}'),stroke:url(javascript:__xss('{marker(field, 93)}'))",
        "  class q1 hot",
        f"  style grp fill:#fff\" onload=\"__xss('{marker(field, 94)}')",
        f"  style q2 color:expression(__xss('{marker(field, 95)}'))",
        f"  linkStyle 0 stroke:red\" onmouseover=\"__xss('{marker(field, 96)}')",
        "```", ""])
    # A flowchart.js chart converted from Mermaid carries its subgraphs in parameters, percent-encoded
    # (GroupParameters): payloads in a subgraph's id, title and style, decoded into the drawing.
    def encoded(text):
        return "".join("".join("%%%02X" % b for b in c.encode()) if c in "%(),=|" or ord(c) < 0x20 else c for c in text)
    group = encoded(flow[15 % len(flow)])
    style = encoded("fill:red\" onload=\"__xss('%s')" % marker(field, 97))
    fourth = "\n".join([
        "```flow",
        f"g1(subgraph={group},subgraph-title.{group}={encoded(flow[16 % len(flow)])},"
        + f"subgraph-style.{group}={style})=>operation: {flow[17 % len(flow)]}",
        f"g2(subgraph={group})=>operation: {flow[18 % len(flow)]}",
        "g1->g2",
        "```", ""])
    return f"""{front}
# {lines[17]}

{preface}

## Interview process {lines[18]}

### 0. Resume {lines[19]}

{prose}

### 1. Warm-up {lines[20]} (required)

{prose}

1.1 {lines[21]}

1.2 {lines[22]}

### 2. Technical {lines[23]} (required)

{prose}

#### 2.1 First topic {lines[24]}

{prose}

{flowchart}
#### 2.2 Second topic {lines[25]}

{prose}

{second}
#### 2.3 Third topic {lines[27 % len(lines)]}

{prose}

{third}
#### 2.4 Fourth topic {lines[28 % len(lines)]}

{prose}

{fourth}
### 3. Closing {lines[26]} (optional)

{prose}
"""


class World:
    pass


def accepted(response, refused, what):
    if response.status in (200, 201, 204, 302, 303):
        return True
    refused.append(f"{what}: {response.status}")
    return False


@fixture
def xss_world():
    """A server holding every payload in every field; the admin (whose own name is a payload) sees it all."""
    w = World()
    w.refused = []
    w.server = Server(SETTINGS["binary"], "xss").start()
    posted = create_first_admin(w.server, name=chunks("adm")[0])
    if posted.status not in (200, 303):
        w.refused.append(f"setup with a payload name: {posted.status}")
        posted = create_first_admin(w.server, name="Ada Admin")
        expect(posted.status in (200, 303), f"setup answered {posted.status}")
    admin = Client(w.server.base)
    admin.login(ADMIN_EMAIL, PASSWORD)
    team = w.team = Team(w.server, admin)
    me = admin.fetch_csrf()["user"]["id"]
    # Accounts: payload names (API and the users page form) and payload emails.
    team.users = {}
    names = chunks("usr")
    team.add_users([(f"usr{k}@example.com", "interviewer", name) for k, name in enumerate(names)])
    form = admin.form("/users", {"name": chunks("ufm")[0], "email": "form-user@example.com", "password": PASSWORD,
                                 "role": "interviewer"})
    accepted(form, w.refused, "users page form with a payload name")
    for k, email in enumerate(EMAIL_PAYLOADS):
        response = admin.request("POST", "/api/v1/users", json={"name": f"Email {k}", "email": email,
                                                                 "password": PASSWORD, "role": "hiring_manager"})
        if accepted(response, w.refused, f"account with payload email {k}"):
            team.users[response.json()["email"]] = response.json()["id"]
    # The guide: uploaded over the API, then saved again through the editor form with more payloads.
    w.markdown = guide_markdown("gd")
    upload = admin.request("POST", "/api/v1/guides", json={"slug": "xss-guide", "markdown": w.markdown})
    expect(upload.status == 201, f"uploading the payload guide answered {upload.status}: {upload.text[:300]}")
    w.guide = upload.json()
    w.first_version = w.guide["current"]["id"] if w.guide.get("current") else None
    edited = admin.form(f"/guides/{w.guide['id']}/edit", {"markdown": w.markdown + "\n" + all_payloads("ged") + "\n"})
    accepted(edited, w.refused, "guide editor save")
    slugged = admin.form("/guides", {"slug": chunks("slg", limit=90)[0], "markdown": "# A guide\n\n" + all_payloads("gdb")})
    accepted(slugged, w.refused, "guide upload form with a payload slug")
    w.other_guides = [g["id"] for g in admin.api("GET", "/api/v1/guides") if "xss_slg_" in g["slug"]]
    # Positions with payload titles; the first holds the candidates and every account.
    w.positions = []
    for title in chunks("pos"):
        response = admin.request("POST", "/api/v1/positions", json={"title": title, "guideID": w.guide["id"]})
        if accepted(response, w.refused, "position with a payload title"):
            w.positions.append(response.json()["position"]["id"])
    if not w.positions:
        w.positions.append(team.position("Plain position", guide=w.guide["id"]))
    p0 = w.positions[0]
    for email in list(team.users):
        admin.request("POST", f"/api/v1/positions/{p0}/members", json={"email": email})
    # Candidates: payload names and contacts, every payload in the resume and the notes.
    w.candidates = []
    names, contacts = chunks("can"), chunks("con", limit=480)
    for k in range(max(len(names), len(contacts))):
        response = admin.request("POST", "/api/v1/candidates", json={
            "positionID": p0, "name": names[k % len(names)], "contact": contacts[k % len(contacts)],
            "resumeText": all_payloads("res"), "notes": all_payloads("not")})
        if accepted(response, w.refused, "candidate with payloads"):
            w.candidates.append(response.json()["id"])
    expect(w.candidates, f"no candidate with payloads could be created: {w.refused}")
    c0 = w.candidates[0]
    # The accounts with payload emails read a candidate, which puts their email in the audit log.
    for email in EMAIL_PAYLOADS:
        if email.lower() in team.users:
            reader = Client(w.server.base)
            if reader.login(email, PASSWORD, expect=None).status == 200:
                reader.get(f"/api/v1/candidates/{c0}")
    # Interviews on the first candidate: A stays in progress, B is finished; both with notes, a skip and a draft.
    panel = [me] + [team.users[f"usr{k}@example.com"] for k in range(len(chunks("usr")))][:3]
    w.interview_a = team.interview(c0, panel)
    w.interview_b = team.interview(c0, panel, when="2026-12-02T10:00")
    skip_reason = " ".join(payload("sk", i) for i, (_, kind) in enumerate(PAYLOADS) if kind == "line")
    for interview, prefix in ((w.interview_a, "xa"), (w.interview_b, "xb")):
        console = Console(admin, interview, prefix)
        console.act("start")
        topic, question = console.at_question()
        console.act("note", text=all_payloads("cn"), shared=True)
        console.act("note", text=all_payloads("cnp"), shared=False, topic=topic, question=question)
        console.act("skip", topic=topic, question=question, reason=skip_reason)
        topic, question = console.at_question()
        console.act("rate", topic=topic, question=question, rating=3)
        admin.request("PUT", f"/api/v1/interviews/{interview}/console/draft", json={"text": all_payloads("dr")})
    Console(admin, w.interview_b, "xb-end").act("finish", confirm=True)
    # Submitted with a payload summary, then revised with a payload reason (issue 14's texts).
    Console(admin, w.interview_b, "xb-sub").act("submit", recommendation="no-decision", summary=all_payloads("sum"))
    Console(admin, w.interview_b, "xb-rev").act("note", text=all_payloads("rev"), shared=True,
                                                  revisionReason=" ".join(line_payloads("rr")[:25]))  # reasons: 2,000 characters
    # The hiring decision's rationale, on the candidate of B.
    admin.request("POST", f"/api/v1/candidates/{c0}/decision", json={"outcome": "advance", "rationale": all_payloads("dec")})
    w.debrief_candidate = c0
    # A second scorecard on B by an account with a payload name, so the report's panel lists it.
    colleague = Client(w.server.base)
    colleague.login("usr0@example.com", PASSWORD)
    other = Console(colleague, w.interview_b, "xc")
    other.act("start")
    other.act("note", text=all_payloads("cnb"), shared=True)
    cards = re.findall(r"[?&]card=([0-9A-Fa-f-]{36})", admin.get(f"/interviews/{w.interview_b}/report").text)
    w.cards = sorted(set(cards))
    return w


def report_findings(checks, label, found, calls, dialogs_seen, url):
    hits = sorted({call for call in calls if "xss_" in call})
    checks.check(not hits, f"{label}: payloads RAN: {hits[:6]}")
    alerts = [text for text in dialogs_seen if "xss_" in text or text in ("1",)]
    checks.check(not alerts, f"{label}: JavaScript dialogs opened: {alerts[:4]}")
    checks.check(not found, f"{label}: injected markup in the DOM: " + "; ".join(f"{m} {where}" for m, where in found[:4]))


def pages(w):
    base, team = w.server.base, w.team
    console_ready = "document.getElementById('console') && document.getElementById('console').dataset.state !== 'loading'"
    listed = [("positions list", "/positions", None), ("candidates list", "/candidates", None),
              ("interviews list", "/interviews", None), ("guide library", "/guides", None),
              ("guide page", f"/guides/{w.guide['id']}", None),
              ("guide editor", f"/guides/{w.guide['id']}/edit", None),
              ("console (in progress)", f"/interviews/{w.interview_a}/console", console_ready),
              ("console (finished)", f"/interviews/{w.interview_b}/console", console_ready),
              ("report (finished)", f"/interviews/{w.interview_b}/report", None),
              ("report (in progress)", f"/interviews/{w.interview_a}/report", None),
              ("users page", "/users", None), ("audit page", "/audit", None), ("account page", "/account", None),
              ("debrief", f"/candidates/{w.debrief_candidate}/debrief", None)]
    for guide in w.other_guides:
        listed += [("guide page (uploaded through the form)", f"/guides/{guide}", None),
                   ("guide editor (uploaded through the form)", f"/guides/{guide}/edit", None)]
    if w.first_version:
        listed.append(("guide page, first version", f"/guides/{w.guide['id']}?version={w.first_version}", None))
    for card in w.cards:
        listed.append((f"report, card {card[:8]}", f"/interviews/{w.interview_b}/report?card={card}", None))
    for k, position in enumerate(w.positions):
        listed.append((f"position page {k}", f"/positions/{position}", None))
    for k, candidate in enumerate(w.candidates):
        listed.append((f"candidate page {k}", f"/candidates/{candidate}", None))
    del team
    return [(label, base + path, ready) for label, path, ready in listed]


@test("xss_stored_in_every_page")
def xss_stored_in_every_page():
    """Every page that shows user-entered text, opened in Chromium as the admin: no payload runs (hook and
    dialogs) and none leaves executable markup in the DOM (checked whatever the CSP blocks)."""
    w = xss_world()
    driver = browser.chromium()
    browser.login(driver, w.server.base, ADMIN_EMAIL, PASSWORD)
    checks = Checks("stored XSS" + (f" (inputs the server refused: {w.refused})" if w.refused else ""))
    fields = set()
    for label, url, ready in pages(w):
        found, calls, dialogs_seen, _ = browser.visit(driver, url, ready=ready, settle=1.5 if ready else 0.3)
        report_findings(checks, label, found, calls, dialogs_seen, url)
        shown = driver.execute_script("""
            var text = document.documentElement.outerHTML;
            document.querySelectorAll('textarea, input').forEach(function (e) { text += ' ' + e.value; });
            return (text.match(/xss_[a-z]+_\\d\\d/g) || []).map(function (m) { return m.split('_')[1]; });""")
        fields.update(shown)
        checks.check(shown, f"{label}: none of the payloads is on the page, so it was not tested ({url})")
    missing = sorted(set(FIELDS) - fields)
    note(f"{len(pages(w))} pages; fields shown: {', '.join(FIELDS[f] for f in sorted(fields & set(FIELDS)))}")
    if missing:
        note(f"typed in but shown on no page (so not tested there): {', '.join(FIELDS[f] for f in missing)}")
    checks.done()


FIELDS = {"adm": "admin name (setup)", "usr": "user names (API)", "ufm": "user name (users form)",
          "eml": "emails", "gd": "guide Markdown", "ged": "guide Markdown (editor form)", "slg": "guide slug",
          "gdb": "guide Markdown (upload form)", "pos": "position titles", "can": "candidate names",
          "con": "contacts", "res": "resume text", "not": "candidate notes", "cn": "console notes (shared)",
          "cnp": "console notes (private)", "cnb": "a colleague's console note", "sk": "skip reasons",
          "dr": "console draft", "sum": "scorecard summary", "rev": "a note added in a revision",
          "rr": "revision reasons", "dec": "decision rationale"}


def fill(name, value):
    """A form field's value: a payload field code becomes its payloads, anything else is typed as it is."""
    if not re.fullmatch(r"[a-z]{3}", value or ""):
        return value
    return all_payloads(value) if name in ("resumeText", "notes", "markdown") else chunks(value)[0]


FORMS = [
    # page, form selector, fields (a three-letter payload field code, or a literal value the server refuses)
    ("/positions", "form[action='/positions'][method='post']", {"title": "pfm", "guideID": ""}),
    ("/users", "form[action='/users'][method='post']", {"name": "ufe", "email": "not-an-email", "password": "short"}),
    ("/guides", "form[action='/guides'][method='post']", {"slug": "gfm", "markdown": ""}),
    ("/positions/{p0}", "form[enctype='multipart/form-data']", {"name": "cfn", "contact": "", "resumeText": "cfr",
                                                                 "notes": "cfo"}),
]


@test("xss_reflected")
def xss_reflected():
    """Payloads reflected from the query string (search boxes, filters) and from forms shown again with their
    errors (positions, users, guide upload, candidate) do not run and leave no executable markup."""
    w = xss_world()
    driver = browser.chromium()
    browser.login(driver, w.server.base, ADMIN_EMAIL, PASSWORD)
    base = w.server.base
    checks = Checks("reflected XSS")
    for label, path, field in (("candidate search", "/candidates?q=", "qcs"), ("position search", "/positions?q=", "qps"),
                               ("interview filter", "/interviews?status=", "qif"),
                               ("position page search", f"/positions/{w.positions[0]}?q=", "qpp"),
                               ("language switch", "/language?to=", "qls")):
        for text in chunks(field, limit=1500):
            found, calls, dialogs_seen, _ = browser.visit(driver, base + path + quote(text, safe=""))
            report_findings(checks, label, found, calls, dialogs_seen, path)
            if label in ("candidate search", "position search"):
                shown = driver.execute_script("return document.documentElement.outerHTML.indexOf(arguments[0]) >= 0;",
                                              f"xss_{field}_")
                checks.check(shown, f"{label}: the search term is not shown again, so it was not tested")
    for page, selector, fields in FORMS:
        url = base + page.format(p0=w.positions[0])
        browser.visit(driver, url)
        values = {name: fill(name, value) for name, value in fields.items()}
        submitted = driver.execute_script("""
            var form = document.querySelector(arguments[0]); if (!form) return false;
            var values = arguments[1];
            for (var name in values) { var input = form.elements[name]; if (input) input.value = values[name]; }
            form.noValidate = true; HTMLFormElement.prototype.submit.call(form); return true;""", selector, values)
        checks.check(submitted, f"form {selector} not found on {page}")
        if not submitted:
            continue
        time.sleep(1.0)
        browser.dialogs(driver)
        result = driver.execute_script(browser.SCAN)
        report_findings(checks, f"{page} form shown again", result["found"], result["calls"], browser.dialogs(driver), page)
        codes = [value for value in fields.values() if re.fullmatch(r"[a-z]{3}", value or "")]
        shown = driver.execute_script("return document.documentElement.outerHTML;")
        checks.check(any(f"xss_{code}_" in shown for code in codes),
                     f"{page}: the form was not shown again with what was typed, so it was not tested")
    # The login form echoes the email it was given.
    visitor = Client(base)
    visitor.fetch_csrf()
    echoed = visitor.request("POST", "/login", form={"csrf": visitor.csrf, "email": chunks("lgn")[0], "password": "x"})
    checks.check("xss_lgn_" in echoed.text, "the login page did not show the typed email again, so it was not tested")
    scan_file(driver, checks, "login page shown again with a payload email", echoed.text)
    # The setup form shows the name again when the password is refused (a fresh server: its link works once).
    fresh = Server(SETTINGS["binary"], "xss-setup").start()
    try:
        visitor = Client(fresh.base)
        page = visitor.get(fresh.setup_url()[len(fresh.base):])
        refused = visitor.post("/setup", form={"csrf": page_field(page.text, "csrf"), "token": page_field(page.text, "token"),
                                               "name": chunks("stp")[0], "email": "first@example.com", "password": "short"})
        checks.check(refused.status == 422 and "xss_stp_" in refused.text,
                     f"the setup form with a short password answered {refused.status} without the typed name")
        scan_file(driver, checks, "setup page shown again with a payload name", refused.text)
    finally:
        fresh.stop()
    checks.done()


def scan_file(driver, checks, label, html):
    """Opens a page's HTML from disk (so without the server's CSP) and scans it like a served page."""
    path = os.path.join(temp_folder("page"), "page.html")
    with open(path, "w") as f:
        f.write(html)
    found, calls, dialogs_seen, _ = browser.visit(driver, "file://" + path)
    report_findings(checks, f"{label} (opened as a file, no CSP)", found, calls, dialogs_seen, path)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@test("xss_downloads_are_data")
def xss_downloads_are_data():
    """The candidate export is JSON (not HTML) carrying the payloads verbatim as data, sent as an attachment;
    the candidate's report file (HTML to send to the candidate), opened from disk with no CSP, runs nothing."""
    w = xss_world()
    admin = w.team.admin
    checks = Checks("downloads")
    c0 = w.candidates[0]
    for path in (f"/api/v1/candidates/{c0}/export", f"/candidates/{c0}/export"):
        response = admin.get(path)
        kind = response.header("Content-Type") or ""
        checks.check(response.status == 200, f"{path} answered {response.status}")
        checks.check(kind.startswith("application/json"), f"{path} is served as {kind!r}, not application/json")
        checks.check((response.header("X-Content-Type-Options") or "").lower() == "nosniff", f"{path} lacks nosniff")
        if response.status == 200 and kind.startswith("application/json"):
            texts = list(strings(response.json()))
            # Verbatim as stored: the text typed, less the control characters every form field drops.
            checks.check(as_stored(all_payloads("not")) in texts and as_stored(all_payloads("res")) in texts,
                         f"{path} does not carry the notes and resume verbatim (escaped or altered)")
    page = admin.get(f"/candidates/{c0}/export")
    checks.check("attachment" in (page.header("Content-Disposition") or ""), "the export page route is not an attachment")
    driver = browser.chromium()
    for card in w.cards or [None]:
        query = f"?card={card}" if card else ""
        report = admin.get(f"/interviews/{w.interview_b}/report/candidate.html{query}")
        checks.check(report.status == 200, f"candidate report answered {report.status}")
        if report.status != 200:
            continue
        checks.check("attachment" in (report.header("Content-Disposition") or ""), "the candidate report is not an attachment")
        path = os.path.join(temp_folder("candidate-report"), "interview-feedback.html")
        with open(path, "wb") as f:
            f.write(report.body)
        found, calls, dialogs_seen, _ = browser.visit(driver, "file://" + path)
        report_findings(checks, f"candidate report file{query}", found, calls, dialogs_seen, path)
        checks.check("xss_" in report.text, f"the candidate report{query} shows no payload (shared notes missing?)")
    checks.done()


@test("xss_report_exports_are_data")
def xss_report_exports_are_data():
    """The Markdown and JSON downloads of the debrief (the combined panel report) come as text/markdown or
    JSON, never HTML, as attachments, with the payloads as data: verbatim in JSON, escaped as text in Markdown."""
    w = xss_world()
    admin = w.team.admin
    html = admin.get(f"/candidates/{w.debrief_candidate}/debrief").text
    links = sorted(set(href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)
                       if re.search(r"\.(md|json)\b|format=(markdown|md|json)", href)))
    if not links:
        raise Skip("the report page links no Markdown or JSON download")
    checks = Checks("report exports")
    for link in links:
        response = admin.get(link)
        kind = response.header("Content-Type") or ""
        checks.check(response.status == 200, f"{link} answered {response.status}")
        checks.check("html" not in kind, f"{link} is served as {kind!r}")
        checks.check((response.header("X-Content-Type-Options") or "").lower() == "nosniff", f"{link} lacks nosniff")
        checks.check("attachment" in (response.header("Content-Disposition") or ""), f"{link} is not an attachment")
        if "json" in kind:
            texts = "\n".join(strings(json.loads(response.body)))
            checks.check(payload("cn", 0) in texts and payload("sum", 0) in texts,
                         f"{link} does not carry the notes' and the summary's payloads verbatim")
        else:
            # In Markdown every interviewer text is escaped, so no payload can become markup when rendered.
            checks.check(payload("cn", 0) not in response.text and "xss\\_cn\\_00" in response.text,
                         f"{link} carries a payload unescaped, or none at all")
    checks.done()
