#!/usr/bin/env python3
"""Takes the README's pictures of the web application's lists and guide pages (docs/server-*.png):
positions, candidates in Chinese (a name with markup shows as text), a bundled guide drawn by the server,
and the seed guide in the editor with each finding beside its line.

    python3 Tests/e2e/server_screenshots.py [--binary .build/debug/interview] [--out docs] [--seed ../shared/seed/000_7502da119ff097aa.txt]

Not a test: what these pages show is checked by the swift tests and the other browser tests.
"""
import argparse
import base64
import os
import re
import shutil
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

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/interview")
parser.add_argument("--out", default="docs")
parser.add_argument("--seed", default="../shared/seed/000_7502da119ff097aa.txt")
args = parser.parse_args()
PW = "the admin's long password"

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
data = tempfile.mkdtemp()
log = open(os.path.join(data, "serve.log"), "w")
server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--data", data, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{port}"
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        break
    except OSError:
        time.sleep(0.2)
time.sleep(0.5)
setup = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", open(os.path.join(data, "serve.log")).read()).group(1)
driver = None
try:
    admin = create_first_admin(base, setup, "Ada Admin", "ada@example.com", PW)
    admin.call("POST", "/api/v1/users", {"name": "Ivan", "email": "ivan@example.com", "password": PW, "role": "interviewer"})
    senior = admin.call("POST", "/api/v1/positions", {"title": "Senior Python backend engineer",
                                                       "guideID": guide_id(admin, "python-backend-senior.en")})["position"]
    graduate = admin.call("POST", "/api/v1/positions", {"title": "后端开发（应届）",
                                                         "guideID": guide_id(admin, "backend-new-graduate.zh")})["position"]
    for position in (senior, graduate):
        admin.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": "ivan@example.com"})
    ivan = {m["email"]: m["id"] for m in admin.call("GET", f"/api/v1/positions/{senior['id']}")["members"]}["ivan@example.com"]
    for name, position in [("Zhang Wei", senior), ("Li Na", senior), ("Wang Fang <script>alert(1)</script>", senior),
                           ("刘洋", graduate), ("陈静", graduate)]:
        candidate = admin.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": name,
                                                              "contact": "candidate@example.com"})
        admin.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-07T10:00",
                                                  "interviewerIDs": [ivan]})
    seed = None
    if os.path.exists(args.seed):
        seed = admin.call("POST", "/api/v1/guides", {"slug": "python-backend-seed", "markdown": open(args.seed).read()})
    else:
        print(f"skipping the editor picture: no seed guide at {args.seed}")

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options)

    def shot(path, width, height, name, from_selector=None):
        """`height` pixels of the page from its top, or from just above the element `from_selector` names."""
        driver.set_window_size(width, height)
        driver.get(base + path)
        time.sleep(0.6)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        top = 0
        if from_selector:
            top = max(0, driver.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY - 16;",
                                               from_selector))
        image = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": {"x": 0, "y": top, "width": width, "height": height, "scale": 1},
                                                                   "captureBeyondViewport": True})
        with open(os.path.join(args.out, name), "wb") as out:
            out.write(base64.b64decode(image["data"]))
        print("wrote", os.path.join(args.out, name))

    driver.get(base + "/login")
    driver.find_element(By.NAME, "email").send_keys("ada@example.com")
    driver.find_element(By.NAME, "password").send_keys(PW + Keys.ENTER)
    time.sleep(1)
    shot("/positions", 1280, 900, "server-positions.png")
    driver.add_cookie({"name": "lang", "value": "zh", "path": "/"})
    shot("/candidates", 1280, 900, "server-candidates.png")
    driver.add_cookie({"name": "lang", "value": "en", "path": "/"})
    shot(f"/guides/{guide_id(admin, 'python-backend-senior.en')}", 1280, 2700, "server-guide.png")
    if seed:
        # The findings, each beside its line (the editor's text box and the questions' figures come first).
        shot(f"/guides/{seed['id']}/edit", 1280, 1500, "server-guide-lint.png", from_selector="table.source")
finally:
    if driver:
        driver.quit()
    server.terminate()
    server.wait()
    shutil.rmtree(data, ignore_errors=True)
