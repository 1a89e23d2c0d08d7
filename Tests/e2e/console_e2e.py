#!/usr/bin/env python3
"""End-to-end test of the live interview console in real headless Chromium (Selenium + chromedriver).

An interviewer logs in, creates a candidate, schedules and starts an interview on the bundled
mid/senior guide (the seed's stages and topics), answers through several topics with a gate each
way, a jump and a return, types a note, has the server killed in the middle of the note and started
again, reloads the page, finishes, and finds the expected score and the note in the report.

The expected score is worked out below by hand from the guide's weights and the method of
docs/scoring.md, not by asking the server.

    python3 Tests/e2e/console_e2e.py [--binary .build/debug/interview] [--screenshots DIR]

Exit status 0 when every check passes; each check prints one line.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interviewflow_api import Client, create_first_admin, guide_id  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PASSWORD = "interviewer's long password"
NOTE_BEFORE_CUT = "Knows cache stampede fixes; "
NOTE_AFTER_CUT = "typed while the server was down <script>alert(1)</script>"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`interview serve` on a data directory that survives restarts, as a team runs it."""

    def __init__(self, binary, data, port):
        self.binary, self.data, self.port = binary, data, port
        self.process = None
        self.log = os.path.join(data, "serve.log")

    def start(self):
        out = open(self.log, "a")
        # LOG_LEVEL=info: each request's method and path in the log, which tells HTTP actions from the socket's.
        self.process = subprocess.Popen([self.binary, "serve", "--data", self.data, "--port", str(self.port)],
                                        stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, LOG_LEVEL="info"))
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("server exited: " + open(self.log).read()[-2000:])
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def kill(self):
        """SIGKILL: no goodbye, the way a crash or a pulled cable looks to the browser."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def setup_url(self):
        match = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", open(self.log).read())
        return match.group(1)


def action_posts(server):
    """How many console actions came as HTTP POSTs (the server logs each request's method and path)."""
    return len(re.findall(r"POST /api/v1/interviews/\S+/console/actions", open(server.log).read()))


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        raise SystemExit(1)


def expected_overall():
    """The score by hand (docs/scoring.md): topic score = 100 × Σ rating·w / Σ 4·w over rated and
    not-demonstrated questions; overall = topic-weighted mean. Weights from the guide's front matter."""
    topic_31 = 100 * (4 + 3 + 4 + 3 + 4 + 3 * 1.5 + 2 * 1.5) / (4 * 5 + 4 * 1.5 * 2)       # 79.69, weight 1
    topic_351 = 100 * 2 / 4                                                               # 50.00, weight 0.8
    topic_321 = 100 * (3 + 3 + 2 + 3) / (4 * 4 + 4 * (1.5 + 1.5 + 1.5 + 2))                # 26.19, weight 1 (op5–op8 behind "no")
    topic_322 = 100 * 3 / 4                                                               # 75.00, weight 1
    return (topic_31 * 1 + topic_351 * 0.8 + topic_321 * 1 + topic_322 * 1) / (1 + 0.8 + 1 + 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/interview")
    parser.add_argument("--screenshots", default=None, help="save screenshots of the console and the report here")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="interviewflow-e2e-")
    server = Server(os.path.abspath(args.binary), data, free_port())
    base = f"http://127.0.0.1:{server.port}"
    server.start()
    driver = None
    try:
        # The team: an admin from the setup link, who adds an interviewer and opens a position.
        admin = create_first_admin(base, server.setup_url(), "Ada Admin", "ada@example.com", "the admin's long password")
        admin.call("POST", "/api/v1/users", {"name": "Ivan Interviewer", "email": "ivan@example.com",
                                             "password": PASSWORD, "role": "interviewer"})
        position = admin.call("POST", "/api/v1/positions", {"title": "Python backend (senior)",
                                                             "guideID": guide_id(admin, "python-backend-senior.en")})["position"]
        admin.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": "ivan@example.com"})
        # Candidates and interviews are the hiring manager's to add (docs/security.md).
        admin.call("POST", "/api/v1/users", {"name": "Hana Manager", "email": "hana@example.com",
                                             "password": PASSWORD, "role": "hiring_manager"})
        admin.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": "hana@example.com"})

        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1000", "--lang=en-US"):
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        driver = webdriver.Chrome(options=options)
        wait = WebDriverWait(driver, 20)

        def state():
            return driver.find_element(By.ID, "console").get_attribute("data-state")

        def wait_for(predicate, what):
            try:
                wait.until(lambda d: predicate())
            except Exception:
                check(False, "timed out waiting for " + what)

        def question_id():
            return driver.execute_script("const m = document.querySelector('.panel .meta'); return m ? m.textContent : '';")

        def press(key, expect_state=None, what=""):
            before = question_id()
            body = driver.find_element(By.TAG_NAME, "body")
            body.send_keys(key)
            if expect_state:
                wait_for(lambda: state() == expect_state and (question_id() != before or what == "same"), f"{expect_state} after '{key}' {what}")

        def rate(rating, topic, question):
            wait_for(lambda: state() == "rate" and question_id().startswith(f"{topic} · {question} "), f"question {topic}/{question}")
            before = driver.find_element(By.ID, "console").get_attribute("data-queued")
            driver.find_element(By.TAG_NAME, "body").send_keys(str(rating))
            wait_for(lambda: not question_id().startswith(f"{topic} · {question} ") or state() != "rate", f"rating {topic}/{question}")
            del before

        def gate(answer, topic, gate_id):
            wait_for(lambda: state() in ("gate", "offerJump") and question_id() == f"{topic} · {gate_id}", f"gate {topic}/{gate_id}")
            driver.find_element(By.TAG_NAME, "body").send_keys(answer)
            wait_for(lambda: question_id() != f"{topic} · {gate_id}", f"answer at {topic}/{gate_id}")

        def log_in(email):
            driver.get(base + "/login")
            driver.find_element(By.NAME, "email").send_keys(email)
            driver.find_element(By.NAME, "password").send_keys(PASSWORD + Keys.ENTER)
            wait_for(lambda: "/login" not in driver.current_url, "the first page after login")

        # The hiring manager logs in through the form, like a person.
        log_in("hana@example.com")
        check(True, "hiring manager logged in through the login form")

        # Create a candidate on the position page.
        driver.get(base + "/positions/" + position["id"])
        driver.find_element(By.NAME, "name").send_keys("Sun Ba")
        driver.find_element(By.NAME, "contact").send_keys("sun.ba@example.com")
        driver.find_element(By.NAME, "resumeText").send_keys("Six years of Django and Celery.")
        driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button").click()
        wait_for(lambda: "/candidates/" in driver.current_url, "the new candidate's page")
        check("Sun Ba" in driver.page_source, "candidate created from the position page")

        # Schedule the interview with Ivan on the panel, then open the console from the list.
        driver.execute_script("document.querySelector('input[name=scheduledAt]').value = '2026-12-01T10:00';")
        # Ivan alone on the panel (the admin who opened the position and the manager are members too).
        driver.find_element(By.XPATH, "//label[contains(., 'Ivan Interviewer')]/input[@name='interviewerIDs[]']").click()
        driver.find_element(By.CSS_SELECTOR, "input[name=scheduledAt]").submit()
        wait_for(lambda: "Ivan Interviewer" in driver.find_element(By.TAG_NAME, "table").text, "the scheduled interview")
        check(not driver.find_elements(By.CSS_SELECTOR, "a.console-link"), "the manager, not on the panel, has no console link")

        # Ivan, the interviewer, signs in and opens the console from the list.
        driver.find_element(By.CSS_SELECTOR, "header form button").click()
        wait_for(lambda: "/login" in driver.current_url, "the login page after logging out")
        log_in("ivan@example.com")
        check(True, "interviewer logged in through the login form")
        driver.get(base + "/interviews")
        # His own agenda lists it first (its time passed: 'Scheduled time passed, not started'), and the
        # full list below it too; he opens it from the agenda, as an interviewer starting his day would.
        wait_for(lambda: len(driver.find_elements(By.CSS_SELECTOR, "table.interviews a.console-link")) == 1, "the scheduled interview")
        agenda = driver.find_element(By.CSS_SELECTOR, "table.agenda").text
        check("Sun Ba" in agenda and "Scheduled time passed" in agenda, f"his agenda names the interview: {agenda!r}")
        driver.find_element(By.CSS_SELECTOR, "table.agenda a.console-link").click()
        wait_for(lambda: state() == "start", "the console")
        check(True, "interview scheduled; console open at its start")
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-socket") == "open", "the console's socket")
        check(True, "the console's socket is open")
        posts_before = action_posts(server)
        check(re.search(r"GET /api/v1/interviews/\S+/console\b", open(server.log).read()) is not None,
              "the server's log names each HTTP request (so it would show actions posted over HTTP)")

        # Enter on a focused control is that control's, not the start shortcut: an accessibility audit found
        # Enter on "Sign out" starting the interview. Here the keys button opens its dialog and nothing starts.
        driver.execute_script("document.getElementById('help-button').focus();")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(lambda: driver.execute_script("return document.getElementById('help').open;"), "the keys dialog")
        check(state() == "start", "Enter on a focused button works the button and does not start the interview")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait_for(lambda: not driver.execute_script("return document.getElementById('help').open;"), "the keys dialog to close")
        driver.execute_script("document.activeElement.blur();")

        # Start; the three talk stages (resume scan, self-introduction, warm-up) are finished with f.
        press(Keys.ENTER)
        for index in range(3):
            wait_for(lambda: state() == "talk", "a talk stage")
            stage = driver.find_element(By.ID, "stage-line").text
            if index == 0:
                # A rating key in a talk stage says why nothing is rated instead of doing nothing.
                driver.find_element(By.TAG_NAME, "body").send_keys("3")
                wait_for(lambda: driver.find_element(By.ID, "message").is_displayed(), "the answer to a rating key")
                check("not rated" in driver.find_element(By.ID, "message").text,
                      f"a rating key in a talk stage is answered: {driver.find_element(By.ID, 'message').text!r}")
            driver.find_element(By.TAG_NAME, "body").send_keys("f")
            wait_for(lambda: driver.find_element(By.ID, "stage-line").text != stage, "the next stage")
        rate(4, "3.1", "op1")
        # A rating key pressed while the keys dialog is open does not rate the question behind it.
        wait_for(lambda: state() == "rate" and question_id().startswith("3.1 · op2 "), "question 3.1/op2")
        # The drawing in words for a screen reader: each question of the topic and where it stands.
        alt = driver.find_element(By.ID, "chart").get_attribute("alt")
        check("rated 4" in alt and "being asked now" in alt and "not asked yet" in alt, f"the chart's text says where each question stands: {alt[:160]!r}")
        driver.find_element(By.ID, "help-button").click()
        wait_for(lambda: driver.execute_script("return document.getElementById('help').open;"), "the keys dialog")
        # On the dialog's button, not its checkbox (keys typed into a field are ignored anyway).
        driver.execute_script("document.getElementById('help-close').focus();")
        driver.switch_to.active_element.send_keys("3")
        time.sleep(0.5)
        check(question_id().startswith("3.1 · op2 "), "a key pressed in the open keys dialog rates nothing")
        check(driver.execute_script("return document.getElementById('help').open;"), "the dialog is still open")
        # Single-key shortcuts turned off in the dialog (for speech input): a digit then rates nothing.
        driver.find_element(By.ID, "shortcuts-on").click()
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait_for(lambda: not driver.execute_script("return document.getElementById('help').open;"), "the keys dialog to close")
        driver.execute_script("document.activeElement.blur();")
        driver.find_element(By.TAG_NAME, "body").send_keys("3")
        time.sleep(0.5)
        check(question_id().startswith("3.1 · op2 "), "with single-key shortcuts off, a digit rates nothing")
        driver.find_element(By.ID, "help-button").click()
        wait_for(lambda: driver.execute_script("return document.getElementById('help').open;"), "the keys dialog")
        driver.find_element(By.ID, "shortcuts-on").click()
        check(driver.execute_script("return localStorage.getItem('interviewflow.shortcuts');") == "on", "the choice is kept in the browser")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait_for(lambda: not driver.execute_script("return document.getElementById('help').open;"), "the keys dialog to close")
        # Rated with the keyboard on a focused button (Space), focus goes to the next question's text, one
        # Tab before its ratings (not onto a rating, where a second press would rate the next question).
        driver.execute_script("document.querySelector('#panel button.rating[data-rating=\"3\"]').focus();")
        driver.switch_to.active_element.send_keys(Keys.SPACE)
        wait_for(lambda: question_id().startswith("3.1 · op3 "), "question 3.1/op3 after Space on a rating")
        focused = driver.execute_script("const a = document.activeElement; return a ? a.id : '';")
        check(focused == "question-text", f"after rating, focus is on the next question's text ({focused!r})")
        driver.switch_to.active_element.send_keys(Keys.TAB)
        focused = driver.execute_script("const a = document.activeElement; return a ? a.className : '';")
        check("rating" in focused, f"one Tab later, on its ratings ({focused!r})")
        driver.execute_script("document.activeElement.blur();")
        # r shows the reference answer of op3 before rating it.
        driver.find_element(By.TAG_NAME, "body").send_keys("r")
        wait_for(lambda: len(driver.find_elements(By.ID, "reference")) == 1, "the reference answer")
        check(driver.find_element(By.ID, "reference").text.strip() != "", "r shows the reference answer")

        # A jump to TCP/IP (the candidate mentioned it), one question there, and back with b.
        driver.find_element(By.TAG_NAME, "body").send_keys("j")
        # Asked in the page (no browser prompt): the field has the focus, Enter answers.
        wait_for(lambda: driver.find_element(By.ID, "ask").get_attribute("open") is not None, "the jump question")
        check(driver.switch_to.active_element.get_attribute("id") == "ask-field", "the jump question's field has the focus")
        driver.switch_to.active_element.send_keys("3.5.1", Keys.ENTER)
        rate(2, "3.5.1", "op1")
        wait_for(lambda: len(driver.find_elements(By.ID, "return")) == 1, "the return button")
        driver.find_element(By.TAG_NAME, "body").send_keys("b")
        rate(4, "3.1", "op3")
        check(True, "jumped to 3.5.1, rated there, returned to 3.1 op3")
        # Rated 2 by mistake: b goes back to it, as in the terminal runner, and the next digit corrects it;
        # the console stays at the question it had reached.
        rate(2, "3.1", "op4")
        wait_for(lambda: question_id().startswith("3.1 · op5 "), "question 3.1/op5")
        driver.find_element(By.TAG_NAME, "body").send_keys("b")
        wait_for(lambda: "3.1 · op4" in driver.find_element(By.ID, "message").text, "b offers to re-rate 3.1/op4")
        driver.find_element(By.TAG_NAME, "body").send_keys("3")
        chosen = "#history [data-chip='3.1/op4/3'][aria-pressed='true']"
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, chosen), "op4 re-rated 3")
        check(question_id().startswith("3.1 · op5 "), f"b then 3 corrected op4 and stayed at op5 ({question_id()!r})")
        # A note written after rating is begun at the next question; the one just rated is a click away.
        note = driver.find_element(By.ID, "note")
        note.click()
        note.send_keys("decorators: uses them, cannot write one")
        wait_for(lambda: driver.find_elements(By.ID, "note-on-rated"), "the offer to file the note under op4")
        driver.find_element(By.ID, "note-on-rated").click()
        wait_for(lambda: "3.1 · op4" in driver.find_element(By.ID, "note-target").text, "the note's target op4")
        note.send_keys(Keys.CONTROL, Keys.ENTER)
        wait_for(lambda: any("3.1/op4" in li.text and "cannot write one" in li.text
                             for li in driver.find_elements(By.CSS_SELECTOR, "#notes li")), "the note filed under 3.1/op4")
        note.send_keys(Keys.ESCAPE)
        check(True, "a note written after rating op4 is filed under op4 with one click")
        check(action_posts(server) == posts_before,
              "actions went over the socket: no POST to the actions route while it was open")
        # The session ends under the console ("sign out everywhere" in another tab); a rating made then is
        # kept; signing in again in that tab sends it, without reloading the console.
        console_tab = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(base + "/account")
        driver.find_element(By.CSS_SELECTOR, "form[action$='everywhere'] button").click()
        wait_for(lambda: "/login" in driver.current_url, "the login page after signing out everywhere")
        driver.switch_to.window(console_tab)
        wait_for(lambda: question_id().startswith("3.1 · op5 "), "question 3.1/op5")
        driver.find_element(By.TAG_NAME, "body").send_keys("4")
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-queued") == "1", "the rating kept while signed out")
        driver.switch_to.window(driver.window_handles[-1])
        log_in("ivan@example.com")
        driver.close()
        driver.switch_to.window(console_tab)
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-queued") == "0"
                 and not question_id().startswith("3.1 · op5 "), "the kept rating sent after signing in again")
        check(True, "signed out under the console, a rating kept, and sent once signed in again in another tab, without a reload")
        # Answered with Enter on the focused "yes" button: focus then goes to the next question's text, so
        # a second Enter answers nothing more.
        wait_for(lambda: state() == "gate" and question_id() == "3.1 · cond1", "gate 3.1/cond1")
        driver.execute_script("document.getElementById('answer-yes').focus();")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(lambda: question_id() != "3.1 · cond1", "answer at 3.1/cond1")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        time.sleep(0.5)
        check(question_id().startswith("3.1 · op6 "), f"a second Enter after answering a gate does nothing ({question_id()!r})")
        driver.execute_script("document.activeElement.blur();")
        # s pressed by mistake on op6 (it sits among the rating keys): b reaches the skip, said as one, and
        # 3 rates it, which takes the skip back; the console stays at op7. It was "already skipped", for good.
        wait_for(lambda: state() == "rate" and question_id().startswith("3.1 · op6 "), "question 3.1/op6")
        driver.find_element(By.TAG_NAME, "body").send_keys("s")
        wait_for(lambda: driver.find_element(By.ID, "ask").get_attribute("open") is not None, "the skip's reason")
        driver.switch_to.active_element.send_keys("pressed s by mistake", Keys.ENTER)
        wait_for(lambda: question_id().startswith("3.1 · op7 "), "question 3.1/op7 after the skip")
        driver.find_element(By.TAG_NAME, "body").send_keys("b")
        wait_for(lambda: "3.1 · op6" in driver.find_element(By.ID, "message").text, "b offers the skipped op6")
        check("skipped" in driver.find_element(By.ID, "message").text,
              f"b says op6 is skipped: {driver.find_element(By.ID, 'message').text!r}")
        driver.find_element(By.TAG_NAME, "body").send_keys("3")
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#history [data-chip='3.1/op6/3'][aria-pressed='true']"), "op6 rated 3")
        check(question_id().startswith("3.1 · op7 ") and "skipped" not in driver.find_element(By.ID, "history").text.lower(),
              f"b then 3 rated the skipped op6 and stayed at op7 ({question_id()!r})")
        rate(2, "3.1", "op7")
        gate("n", "3.1", "cond2")       # no Celery in the project
        rate(3, "3.2.1", "op1")
        rate(3, "3.2.1", "op2")
        rate(2, "3.2.1", "op3")
        # A rating corrected in the history list with the keyboard (here to the same 2) keeps focus on its chip.
        wait_for(lambda: state() == "rate" and question_id().startswith("3.2.1 · op4 "), "question 3.2.1/op4")
        driver.execute_script("document.querySelector('#history button[data-chip=\"3.2.1/op3/2\"]').focus();")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(lambda: driver.execute_script("const a = document.activeElement; return a && a.dataset.chip === '3.2.1/op3/2' && a.getAttribute('aria-pressed') === 'true';"),
                 "the corrected chip, pressed and focused")
        check(True, "a rating corrected from the history keeps focus on its chip")
        driver.execute_script("document.activeElement.blur();")
        wait_for(lambda: state() == "rate", "3.2.1 op4")
        if args.screenshots:
            driver.execute_script("window.scrollTo(0, 0);")   # the picture from the page's top, wherever focus left it
            driver.save_screenshot(os.path.join(args.screenshots, "console-question.png"))
        rate(3, "3.2.1", "op4")
        wait_for(lambda: state() == "gate", "the Redis gate")
        suggestion = driver.find_element(By.ID, "suggestion").text
        check("2.8" in suggestion, f"the gate shows the engine's suggestion with its reason: {suggestion!r}")
        # The same gate on a Chinese page: the reason in Chinese, whatever the guide's language.
        driver.add_cookie({"name": "lang", "value": "zh", "path": "/"})
        driver.refresh()
        wait_for(lambda: state() == "gate" and driver.find_elements(By.ID, "suggestion"), "the gate on the Chinese page")
        chinese = driver.find_element(By.ID, "suggestion").text
        check("平均 2.8/4 分" in chinese and "average" not in chinese, f"the Chinese page gives the reason in Chinese: {chinese!r}")
        driver.add_cookie({"name": "lang", "value": "en", "path": "/"})
        driver.refresh()
        wait_for(lambda: state() == "gate" and "average" in driver.find_element(By.ID, "suggestion").text, "the English page again")
        if args.screenshots:
            driver.execute_script("window.scrollTo(0, 0);")   # the picture from the page's top, wherever focus left it
            driver.save_screenshot(os.path.join(args.screenshots, "console-gate.png"))
        gate("n", "3.2.1", "cond1")     # go deeper into Redis: no
        wait_for(lambda: question_id().startswith("3.2.2 · op1 "), "3.2.2 op1")

        # A slip on the gate is undone from the next topic: b then y (or the "Change to yes" link) reopens
        # Redis at its deeper question, and "Change to no" before rating it comes back here unchanged.
        revise = driver.find_element(By.ID, "revise-gate")
        check("“yes”" in revise.text and "3.2.1 · cond1" in driver.find_element(By.ID, "revisable-gate").text,
              f"the gate just answered is offered for a change: {driver.find_element(By.ID, 'revisable-gate').text!r}")
        # From the keyboard as in the terminal runner: b offers the gate answered last, y answers it again.
        driver.find_element(By.TAG_NAME, "body").send_keys("b")
        wait_for(lambda: driver.find_element(By.ID, "message").is_displayed(), "b's offer of the gate")
        check("3.2.1 · cond1" in driver.find_element(By.ID, "message").text and "y or n" in driver.find_element(By.ID, "message").text,
              f"b offers the gate answered last first: {driver.find_element(By.ID, 'message').text!r}")
        driver.find_element(By.TAG_NAME, "body").send_keys("y")
        wait_for(lambda: question_id().startswith("3.2.1 · op5 "), "Redis's deeper question after the change to yes")
        if args.screenshots:
            driver.execute_script("window.scrollTo(0, 0);")
            driver.save_screenshot(os.path.join(args.screenshots, "console-gate-changed.png"))
        driver.find_element(By.ID, "revise-gate").click()
        wait_for(lambda: question_id().startswith("3.2.2 · op1 "), "3.2.2 op1 after the change back to no")
        check("“yes”" in driver.find_element(By.ID, "revise-gate").text, "changed back to no, the page is where it was")

        # A note, with the server killed half way through it.
        note = driver.find_element(By.ID, "note")
        driver.find_element(By.TAG_NAME, "body").send_keys("m")
        note.send_keys(NOTE_BEFORE_CUT)
        wait_for(lambda: driver.find_element(By.ID, "draft-state").text != "", "the draft to be saved")
        server.kill()
        # Nothing sent or typed yet: the closed socket alone makes the page look, and say the link is gone
        # (a probe saw "All saved" until its next tap).
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-online") == "no", "the page to notice")
        check(True, "the page notices the server gone with nothing sent")
        note.send_keys(NOTE_AFTER_CUT)
        check(driver.find_element(By.ID, "console").get_attribute("data-socket") == "closed", "the socket closed with the server")
        check(driver.find_element(By.ID, "offline").is_displayed(), "the page says the connection is lost")
        note.send_keys(Keys.ESCAPE)
        driver.find_element(By.TAG_NAME, "body").send_keys("3")        # rating 3.2.2 op1 while offline
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-queued") == "1", "the rating to queue")
        check(True, "a rating made while offline is queued in the browser")
        chosen = driver.find_elements(By.CSS_SELECTOR, "button.rating.chosen.waiting")
        check(len(chosen) == 1 and chosen[0].get_attribute("data-rating") == "3", "the queued rating shows as chosen, waiting")
        # A second key, meant for the next question, must not overwrite this one: it waits, and says so.
        driver.find_element(By.TAG_NAME, "body").send_keys("4")
        wait_for(lambda: driver.find_element(By.ID, "message").is_displayed(), "the message that keys wait")
        check(driver.find_element(By.ID, "console").get_attribute("data-queued") == "1"
              and "next question" in driver.find_element(By.ID, "message").text,
              f"a second key while offline is not queued: {driver.find_element(By.ID, 'message').text!r}")
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "console-offline.png"))
        # A tap on another rating changes this one on purpose: it takes the queued one's place, so the page
        # shows what the server will keep (both were queued, the first shown and the second kept).
        driver.find_element(By.CSS_SELECTOR, "#panel button.rating[data-rating='2']").click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "button.rating.chosen.waiting[data-rating='2']"), "the tapped rating shown as chosen")
        check(driver.find_element(By.ID, "console").get_attribute("data-queued") == "1",
              "a second rating tapped while offline replaces the queued one rather than queueing behind it")

        server.start()
        driver.refresh()                 # a reload before the queue was replayed
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-queued") == "0"
                 and question_id().startswith("3.2.2 · op2 "), "the queue to replay after the reload")
        note = driver.find_element(By.ID, "note")
        check(note.get_attribute("value") == NOTE_BEFORE_CUT + NOTE_AFTER_CUT,
              "after the restart and a reload the whole note is still there")
        check(True, "the queued rating was replayed once: the console moved on to 3.2.2 op2")
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#history [data-chip='3.2.2/op1/2'][aria-pressed='true']"),
                 "the rating tapped last, 2, to be the one kept")
        check(True, "the server kept the rating the page showed as chosen")
        # Back to 3 from the history, as the rest of this walk expects.
        driver.find_element(By.CSS_SELECTOR, "#history button[data-chip='3.2.2/op1/3']").click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#history [data-chip='3.2.2/op1/3'][aria-pressed='true']")
                 and driver.find_element(By.ID, "console").get_attribute("data-queued") == "0", "the correction back to 3")
        check(action_posts(server) > posts_before,
              "the queue replayed over HTTP while the new socket was still connecting (HTTP is the fallback)")
        # The note was begun at 3.2.2 op1; the console has moved on to op2: it is still about op1, and says so.
        target = driver.find_element(By.ID, "note-target").text
        check("3.2.2 · op1" in target and driver.find_elements(By.ID, "note-retarget"),
              f"the draft says the question it was begun at, with a way to file it under the current one: {target!r}")
        wait_for(lambda: driver.find_element(By.ID, "console").get_attribute("data-socket") == "open", "the socket to reopen")
        check(True, "the console's socket reopened after the restart")
        note.send_keys(Keys.CONTROL, Keys.ENTER)
        wait_for(lambda: NOTE_AFTER_CUT in driver.find_element(By.ID, "notes").text
                 and driver.find_element(By.ID, "console").get_attribute("data-queued") == "0", "the note in the record")
        filed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#notes li") if NOTE_AFTER_CUT in li.text]
        check(filed and "3.2.2/op1" in filed[0], f"the note is filed under the question it was begun at: {filed[:1]!r}")

        # 3.2.2 op1 was rated after Redis's "no": b goes back in the order things were done, as the runner's b
        # does (the rating first, then the gate); the same answer again keeps it, and says so.
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys("b")
        wait_for(lambda: "3.2.2 · op1" in driver.find_element(By.ID, "message").text, "b's first step back")
        check("Re-rate" in driver.find_element(By.ID, "message").text,
              f"b first offers the rating given after the gate: {driver.find_element(By.ID, 'message').text!r}")
        body.send_keys("b")
        wait_for(lambda: "3.2.1 · cond1" in driver.find_element(By.ID, "message").text, "b's second step back")
        check(True, "then the gate answered before it")
        body.send_keys("n")
        wait_for(lambda: "Kept" in driver.find_element(By.ID, "message").text, "the same answer kept")
        check("3.2.1 · cond1" in driver.find_element(By.ID, "message").text and "“no”" in driver.find_element(By.ID, "message").text,
              f"the same answer again is kept, and said: {driver.find_element(By.ID, 'message').text!r}")
        check(question_id().startswith("3.2.2 · op2 "), "and the console stays where it was")

        # Finish early: the required candidate's-questions stage was never started, so confirm.
        driver.find_element(By.TAG_NAME, "body").send_keys("e")
        wait_for(lambda: driver.find_element(By.ID, "ask").get_attribute("open") is not None, "the finish question")
        asked = driver.find_element(By.ID, "ask-text").text
        check("Candidate" in asked or "5" in asked, f"finishing asks to confirm the untouched stage: {asked!r}")
        driver.find_element(By.ID, "ask-ok").click()
        wait_for(lambda: state() == "finished", "the finished interview")
        # Submitting: the interviewer's own recommendation and summary; the card is locked after it.
        wait_for(lambda: driver.find_elements(By.ID, "submit-form"), "the submission form")
        check(Select(driver.find_element(By.ID, "recommendation")).first_selected_option.get_attribute("value") == "",
              "the recommendation starts unchosen")
        driver.find_element(By.ID, "submit-card").click()
        time.sleep(0.5)
        check(not driver.find_elements(By.ID, "submitted")
              and driver.execute_script("return !document.getElementById('recommendation').checkValidity()"),
              "a form sent untouched submits nothing: the browser asks for a recommendation first")
        Select(driver.find_element(By.ID, "recommendation")).select_by_value("lean-no")
        driver.find_element(By.ID, "summary").send_keys("Good on web basics; Redis internals thin.")
        driver.find_element(By.ID, "submit-card").click()
        wait_for(lambda: driver.find_elements(By.ID, "submitted"), "the submitted card")
        check(True, "scorecard submitted with a recommendation and a summary")
        # Rereading the notes: the recommendation changes, with a reason asked in the page.
        driver.find_element(By.ID, "change-submission").click()
        wait_for(lambda: driver.find_elements(By.ID, "submit-form"), "the submission form, filled in")
        check(Select(driver.find_element(By.ID, "recommendation")).first_selected_option.get_attribute("value") == "lean-no",
              "the form opens with the submitted recommendation")
        Select(driver.find_element(By.ID, "recommendation")).select_by_value("no-hire")
        driver.find_element(By.ID, "summary").send_keys(" Reread: no.")
        driver.find_element(By.ID, "submit-card").click()
        wait_for(lambda: driver.find_element(By.ID, "ask").get_attribute("open") is not None, "the reason question")
        driver.switch_to.active_element.send_keys("reread my notes", Keys.ENTER)
        # Read by script: the panel is drawn anew as the answer comes, and an element found a moment
        # before can be stale by the time its text is read.
        wait_for(lambda: "No hire" in driver.execute_script("const e = document.getElementById('submitted'); return e ? e.textContent : '';"),
                 "the changed recommendation")
        check("Reread: no." in driver.find_element(By.ID, "submitted-summary").text, "the changed summary is shown")
        driver.find_element(By.ID, "report-link").click()
        wait_for(lambda: "/report" in driver.current_url, "the report")
        report = driver.page_source
        expected = f"{expected_overall():.1f}"
        text = driver.find_element(By.TAG_NAME, "body").text
        check(expected in text, f"the report shows the overall score computed by hand: {expected}")
        check(NOTE_BEFORE_CUT + NOTE_AFTER_CUT in text, "the report shows the note, word for word")
        check("<script>alert(1)</script>" not in report and "&lt;script&gt;" in report, "the note's markup is escaped")
        check("Good on web basics; Redis internals thin." in text, "the report shows the submission's summary")
        check("reread my notes" in text and "→" in text, "the report lists the changed recommendation with its reason")
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "console-report.png"))

        # The position's candidate list shows the result.
        driver.get(base + "/positions/" + position["id"])
        row = driver.find_element(By.XPATH, "//tr[td/a[contains(., 'Sun Ba')]]").text
        check(expected in row and "Completed" in row, f"the candidate list shows status and score: {row!r}")

        # Erasure reaches the browser too: a note's draft refused because the candidate's data was erased
        # is not kept in the browser's storage (it outlived the erasure and came back on every reload: a
        # data-protection probe).
        ivan_id = next(u["id"] for u in admin.call("GET", "/api/v1/users") if u["email"] == "ivan@example.com")
        other = admin.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": "Qin Jiu", "contact": "qin.jiu@example.com"})
        second = admin.call("POST", "/api/v1/interviews", {"candidateID": other["id"], "scheduledAt": "2026-12-01T11:00",
                                                          "interviewerIDs": [ivan_id]})
        stored = f"return localStorage.getItem('interviewflow.draft.{second['id']}');"
        driver.get(base + f"/interviews/{second['id']}/console")
        wait_for(lambda: state() not in ("loading", ""), "the second interview's console")
        driver.find_element(By.ID, "note").send_keys("Qin Jiu: call back on 138 0013 7731")
        wait_for(lambda: driver.execute_script(stored) is not None, "the draft kept in the browser while typed")
        wait_for(lambda: driver.find_element(By.ID, "draft-state").text != "", "the draft saved")
        admin.call("POST", f"/api/v1/candidates/{other['id']}/erase")
        driver.find_element(By.ID, "note").send_keys(", or mail")
        wait_for(lambda: driver.execute_script(stored) is None, "the draft dropped from the browser after the erasure")
        message = driver.find_element(By.ID, "message").text
        check("erased" in message, f"the refusal is said, not taken for being offline: {message!r}")
        driver.refresh()
        wait_for(lambda: state() not in ("loading", ""), "the console reloaded")
        check("138 0013 7731" not in driver.find_element(By.ID, "note").get_attribute("value"),
              "a reload brings nothing of the erased candidate back into the note")
        print("console end-to-end: all checks passed")
    finally:
        if driver:
            driver.quit()
        if server.process and server.process.poll() is None:
            server.process.terminate()
            server.process.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
