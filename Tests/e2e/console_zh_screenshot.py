"""Takes the README's picture of the console in Chinese (docs/console-zh.png): a Chinese interviewer
on the bundled Chinese guide, at 3.1's first go-deeper gate, with a note added.

    python3 Tests/e2e/console_zh_screenshot.py [--binary .build/debug/interview] [--out docs/console-zh.png]

Not a test: the console's behaviour is checked by console_e2e.py.
"""
import argparse
import os, re, socket, subprocess, sys, tempfile, time, shutil
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interviewflow_api import Client, create_first_admin, guide_id
from selenium import webdriver
from selenium.webdriver.chrome.service import Service  # older Seleniums (Debian's) have no webdriver.ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/interview")
parser.add_argument("--out", default="docs/console-zh.png")
args = parser.parse_args()
PW = "interviewer's long password"
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
data = tempfile.mkdtemp()
log = open(data + "/serve.log", "w")
server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--data", data, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{port}"
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close(); break
    except OSError: time.sleep(0.2)
time.sleep(0.5)
setup = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", open(data + "/serve.log").read()).group(1)
try:
    admin = create_first_admin(base, setup, "管理员", "admin@example.com", "a long passphrase for setup")  # not holding the email's name (refused since that rule)
    admin.call("POST", "/api/v1/users", {"name": "王面试官", "email": "wang@example.com", "password": PW, "role": "interviewer"})
    admin.call("POST", "/api/v1/users", {"name": "李经理", "email": "li@example.com", "password": PW, "role": "hiring_manager"})
    li = Client(base); li.login("li@example.com", PW)
    position = li.call("POST", "/api/v1/positions", {"title": "Python 后端（中高级）", "guideID": guide_id(li, "python-backend-senior.zh")})["position"]
    li.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": "wang@example.com"})
    members = {m["email"]: m["id"] for m in li.call("GET", f"/api/v1/positions/{position['id']}")["members"]}
    candidate = li.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": "孙八", "contact": "sun@example.com"})
    interview = li.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00",
                                                       "interviewerIDs": [members["wang@example.com"]]})
    o = webdriver.ChromeOptions()
    for f in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1000", "--lang=zh-CN", "--hide-scrollbars"):
        o.add_argument(f)
    o.binary_location = "/usr/bin/chromium"
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_window_size(1500, 1000)
    w = WebDriverWait(d, 20)
    d.get(base + "/login")
    d.add_cookie({"name": "lang", "value": "zh", "path": "/"})
    d.get(base + "/login")
    d.find_element(By.NAME, "email").send_keys("wang@example.com")
    d.find_element(By.NAME, "password").send_keys(PW + Keys.ENTER)
    w.until(lambda x: "/login" not in x.current_url)
    d.get(base + f"/interviews/{interview['id']}/console")
    st = lambda: d.find_element(By.ID, "console").get_attribute("data-state")
    qid = lambda: d.execute_script("const m = document.querySelector('.panel .meta'); return m ? m.textContent : '';")
    w.until(lambda x: st() == "start")
    body = lambda: d.find_element(By.TAG_NAME, "body")
    body().send_keys(Keys.ENTER)
    for _ in range(3):
        w.until(lambda x: st() == "talk"); line = d.find_element(By.ID, "stage-line").text
        body().send_keys("f"); w.until(lambda x: d.find_element(By.ID, "stage-line").text != line)
    for q, r in [("op1", 4), ("op2", 3), ("op3", 3), ("op4", 4), ("op5", 3)]:
        w.until(lambda x: st() == "rate" and qid().startswith(f"3.1 · {q} "))
        body().send_keys(str(r))
    w.until(lambda x: st() == "gate")
    note = d.find_element(By.ID, "note")
    note.click(); note.send_keys("部署经验扎实，讲清楚了 gunicorn 的 worker 模型")
    note.send_keys(Keys.CONTROL, Keys.ENTER)
    time.sleep(1.0)
    d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    d.set_window_size(1500, 1060)
    time.sleep(0.8)
    d.save_screenshot(args.out)
    print("wrote", args.out, "at", qid())
    d.quit()
finally:
    server.terminate(); server.wait()
    shutil.rmtree(data, ignore_errors=True)
