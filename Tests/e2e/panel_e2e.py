"""Issue 14 end to end, in headless Chromium: two interviewers of one panel, each in a browser of their
own, score the same candidate. Neither sees the other's ratings or notes before submitting (checked in
the pages' text and over the JSON API); after both submit, the hiring manager's debrief puts the
question they disagreed on most first and shows a weighted kappa; the manager records a decision and
changes it, and both appear in the history and the security trail. A second round scheduled with Olga
closes round one to her again until her new card is in.

    /usr/bin/python3 Tests/e2e/panel_e2e.py --binary .build/debug/interview [--screenshots docs]
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_e2e import Server, check, free_port  # noqa: E402
from interviewflow_api import Client, create_first_admin, guide_id  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PASSWORD = "a panelist's long password"
# Ivan and Olga agree on 3.1's op1, op2, op4 and op5 and are three points apart on op3.
RATINGS = {"ivan": [4, 3, 4, 3, 4], "olga": [4, 3, 1, 3, 4]}
NOTES = {"ivan": "ivan-note: clear on WSGI workers", "olga": "olga-note: vague on gunicorn preload"}


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1100", "--lang=en-US"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(options=options)


class Panelist:
    """One interviewer in a browser of their own."""

    def __init__(self, name, base, interview_id):
        self.name, self.base, self.interview_id = name, base, interview_id
        self.driver = browser()
        self.wait = WebDriverWait(self.driver, 20)

    def until(self, predicate, what):
        def holds(_):
            try:
                return predicate()
            except Exception:  # the page is being replaced (stale or missing element): look again
                return False
        try:
            self.wait.until(holds)
        except Exception:
            check(False, f"{self.name}: timed out waiting for {what}")

    def state(self):
        return self.driver.find_element(By.ID, "console").get_attribute("data-state")

    def question(self):
        return self.driver.execute_script("const m = document.querySelector('.panel .meta'); return m ? m.textContent : '';")

    def log_in(self):
        self.driver.get(self.base + "/login")
        self.driver.find_element(By.NAME, "email").send_keys(f"{self.name}@example.com")
        self.driver.find_element(By.NAME, "password").send_keys(PASSWORD + Keys.ENTER)
        self.until(lambda: "/login" not in self.driver.current_url, "the first page after login")

    def score(self):
        self.driver.get(f"{self.base}/interviews/{self.interview_id}/console")
        self.until(lambda: self.state() == "start", "the console")
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.ENTER)
        for _ in range(3):
            self.until(lambda: self.state() == "talk", "a talk stage")
            stage = self.driver.find_element(By.ID, "stage-line").text
            self.driver.find_element(By.TAG_NAME, "body").send_keys("f")
            self.until(lambda: self.driver.find_element(By.ID, "stage-line").text != stage, "the next stage")
        for index, rating in enumerate(RATINGS[self.name]):
            question = f"3.1 · op{index + 1} "
            self.until(lambda: self.state() == "rate" and self.question().startswith(question), question)
            self.driver.find_element(By.TAG_NAME, "body").send_keys(str(rating))
            self.until(lambda: not self.question().startswith(question), f"the rating of {question}")
        note = self.driver.find_element(By.ID, "note")
        note.send_keys(NOTES[self.name])
        self.driver.find_element(By.ID, "note-add").click()
        self.until(lambda: NOTES[self.name] in self.driver.find_element(By.ID, "notes").text
                   and self.driver.find_element(By.ID, "console").get_attribute("data-queued") == "0", "the note stored")

    def finish_and_submit(self, recommendation, summary):
        self.driver.find_element(By.TAG_NAME, "body").send_keys("e")
        # A stage left untouched is confirmed in the page's own question.
        try:
            WebDriverWait(self.driver, 3).until(lambda d: d.find_element(By.ID, "ask").get_attribute("open") is not None)
            self.driver.find_element(By.ID, "ask-ok").click()
        except Exception:
            pass
        self.until(lambda: self.driver.find_elements(By.ID, "submit-form"), "the submission form")
        Select(self.driver.find_element(By.ID, "recommendation")).select_by_value(recommendation)
        self.driver.find_element(By.ID, "summary").send_keys(summary)
        self.driver.find_element(By.ID, "submit-card").click()
        self.until(lambda: self.driver.find_elements(By.ID, "submitted"), "the submitted card")

    def page_text(self, path):
        self.driver.get(self.base + path)
        return self.driver.find_element(By.TAG_NAME, "body").text

    def quit(self):
        self.driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/interview")
    parser.add_argument("--screenshots", default=None, help="save the debrief and the decision here")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="interviewflow-panel-e2e-")
    server = Server(os.path.abspath(args.binary), data, free_port())
    base = f"http://127.0.0.1:{server.port}"
    server.start()
    people = []
    try:
        admin = create_first_admin(base, server.setup_url(), "Ada Admin", "ada@example.com", "the admin's long password")
        for name, role in (("Hana", "hiring_manager"), ("Ivan", "interviewer"), ("Olga", "interviewer")):
            admin.call("POST", "/api/v1/users", {"name": name, "email": f"{name.lower()}@example.com", "password": PASSWORD, "role": role})
        hana = Client(base)
        hana.login("hana@example.com", PASSWORD)
        position = hana.call("POST", "/api/v1/positions", {"title": "Python backend (senior)",
                                                            "guideID": guide_id(hana, "python-backend-senior.en")})["position"]
        for email in ("ivan@example.com", "olga@example.com"):
            hana.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": email})
        members = {m["email"]: m["id"] for m in hana.call("GET", f"/api/v1/positions/{position['id']}")["members"]}
        candidate = hana.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": "Sun Ba", "contact": "sun@example.com"})
        interview = hana.call("POST", "/api/v1/interviews", {
            "candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00",
            "interviewerIDs": [members["ivan@example.com"], members["olga@example.com"]]})
        ivan_api, olga_api = Client(base), Client(base)
        ivan_api.login("ivan@example.com", PASSWORD)
        olga_api.login("olga@example.com", PASSWORD)

        ivan, olga = Panelist("ivan", base, interview["id"]), Panelist("olga", base, interview["id"])
        people = [ivan, olga]
        for person in people:
            person.log_in()
        ivan.score()
        olga.score()
        check(True, "Ivan and Olga scored the same questions in two browsers")

        # Olga submits; Ivan has not: he sees nothing of her card, in the pages or over the API.
        olga.finish_and_submit("lean-no", "Vague on deployment internals.")
        check(True, "Olga submitted her scorecard")
        report = ivan.page_text(f"/interviews/{interview['id']}/report")
        listed = ivan.page_text("/interviews") + ivan.page_text(f"/candidates/{candidate['id']}")
        check(NOTES["olga"] not in report + listed and "Olga" not in report, "Ivan's pages show nothing of Olga's card")
        api = str(ivan_api.call("GET", "/api/v1/interviews")) + str(ivan_api.call("GET", f"/api/v1/candidates/{candidate['id']}/debrief"))
        # The panel's names are scheduling, not scoring: the list names both interviewers. Nothing of her card.
        check(NOTES["olga"] not in api and "lean-no" not in api and "Vague on deployment" not in api
              and "'cards': 1" not in api and "Olga" not in str(ivan_api.call("GET", f"/api/v1/candidates/{candidate['id']}/debrief")),
              "nor does the API: no rating, note, summary, recommendation or count of Olga's")
        ivan.driver.get(f"{base}/interviews/{interview['id']}/console")
        ivan.until(lambda: ivan.state() in ("rate", "gate", "talk", "offerJump", "pick", "finishInterview"), "Ivan's console again")
        check(NOTES["olga"] not in ivan.driver.page_source, "Ivan's console carries nothing of Olga's")
        olga_view = olga.page_text(f"/interviews/{interview['id']}/report")
        check(NOTES["ivan"] not in olga_view and "Ivan" not in olga_view, "Olga, submitted, still sees nothing of Ivan's draft")

        ivan.driver.get(f"{base}/interviews/{interview['id']}/console")
        ivan.until(lambda: ivan.state() not in ("loading", ""), "Ivan's console")
        ivan.finish_and_submit("hire", "Strong on the web stack; op3 was fine by me.")
        check(True, "Ivan submitted his scorecard")
        after = ivan.page_text(f"/interviews/{interview['id']}/report")
        check("Olga" in after, "after submitting, Ivan sees Olga's card in the panel")

        # The debrief, as the hiring manager sees it.
        manager = Panelist("hana", base, interview["id"])
        people.append(manager)
        manager.log_in()
        text = manager.page_text(f"/candidates/{candidate['id']}/debrief")
        grid = manager.driver.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")
        check(grid and grid[0].text.startswith("op3"), f"the debrief puts the most disputed question first: {grid[0].text if grid else ''!r}")
        agreement = manager.driver.find_element(By.ID, "agreement").text
        check("κ" in agreement and "n=5" in agreement and "not shown" not in agreement.split("\n")[0],
              f"the debrief shows a weighted kappa over the five common questions: {agreement.splitlines()[0]!r}")
        check(NOTES["olga"] in text and NOTES["ivan"] in text, "each rater's note is beside the ratings")
        if args.screenshots:
            manager.driver.save_screenshot(os.path.join(args.screenshots, "debrief.png"))

        # The decision: recorded, then changed; both kept.
        manager.driver.get(f"{base}/candidates/{candidate['id']}")
        Select(manager.driver.find_element(By.NAME, "outcome")).select_by_value("advance")
        manager.driver.find_element(By.NAME, "rationale").send_keys("Second round on deployment.")
        manager.driver.find_element(By.CSS_SELECTOR, "section.decision form button").click()
        manager.until(lambda: "Second round on deployment." in manager.driver.find_element(By.ID, "current-decision").text, "the decision")
        Select(manager.driver.find_element(By.NAME, "outcome")).select_by_value("hire")
        manager.driver.find_element(By.NAME, "rationale").send_keys("References confirmed the deployment work.")
        manager.driver.find_element(By.CSS_SELECTOR, "section.decision form button").click()
        manager.until(lambda: "References confirmed" in manager.driver.find_element(By.ID, "current-decision").text, "the changed decision")
        page = manager.driver.find_element(By.TAG_NAME, "body").text
        check("Second round on deployment." in manager.driver.page_source, "the earlier decision stays in the history")
        if args.screenshots:
            manager.driver.execute_script("document.querySelector('section.decision details')?.setAttribute('open', '')")
            manager.driver.execute_script("document.querySelector('section.decision').scrollIntoView()")
            manager.driver.save_screenshot(os.path.join(args.screenshots, "decision.png"))
        history = hana.call("GET", f"/api/v1/candidates/{candidate['id']}/debrief")["decisions"]
        check([d["outcome"] for d in history] == ["hire", "advance"], f"the API lists both decisions, newest first: {history}")
        trail = admin.call("GET", "/api/v1/audit/security?kind=decision.recorded")
        check(trail["total"] == 2 and all(e["actor"] == "hana@example.com" for e in trail["entries"]),
              "both decisions are in the security trail with who made them")
        check("Hire" in page, "the decision in force is shown")

        # A second round with Olga: until her round-two card is in, round one is closed to her again
        # (she would walk in anchored on Ivan's notes), and so is the decision.
        hana.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-08T10:00",
                                                  "interviewerIDs": [members["olga@example.com"]]})
        debrief = olga.page_text(f"/candidates/{candidate['id']}/debrief")
        second = olga.page_text(f"/candidates/{candidate['id']}")
        check(NOTES["ivan"] not in debrief + second and "Strong on the web stack" not in second
              and "References confirmed" not in second and olga.driver.find_elements(By.ID, "awaiting-own-card"),
              "on a second-round panel, Olga reads nothing of round one's colleague nor the decision, and the page says why")
        check("Vague on deployment internals." in second, "her own round-one card still shows to her")
        print("panel end-to-end: all checks passed")
    finally:
        for person in people:
            person.quit()
        if server.process:
            server.process.terminate()
            server.process.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
