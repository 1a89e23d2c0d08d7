#!/usr/bin/env python3
"""`interview demo` end to end (issue 15): a data folder filled with a simulated team, served, and read in
headless Chromium as the hiring manager — the demo banner, the calibration page with every interviewer's
severity, and a debrief with the severity-adjusted score beside the raw one; an interviewer sees only
their own calibration row.

    /usr/bin/python3 Tests/e2e/demo_e2e.py --binary .build/debug/interview [--screenshots docs]
"""
import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_e2e import Server, check, free_port  # noqa: E402
from interviewflow_api import Client  # noqa: E402
from panel_e2e import browser  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def sign_in(driver, base, email, password):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button").click()
    # The next page only once the login has answered, or it opens signed out.
    WebDriverWait(driver, 30).until(lambda d: "/login" not in d.current_url)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/interview")
    parser.add_argument("--interviews", type=int, default=300)
    parser.add_argument("--screenshots", default=None, help="save the calibration page and a debrief here")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="interviewflow-demo-e2e-")
    folder = os.path.join(data, "team")
    # The demo's own lines follow the locale; these checks read the English ones.
    english = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    out = subprocess.run([os.path.abspath(args.binary), "demo", "--data", folder, "--interviews", str(args.interviews), "--seed", "11"],
                         check=True, capture_output=True, text=True, env=english).stdout
    password = re.search(r"password (\S+) as:", out).group(1)
    check(f"{args.interviews} candidates" in out, f"the demo wrote {args.interviews} candidates: {out.splitlines()[0]!r}")
    again = subprocess.run([os.path.abspath(args.binary), "demo", "--data", folder], capture_output=True, text=True, env=english)
    check(again.returncode == 2 and "already holds data" in again.stderr, "a second demo into the same folder is refused")
    server = Server(os.path.abspath(args.binary), folder, free_port())
    base = f"http://127.0.0.1:{server.port}"
    server.start()
    drivers = []
    try:
        manager = browser()
        drivers.append(manager)
        sign_in(manager, base, "maria@demo.example", password)
        manager.get(f"{base}/calibration")
        page = manager.find_element(By.TAG_NAME, "body").text
        check("Demo data: these candidates, interviews and scores are simulated" in page, "every page says it is demo data")
        rows = manager.find_elements(By.CSS_SELECTOR, "table.calibration > tbody > tr")
        check(len(rows) == 12, f"the hiring manager sees all twelve interviewers: {len(rows)} rows")
        check("converged" in page, "the model's line says it converged")
        # On a 1,280-pixel screen (the window's width) every column shows without scrolling sideways.
        manager.set_window_size(1280, 1000)
        box = manager.execute_script("const s = document.querySelector('table.calibration').parentElement; return [s.clientWidth, s.scrollWidth]")
        check(box[1] <= box[0], f"the calibration table fits a 1,280-pixel window: {box[1]} px in {box[0]} px")
        manager.set_window_size(1500, 1100)
        if args.screenshots:
            manager.set_window_size(1500, 1250)
            manager.save_screenshot(os.path.join(args.screenshots, "calibration.png"))

        # A debrief: the candidate with the most cards among the first ones listed.
        client = Client(base)
        client.login("maria@demo.example", password)
        items = client.call("GET", "/api/v1/candidates")
        # The guide-health page of the guide the calibration page opened on.
        guide = manager.find_element(By.CSS_SELECTOR, "select[name=guide] option[selected]").get_attribute("value")
        manager.get(f"{base}/guides/{guide.lower()}/health")
        rows = manager.find_elements(By.CSS_SELECTOR, "table.health > tbody > tr")
        check(len(rows) >= 60, f"the guide-health page lists the guide's questions: {len(rows)} rows")
        if args.screenshots:
            manager.set_window_size(1500, 1100)
            manager.save_screenshot(os.path.join(args.screenshots, "guide-health.png"))

        # The question bank: a question both demo guides ask is one row, listed with both, its figures pooled.
        manager.get(f"{base}/questions?q=cookie-vs-session")
        rows = manager.find_elements(By.CSS_SELECTOR, "#question-bank > tbody > tr")
        check(len(rows) == 1, f"the bank finds the shared question by its id: {len(rows)} rows")
        if rows:
            cells = rows[0].find_elements(By.TAG_NAME, "td")
            guides = cells[1].find_elements(By.TAG_NAME, "a")
            check(len(guides) >= 2, f"it is listed with every guide that asks it: {[g.text for g in guides]}")
            check(int(cells[2].text) > 0, f"with figures pooled over their cards: asked {cells[2].text}")
        manager.get(f"{base}/questions")
        rows = manager.find_elements(By.CSS_SELECTOR, "#question-bank > tbody > tr")
        check(len(rows) >= 100, f"the bank lists every question of the library: {len(rows)} rows")
        if args.screenshots:
            manager.set_window_size(1500, 1100)
            manager.save_screenshot(os.path.join(args.screenshots, "question-bank.png"))

        # The guide editor (admins edit the bundled guides): each question with its figures.
        admin = browser()
        drivers.append(admin)
        sign_in(admin, base, "ada@demo.example", password)
        admin.get(f"{base}/guides/{guide.lower()}/edit")
        rows = admin.find_elements(By.CSS_SELECTOR, "#editor-figures > tbody > tr")
        check(len(rows) >= 60, f"the editor shows the saved version's questions with their figures: {len(rows)} rows")
        if args.screenshots and rows:
            admin.set_window_size(1500, 1000)
            admin.execute_script("document.getElementById('question-figures').scrollIntoView()")
            admin.save_screenshot(os.path.join(args.screenshots, "guide-editor-figures.png"))
        # A save refused for a finding with a fix: "Apply the fix" puts the fixed line in the text (not
        # saved), and "Show in the text" selects a flagged line in the editor.
        broken = "  S([Start]) --> Q[Question] --> end"
        admin.execute_script("document.getElementById('guide-markdown').value = arguments[0];",
                             "# Guide\n\n## 1. Data structures\n\n```mermaid\nflowchart TD\n" + broken + "\n```\n")
        admin.find_element(By.CSS_SELECTOR, "form.editor p.actions button:not([formaction])").click()
        WebDriverWait(admin, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#editor-findings tr.flagged"))
        row = [r for r in admin.find_elements(By.CSS_SELECTOR, "#editor-findings tr.flagged") if broken.strip() in r.text]
        check(len(row) == 1, f"the refused save lists the broken line with its findings: {len(row)} rows")
        if row:
            fixes = row[0].find_elements(By.CSS_SELECTOR, "button.apply-fix")
            check(len(fixes) >= 1, "its finding offers to apply the fix")
            if fixes:
                fixes[0].click()
                text = admin.execute_script("return document.getElementById('guide-markdown').value")
                check(broken.replace("--> end", "--> End") in text and broken not in text, "the fix is applied in the editor")
                check("not saved" in row[0].text, f"and it says it is not saved: {row[0].text[-120:]!r}")
            row[0].find_element(By.CSS_SELECTOR, ".finding-actions button").click()
            selected = admin.execute_script("const e = document.getElementById('guide-markdown'); return e.value.slice(e.selectionStart, e.selectionEnd)")
            check(selected == broken.replace("--> end", "--> End"), f"'Show in the text' selects the line: {selected!r}")
        # A line typed with an input method, one finding per mark: all its fixes applied at once.
        wide = "  A【数组和链表】 --> B「哈希表」 --> C（结束）"
        admin.execute_script("document.getElementById('guide-markdown').value = arguments[0];",
                             "# Guide\n\n## 1. Data structures\n\n```mermaid\nflowchart TD\n" + wide + "\n```\n")
        admin.find_element(By.CSS_SELECTOR, "form.editor p.actions button:not([formaction])").click()
        WebDriverWait(admin, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#editor-findings button.apply-all"))
        admin.find_element(By.CSS_SELECTOR, "#editor-findings button.apply-all").click()
        text = admin.execute_script("return document.getElementById('guide-markdown').value")
        check("  A[数组和链表] --> B[哈希表] --> C(结束)\n" in text, f"'Apply all the fixes on this line' fixes every mark: {text.splitlines()[6:7]!r}")
        # A local file into the editor: its text replaces the editor's (not saved); a GBK file is refused.
        local = os.path.join(data, "local-guide.md")
        with open(local, "w", encoding="utf-8") as f:
            f.write("# 本地指南\n\n## 1. 自我介绍\n\n1.1 介绍一下你自己\n")
        gbk = os.path.join(data, "gbk-guide.md")
        with open(gbk, "wb") as f:
            f.write("# 本地指南\n".encode("gbk"))
        picker = admin.find_element(By.CSS_SELECTOR, "label.load-file input[type=file]")
        picker.send_keys(gbk)
        WebDriverWait(admin, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "form.editor p.error[role=alert]").is_displayed())
        alert = admin.find_element(By.CSS_SELECTOR, "form.editor p.error[role=alert]")
        check(alert.is_displayed() and "UTF-8" in alert.text, f"a GBK file is refused, saying so: {alert.text!r}")
        picker.send_keys(local)
        WebDriverWait(admin, 10).until(lambda d: d.execute_script("return document.getElementById('guide-markdown').value").startswith("# 本地"))
        text = admin.execute_script("return document.getElementById('guide-markdown').value")
        check(text == "# 本地指南\n\n## 1. 自我介绍\n\n1.1 介绍一下你自己\n", f"a UTF-8 file replaces the editor's text: {text[:40]!r}")
        # A text over the 1 MB a guide may have (2.1 MB of Chinese: over 6 MB once percent-encoded, which
        # ended on a "too large" page without the text) is not sent, by either button, and stays.
        large = "# 大指南\n\n" + "问题很长很长很长很长很长很长。\n" * 50_000
        admin.execute_script("const e = document.getElementById('guide-markdown'); e.value = arguments[0]; e.dispatchEvent(new Event('input', {bubbles: true}));", large)
        before = admin.current_url
        for selector in ("form.editor p.actions button:not([formaction])", "form.editor p.actions button[value=mermaid]"):
            admin.find_element(By.CSS_SELECTOR, selector).click()
            WebDriverWait(admin, 10).until(lambda d: d.find_element(By.ID, "too-large").is_displayed())
            said = admin.find_element(By.ID, "too-large").text
            kept = admin.execute_script("return document.getElementById('guide-markdown').value")
            check(admin.current_url == before and kept == large and "2.30 MB" in said and "1 MB" in said,
                  f"a 2.30 MB text is kept and not sent ({selector.split()[-1]}): {said[:60]!r}")
        guarded = admin.execute_script("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")
        check(guarded, "leaving the page still asks: the refused text is unsaved")
        admin.execute_script("const e = document.getElementById('guide-markdown'); e.value = arguments[0]; e.dispatchEvent(new Event('input', {bubbles: true}));", text)

        # The debrief to show: of the first 40 panels, the one the adjustment moves most.
        adjusted = None
        for candidate in items[:40]:
            debrief = client.call("GET", f"/api/v1/candidates/{candidate['id']}/debrief")
            figures = debrief.get("adjusted") or {}
            if figures.get("adjusted") is None or len(debrief["debrief"]["raters"]) != 2:
                continue
            moved = abs(figures["adjusted"] - figures["raw"])
            if adjusted is None or moved > adjusted[2]:
                adjusted = (candidate["id"], figures, moved)
        check(adjusted is not None, "a panel's debrief carries a severity-adjusted score")
        if adjusted:
            manager.get(f"{base}/candidates/{adjusted[0]}/debrief")
            text = manager.find_element(By.ID, "adjusted-score").text
            check("adjusted for the interviewers' severity" in text and "points more" in text,
                  f"the debrief page shows it with each interviewer's severity: {text.splitlines()[0]!r}")
            if args.screenshots:
                manager.set_window_size(1500, 900)
                manager.save_screenshot(os.path.join(args.screenshots, "debrief-adjusted.png"))

        # Olga's browser is in Shanghai: zone.js tells the server so on the login page, and every page
        # after shows times on her clock (UTC+8), saying so in the footer; the API keeps UTC.
        interviewer = browser()
        drivers.append(interviewer)
        interviewer.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Shanghai"})
        sign_in(interviewer, base, "olga.petrova@demo.example", password)
        interviewer.get(f"{base}/calibration")
        rows = interviewer.find_elements(By.CSS_SELECTOR, "table.calibration > tbody > tr")
        check(len(rows) == 1 and "Olga Petrova" in rows[0].text, "an interviewer sees only their own row")
        interviewer.get(f"{base}/interviews")
        footer = interviewer.find_element(By.TAG_NAME, "footer").text
        check("Asia/Shanghai (UTC+08:00)" in footer, f"the footer names her browser's zone: {footer!r}")
        olga = Client(base)
        olga.login("olga.petrova@demo.example", password)
        first = olga.call("GET", "/api/v1/interviews")[0]["scheduledAt"]
        shown = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d", interviewer.find_element(By.CSS_SELECTOR, "main table.interviews").text)
        utc = datetime.datetime.strptime(first, "%Y-%m-%d %H:%M")
        expected = (utc + datetime.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
        check(shown[:1] == [expected], f"the newest interview, {first} UTC, reads {expected} on her page: {shown[:1]}")
        print("demo end-to-end: all checks passed")
    finally:
        for driver in drivers:
            driver.quit()
        server.process.terminate()
        server.process.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
