#!/usr/bin/env python3
"""Load benchmark of the live console: 100 interview sessions posting ratings at once to one server
on its embedded SQLite, measured with wrk against a trivial GET of the same server in the same run.

    swift build -c release --product interview && swift build -c release --product console-load
    python3 Benchmarks/console_load.py [--binary .build/release/interview] [--sessions 100] [--seconds 15]

Each session is a separate interviewer, logged in, scoring their own interview; every request is a
rating with a fresh client id, so each one is validated by the engine and committed to SQLite (WAL,
synchronous=FULL) before it is answered. The ratings are measured twice: as HTTP POSTs (wrk), and over
the console's socket, the way the browser's console sends them while its socket is open (our client,
Sources/console-load). Prints one line per figure and the goals from issue 6 (ratings ≥ 40 % of the
GET's throughput, p99 < 20 ms).
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "e2e"))
from interviewflow_api import Client, create_first_admin, guide_id  # noqa: E402

PASSWORD = "a long benchmark password"
THREADS = 2

LUA = r"""
-- 100 interviewers, each posting one rating after another as a browser's console does: a session is
-- handed to a request only once its previous rating has been answered, so no interviewer ever has two
-- ratings in flight. wrk has no per-connection state, so the answer names its session by the cookie
-- the server sets on it, and that session goes back in this thread's queue of free sessions.
local sessions = {}
%s
local THREADS = %d
local by_cookie = {}
local heads = {}
for i, s in ipairs(sessions) do
  by_cookie[s.cookie] = i
  heads[i] = "POST " .. s.path .. " HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: application/json\r\n" ..
    "Cookie: interviewflow-session=" .. s.cookie .. "\r\nX-CSRF-Token: " .. s.csrf .. "\r\nContent-Length: "
end
-- wrk runs one Lua state per thread; each gets its own number in setup(): its own client-id tag (no two
-- threads ever send the same client id, which the server would rightly answer as a duplicate) and its
-- own half of the sessions.
local next_thread = 0
local threads = {}
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
  thread:set("thread_tag", "t" .. next_thread .. "x" .. os.time())
  table.insert(threads, thread)
end
-- Each thread's queue: its share of the interviewers, then one spare. wrk calls request() once before
-- the run to check the script, which takes the first session and never answers; the spare stands in
-- for it, so every connection still has an interviewer of its own.
local SPARES = THREADS
local free, head, tail = {}, 1, 0
function init(args)
  for i = 1, #sessions - SPARES do
    if (i - 1) %% THREADS == thread_number - 1 then tail = tail + 1; free[tail] = i end
  end
  tail = tail + 1; free[tail] = #sessions - SPARES + thread_number
end
local counter = 0
overlaps = 0
request = function()
  counter = counter + 1
  local i
  if head <= tail then
    i = free[head]; free[head] = nil; head = head + 1
  else
    -- Only after a reconnect: more requests than free sessions. Counted, so the run can say so.
    overlaps = overlaps + 1
    i = (counter %% #sessions) + 1
  end
  local s = sessions[i]
    local body = '{"clientID":"' .. thread_tag .. "-" .. counter .. '","type":"rate","topic":"3.1","question":"op1","rating":' .. (counter %% 5) .. '}'
  -- The same request wrk.format would build, from a head made once per session: the client shares
  -- the cores with the server, so its work per request is kept small.
  return heads[i] .. #body .. "\r\n\r\n" .. body
end
failures = 0
duplicates = 0
unnamed = 0
response = function(status, headers, body)
  -- wrk gives the header names as the server wrote them; NIO writes them in lower case.
  local set_cookie = headers["set-cookie"] or headers["Set-Cookie"]
  local cookie = set_cookie and string.match(set_cookie, "interviewflow%%-session=([^;]+)")
  local i = cookie and by_cookie[cookie]
  if i then
    tail = tail + 1; free[tail] = i
  else
    unnamed = unnamed + 1
  end
  if status ~= 200 then
    failures = failures + 1
    if failures < 4 then io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n") end
  elseif string.find(body, '"duplicate":true', 1, true) then
    duplicates = duplicates + 1
  end
end
function done(summary, latency, requests)
  local totals = {duplicates = 0, overlaps = 0, unnamed = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  for name, value in pairs(totals) do io.stderr:write(name .. ": " .. value .. "\n") end
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process):
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("server exited")
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def wrk(args, url, seconds, connections, script=None, headers=()):
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    text = out.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    duplicates = re.search(r"duplicates: (\d+)", out.stderr)
    for name in ("overlaps", "unnamed"):
        found = re.search(name + r": (\d+)", out.stderr)
        if found and int(found.group(1)) > 0:
            print(f"warning: {found.group(1)} {name} (a session had two ratings in flight, or an answer named no session)")
    return (rps, float(p99.group(1)) * scale, int(non2xx.group(1)) if non2xx else 0,
            int(duplicates.group(1)) if duplicates else 0, text + out.stderr, client_cpu, seconds)


def socket_ratings(args, port, sessions, seconds, data):
    """The same ratings over the console's socket, by our own client (wrk has no WebSocket)."""
    listing = os.path.join(data, "sessions.txt")
    with open(listing, "w") as f:
        f.writelines(f"{s['path']} {s['cookie']}\n" for s in sessions[:args.sessions])
    out = subprocess.run([os.path.abspath(args.client), "--port", str(port), "--seconds", str(seconds),
                          "--sessions", listing, "--threads", str(THREADS)], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("console-load failed: " + out.stderr[-500:])
    figures = json.loads(out.stdout)
    if figures["failures"]:
        print(f"socket: {figures['failures']} refused, first: {figures['first_failure']}")
    return (figures["ratings"] / seconds, figures["p99_ms"], figures["failures"], figures["duplicates"],
            out.stdout, figures["client_cpu_s"], seconds)


def cpu_seconds(pid):
    """User + system CPU time of a process and its threads so far (from /proc, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(pid, run):
    """Runs one wrk measurement and adds the server's CPU time per request (µs): steadier than
    throughput on a shared machine, so it shows what a change did even when the VM is noisy."""
    before = cpu_seconds(pid)
    result = run()
    return result + (1e6 * (cpu_seconds(pid) - before) / max(1.0, result[0] * result[-1]),)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/interview")
    parser.add_argument("--client", default=".build/release/console-load")
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for binary, product in ((args.binary, "interview"), (args.client, "console-load")):
        if not os.access(binary, os.X_OK):
            sys.exit(f"{binary} not found: build it first with `swift build -c release --product {product}`")
    data = tempfile.mkdtemp(prefix="interviewflow-load-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(data, "serve.log"), "w")
    server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--data", data, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, LOG_LEVEL="warning"))
    try:
        wait_for_port(port, server)
        setup = None
        for _ in range(100):
            found = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", open(log.name).read())
            if found:
                setup = found.group(1)
                break
            time.sleep(0.1)
        if not setup:
            raise RuntimeError("no setup link in the server's output: " + open(log.name).read()[-500:])
        admin = create_first_admin(base, setup, "Bench Admin", "admin@bench.example", PASSWORD)
        position = admin.call("POST", "/api/v1/positions", {"title": "Load", "guideID": guide_id(admin, "python-backend-senior.en")})["position"]

        def prepare(n):
            email = f"interviewer{n}@bench.example"
            user = admin.call("POST", "/api/v1/users", {"name": f"Interviewer {n}", "email": email, "password": PASSWORD, "role": "interviewer"})
            admin.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": email})
            candidate = admin.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": f"Candidate {n}", "contact": f"c{n}@bench.example"})
            interview = admin.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00", "interviewerIDs": [user["id"]]})
            client = Client(base)
            client.login(email, PASSWORD)
            path = f"/api/v1/interviews/{interview['id']}/console/actions"
            view = client.call("POST", path, {"clientID": uuid.uuid4().hex, "type": "start"})["view"]
            while view["agenda"] == "talk":
                view = client.call("POST", path, {"clientID": uuid.uuid4().hex, "type": "moveOn"})["view"]
            assert view["question"]["topic"] == "3.1" and view["question"]["id"] == "op1", view["agenda"]
            return {"path": path, "cookie": client.session_cookie(), "csrf": client.csrf}

        started = time.time()
        with ThreadPoolExecutor(max_workers=8) as pool:
            # One spare interviewer per wrk thread (see the Lua script).
            sessions = list(pool.map(prepare, range(args.sessions + THREADS)))
        print(f"setup: {args.sessions} interviewers (+{THREADS} spares) logged in, each at question 3.1/op1 ({time.time() - started:.1f} s)", flush=True)

        script = os.path.join(data, "ratings.lua")
        rows = "\n".join(f'sessions[{i + 1}] = {{path = "{s["path"]}", cookie = "{s["cookie"]}", csrf = "{s["csrf"]}"}}'
                         for i, s in enumerate(sessions))
        with open(script, "w") as f:
            f.write(LUA % (rows, THREADS, f"127.0.0.1:{port}"))

        pid = server.pid
        get_rps, get_p99, _, _, get_text, get_client, _, get_cpu = measured(pid, lambda: wrk(args, base + "/healthz", args.seconds, args.sessions))
        # A second baseline: a trivial GET that, like a rating, carries a session and signs its user in.
        auth_rps, auth_p99, _, _, _, auth_client, _, auth_cpu = measured(pid, lambda: wrk(
            args, base + "/api/v1/session", args.seconds, args.sessions,
            headers=[f"Cookie: interviewflow-session={sessions[0]['cookie']}"]))
        rate_rps, rate_p99, failures, duplicates, rate_text, rate_client, _, rate_cpu = measured(pid, lambda: wrk(
            args, base + sessions[0]["path"], args.seconds, args.sessions, script))
        socket_rps, socket_p99, socket_failures, socket_duplicates, socket_text, socket_client, _, socket_cpu = measured(
            pid, lambda: socket_ratings(args, port, sessions, args.seconds, data))
        if args.verbose:
            print(get_text, rate_text, socket_text)
        print(f"GET /healthz: {get_rps:.0f} req/s, p99 {get_p99:.2f} ms, server CPU {get_cpu:.0f} µs/request, wrk CPU {1e6 * get_client / (get_rps * args.seconds):.0f} µs/request")
        print(f"GET /api/v1/session (signed in): {auth_rps:.0f} req/s, p99 {auth_p99:.2f} ms, server CPU {auth_cpu:.0f} µs/request, wrk CPU {1e6 * auth_client / (auth_rps * args.seconds):.0f} µs/request")
        print(f"POST rating: {rate_rps:.0f} req/s, p99 {rate_p99:.2f} ms, non-2xx {failures}, answered as duplicates {duplicates}, server CPU {rate_cpu:.0f} µs/request, wrk CPU {1e6 * rate_client / (rate_rps * args.seconds):.0f} µs/request")
        print(f"socket rating: {socket_rps:.0f} ratings/s, p99 {socket_p99:.2f} ms, refused {socket_failures}, answered as duplicates {socket_duplicates}, server CPU {socket_cpu:.0f} µs/rating, client CPU {1e6 * socket_client / max(1, socket_rps * args.seconds):.0f} µs/rating")
        for name, rps, p99 in (("POST ratings", rate_rps, rate_p99), ("socket ratings (the console's way)", socket_rps, socket_p99)):
            ratio = 100 * rps / get_rps
            print(f"{name}: {ratio:.1f} % of the GET's throughput (goal ≥ 40 %) — {'met' if ratio >= 40 else 'MISSED'}; "
                  f"p99 {p99:.2f} ms (goal < 20 ms) — {'met' if p99 < 20 else 'MISSED'}")
        print(f"POST ratings / signed-in GET throughput: {100 * rate_rps / auth_rps:.1f} %")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
