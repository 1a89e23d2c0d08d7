#!/usr/bin/env python3
"""Load benchmark of the scale-out deployment: 1, 2, … instances of the server on one PostgreSQL
database, behind nginx with the configuration in deploy/nginx/ (the plain-HTTP loopback variant), all on
this machine.

    swift build -c release --product interview && swift build -c release --product console-load
    python3 Benchmarks/cluster_load.py [--binary .build/release/interview] [--console-load .build/release/console-load]
        [--seconds 15] [--instances 1,2] [--sessions 100] [--modes socket,post] [--runs 1]
        [--database-url postgres://interviewflow:interviewflow@127.0.0.1:5432/interviewflow_cluster_bench?sslmode=disable]

The load is console_load.py's: N interviewers, each logged in and scoring their own interview with one
rating in flight at a time, each rating with a client id of its own, checked by the engine and committed
to PostgreSQL before its answer. Measured over the console's socket (`console-load`, the console's way
while its socket is open; nginx spreads the sockets over the instances) and as HTTP POSTs (wrk with
console_load.py's script, the console's fallback; nginx spreads each request). Everything goes through
nginx.

For each number of instances the database is made afresh (interviewflow_cluster_bench, or the database
named in --database-url; created as the PostgreSQL superuser when the URL's role may not, and dropped at
the end), the instances are started one after another (the first runs the migrations) as
deploy/systemd/interviewflow@.service starts them, nginx is started in front of them, and the
interviewers are set up through nginx. Each measurement runs for --seconds while the CPU time of every
process involved is read from /proc: each instance; PostgreSQL (the live processes of the cluster
serving this database: its background processes and the backends of this database, which are also shown
apart; backends of other databases are left to "other"); nginx (master and workers); the load client;
this script; and the machine's busy time from /proc/stat ("other" is what none of these used: other work
on the machine, the kernel's own threads). Each instance's /metrics gives what its scorecard writer did
(commits, ratings per commit, time per commit), and the database how many ratings were stored. The
report says what limits the throughput: the CPU when the machine was busy (and who used it), a scorecard
writer committing all the time, or else waiting.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
from console_load import LUA, PASSWORD, THREADS, free_port  # noqa: E402
from interviewflow_api import Client, create_first_admin, guide_id  # noqa: E402

NGINX_DIR = os.path.join(ROOT, "deploy", "nginx")
DEFAULT_URL = "postgres://interviewflow:interviewflow@127.0.0.1:5432/interviewflow_cluster_bench?sslmode=disable"
TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


# --- PostgreSQL ---------------------------------------------------------------------------------------

def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def database_name(url):
    return urllib.parse.urlsplit(url).path.lstrip("/")


def psql(url, sql):
    """One statement with the URL's own role; its output, or None if PostgreSQL refused."""
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                         capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def superuser_psql(sql):
    """As the postgres superuser (local peer authentication, as .ci/run does): for a role that may not
    create databases."""
    if os.geteuid() != 0:
        raise RuntimeError("the URL's role may not create the database, and only root can run psql as postgres")
    out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, cwd="/")
    if out.returncode != 0:
        raise RuntimeError(f"psql as postgres: {sql}: {out.stderr.strip()}")


def admin(url, sql):
    # A few tries: on a shared machine PostgreSQL may be restarting for a moment.
    for attempt in range(30):
        try:
            if psql(with_database(url, "postgres"), sql) is None:
                superuser_psql(sql)
            return
        except RuntimeError as error:
            if attempt == 29 or not re.search(r"shutting down|starting up|No such file|Connection refused", str(error)):
                raise
            time.sleep(2)


def recreate_database(url):
    name = database_name(url)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"database name {name!r}: use lower-case letters, digits and _")
    owner = urllib.parse.unquote(urllib.parse.urlsplit(url).username or "postgres")
    admin(url, f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
    admin(url, f'CREATE DATABASE {name} OWNER "{owner}"')


def drop_database(url):
    admin(url, f'DROP DATABASE IF EXISTS {database_name(url)} WITH (FORCE)')


# --- the cluster -------------------------------------------------------------------------------------

def get(url, timeout=2):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return None, b""


def wait_ready(url, processes, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if get(url)[0] == 200:
            return
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before {url} was ready")
        time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {seconds} s")


def nginx_site(listen_port, instance_ports):
    """deploy/nginx/interviewflow-loopback.conf with this run's ports: the documented configuration,
    only the listen address and each upstream's list of servers changed."""
    with open(os.path.join(NGINX_DIR, "interviewflow-loopback.conf")) as f:
        site = f.read()

    def servers(block):
        lines = re.findall(r"^([ \t]*)server 127\.0\.0\.1:\d+([^;\n]*);\n", block.group(0), re.M)
        indent, options = lines[0]
        listed = "".join(f"{indent}server 127.0.0.1:{port}{options};\n" for port in instance_ports)
        return re.sub(r"(?:^[ \t]*server 127\.0\.0\.1:\d+[^;\n]*;\n)+", lambda _: listed, block.group(0), count=1, flags=re.M)

    site, upstreams = re.subn(r"^upstream \w+ \{.*?^\}", servers, site, flags=re.M | re.S)
    if not upstreams or "listen 127.0.0.1:8080;" not in site:
        raise RuntimeError("deploy/nginx/interviewflow-loopback.conf: no upstream or listen line to rewrite")
    return site.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{listen_port};")


class Cluster:
    """N instances on one database, nginx in front, all children of this process."""

    def __init__(self, binary, database_url, instances, work, log_level="warning"):
        self.binary = os.path.abspath(binary)
        self.database_url = database_url
        self.count = instances
        self.work = work
        self.log_level = log_level
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.instance_ports = []
        self.instances = []
        self.logs = []
        self.nginx = None

    def start(self):
        for n in range(self.count):
            port = free_port()
            data = os.path.join(self.work, f"instance-{n + 1}")
            os.makedirs(data, exist_ok=True)
            log = open(os.path.join(self.work, f"instance-{n + 1}.log"), "w")
            # As deploy/systemd/interviewflow@.service starts them, with nginx's http address as the public
            # URL: the setup link and the console socket's Origin check name the proxy, not the instance.
            process = subprocess.Popen(
                [self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(port), "--data", data,
                 "--public-url", self.base, "--trusted-proxy", "127.0.0.1"],
                stdout=log, stderr=subprocess.STDOUT,
                env=dict(os.environ, DATABASE_URL=self.database_url, LOG_LEVEL=self.log_level))
            self.instances.append(process)
            self.instance_ports.append(port)
            self.logs.append(log.name)
            # One after another: the first runs the migrations on the new database, and the others start
            # on a current schema (as deploy/README.md says to start them).
            wait_ready(f"http://127.0.0.1:{port}/readyz", [process])
        self.start_nginx()
        wait_ready(self.base + "/readyz", self.instances + [self.nginx])

    def start_nginx(self):
        prefix = os.path.join(self.work, "nginx")
        for sub in ("snippets", "logs", "tmp"):
            os.makedirs(os.path.join(prefix, sub), exist_ok=True)
        # nginx's workers run as nobody when the master is root: they must reach the temporary files.
        os.chmod(self.work, 0o755)
        os.chmod(prefix, 0o755)
        os.chmod(os.path.join(prefix, "tmp"), 0o1777)
        shutil.copy(os.path.join(NGINX_DIR, "interviewflow-proxy.conf"), os.path.join(prefix, "snippets"))
        with open(os.path.join(prefix, "site.conf"), "w") as f:
            f.write(nginx_site(self.port, self.instance_ports))
        # The wrapper Debian's /etc/nginx/nginx.conf would be, reduced to what the site needs; the access
        # log stays on, as in production.
        with open(os.path.join(prefix, "nginx.conf"), "w") as f:
            f.write(f"""worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/site.conf;
}}
""")
        command = ["nginx", "-p", prefix + "/", "-c", os.path.join(prefix, "nginx.conf"), "-e", os.path.join(prefix, "logs", "error.log")]
        subprocess.run(command + ["-t", "-q"], check=True)
        self.nginx = subprocess.Popen(command + ["-g", "daemon off;"])
        self.nginx_prefix = prefix

    def setup_link(self):
        # Each start while there is no admin replaces the setup token: the last instance's link is the live one.
        for _ in range(100):
            found = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", open(self.logs[-1]).read())
            if found:
                return found.group(1)
            time.sleep(0.1)
        raise RuntimeError("no setup link in the last instance's output: " + open(self.logs[-1]).read()[-500:])

    def stop(self):
        for process in ([self.nginx] if self.nginx else []) + self.instances:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in ([self.nginx] if self.nginx else []) + self.instances:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def setup(cluster, count):
    admin_client = create_first_admin(cluster.base, cluster.setup_link(), "Bench Admin", "admin@bench.example", PASSWORD)
    position = admin_client.call("POST", "/api/v1/positions",
                                 {"title": "Load", "guideID": guide_id(admin_client, "python-backend-senior.en")})["position"]

    def prepare(n):
        email = f"interviewer{n}@bench.example"
        user = admin_client.call("POST", "/api/v1/users", {"name": f"Interviewer {n}", "email": email, "password": PASSWORD, "role": "interviewer"})
        admin_client.call("POST", f"/api/v1/positions/{position['id']}/members", {"email": email})
        candidate = admin_client.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": f"Candidate {n}", "contact": f"c{n}@bench.example"})
        interview = admin_client.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00", "interviewerIDs": [user["id"]]})
        client = Client(cluster.base)
        client.login(email, PASSWORD)
        path = f"/api/v1/interviews/{interview['id']}/console/actions"
        view = client.call("POST", path, {"clientID": uuid.uuid4().hex, "type": "start"})["view"]
        while view["agenda"] == "talk":
            view = client.call("POST", path, {"clientID": uuid.uuid4().hex, "type": "moveOn"})["view"]
        assert view["question"]["topic"] == "3.1" and view["question"]["id"] == "op1", view["agenda"]
        return {"path": path, "cookie": client.session_cookie(), "csrf": client.csrf}

    with ThreadPoolExecutor(max_workers=8) as pool:
        # One spare interviewer per wrk thread (see console_load.py's Lua script).
        return list(pool.map(prepare, range(count + THREADS)))


# --- CPU from /proc ----------------------------------------------------------------------------------

def proc_stat(pid):
    """(ppid, utime + stime, cutime + cstime) in ticks, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def machine_ticks():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]   # idle + iowait
    return sum(values[:8]) - idle, sum(values[:8])   # busy, all (without guest, already in user)


class CPU:
    """Snapshots of the CPU time used so far by each kind of process."""

    def __init__(self, cluster, database):
        self.cluster = cluster
        self.database = database
        # The postmaster of the cluster serving this database (a machine may run several clusters): the
        # parent of the backends the instances hold open once they are set up.
        self.postmaster = None
        for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
            if comm(pid) == "postgres" and re.match(r"postgres: (?:\S+: )?\S+ " + re.escape(database) + " ", cmdline(pid)):
                stat = proc_stat(pid)
                if stat:
                    self.postmaster = stat[0]
                    break

    def snapshot(self, client_pid=None):
        s = {"time": time.monotonic()}
        for n, process in enumerate(self.cluster.instances):
            stat = proc_stat(process.pid)
            s[f"instance {n + 1}"] = stat[1] / TICK if stat else 0.0
        postgres = ours = 0
        nginx = 0
        busiest_backend = {}
        master = self.cluster.nginx.pid if self.cluster.nginx else None
        for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
            name = comm(pid)
            if name == "postgres":
                stat = proc_stat(pid)
                if not stat or (pid != self.postmaster and stat[0] != self.postmaster):
                    continue   # another cluster's, or gone
                title = cmdline(pid)
                # A backend's title: "postgres: 15/main: USER DATABASE HOST(PORT) STATE".
                backend = re.match(r"postgres: (?:\S+: )?\S+ (\S+) (?:\[local\]|\S+\(\d+\))", title)
                if backend and backend.group(1) != self.database:
                    continue   # serving another database (other work on this machine): counted in "other"
                # Live processes only: the instances' backends live as long as their pools. (The
                # postmaster's reaped children would add backends that ended, but on a shared machine
                # mostly other people's short connections.)
                postgres += stat[1]
                if backend:
                    ours += stat[1]
                    busiest_backend[pid] = stat[1]
            elif name == "nginx":
                stat = proc_stat(pid)
                if stat and (pid == master or stat[0] == master):
                    nginx += stat[1]
        s["postgres"] = postgres / TICK
        s["postgres backends of this database"] = ours / TICK
        s["backends"] = {pid: t / TICK for pid, t in busiest_backend.items()}
        s["nginx"] = nginx / TICK
        if client_pid:
            stat = proc_stat(client_pid)
            s["client"] = stat[1] / TICK if stat else None
        own = os.times()
        s["harness"] = own.user + own.system   # this script: the /proc readings themselves
        busy, _ = machine_ticks()
        s["machine"] = busy / TICK
        return s


def cpu_between(before, after, client_cpu):
    seconds = after["time"] - before["time"]
    used = {}
    for name in [k for k in before if k.startswith("instance ")] + ["postgres", "postgres backends of this database", "nginx", "harness", "machine"]:
        used[name] = after[name] - before[name]
    used["client"] = client_cpu
    backends = [after["backends"][pid] - before["backends"].get(pid, 0) for pid in after["backends"]]
    used["busiest backend"] = max(backends, default=0)
    used["backend count"] = len(after["backends"])
    accounted = sum(v for k, v in used.items() if k.startswith("instance ")) + used["postgres"] + used["nginx"] + client_cpu + used["harness"]
    used["other"] = max(0.0, used["machine"] - accounted)
    used["seconds"] = seconds
    return used


def scrape(cluster):
    """Each instance's own counters from its /metrics (read straight from the instance, which allows
    loopback): per instance, {metric name: value summed over its labels}; {} from a build without them."""
    figures = []
    for port in cluster.instance_ports:
        status, body = get(f"http://127.0.0.1:{port}/metrics")
        values = {}
        if status == 200:
            for line in body.decode(errors="replace").splitlines():
                found = re.match(r"(interviewflow_scorecard_\w+?)(?:\{[^}]*\})?\s+([0-9.eE+-]+)$", line)
                if found and not found.group(1).endswith("_bucket"):
                    values[found.group(1)] = values.get(found.group(1), 0.0) + float(found.group(2))
        figures.append(values)
    return figures


def writer_figures(before, after, seconds):
    """What each instance's scorecard writer did: commits, writes per commit (the group), the mean time of
    a commit, and the share of the time it was committing (it commits one group at a time, so near 100 %
    it is the bottleneck of that instance)."""
    out = []
    for b, a in zip(before, after):
        commits = a.get("interviewflow_scorecard_commit_seconds_count", 0) - b.get("interviewflow_scorecard_commit_seconds_count", 0)
        if not a or commits <= 0:
            out.append(None)
            continue
        spent = a.get("interviewflow_scorecard_commit_seconds_sum", 0) - b.get("interviewflow_scorecard_commit_seconds_sum", 0)
        writes = a.get("interviewflow_scorecard_writes_total", 0) - b.get("interviewflow_scorecard_writes_total", 0)
        out.append({"commits": commits, "writes per commit": writes / commits, "mean commit ms": 1000 * spent / commits,
                    "busy": spent / seconds})
    return out


def rated_events(url):
    """Ratings stored: one `rated` event per rating applied (a retry finds its client id and adds none)."""
    return int(psql(url, """SELECT count(*) FROM scorecard_events WHERE event LIKE '%"type":"rated"%'""") or 0)


def commits(url):
    return int(psql(url, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") or 0)


# --- the two ways of rating --------------------------------------------------------------------------

def socket_run(args, cluster, sessions, work, cpu):
    listing = os.path.join(work, "sessions.txt")
    with open(listing, "w") as f:
        f.writelines(f"{s['path']} {s['cookie']}\n" for s in sessions[:args.sessions])
    client = subprocess.Popen([os.path.abspath(args.console_load), "--port", str(cluster.port), "--seconds", str(args.seconds),
                               "--sessions", listing, "--threads", str(THREADS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # console-load connects every socket first (through nginx), then rates for --seconds, then waits
    # 0.5 s for the last answers and closes: the window is taken from /proc snapshots every 0.25 s.
    samples = []
    while client.poll() is None:
        samples.append(cpu.snapshot(client.pid))
        time.sleep(0.25)
    ended = time.monotonic()
    out, err = client.communicate()
    if client.returncode != 0:
        raise RuntimeError("console-load failed: " + err[-500:])
    figures = json.loads(out)
    end = ended - 0.5
    start = end - args.seconds
    before = min(samples, key=lambda s: abs(s["time"] - start))
    after = min(samples, key=lambda s: abs(s["time"] - end))
    used = cpu_between(before, after, figures["client_cpu_s"] * (after["time"] - before["time"]) / args.seconds)
    return {"ratings": figures["ratings"], "rps": figures["ratings"] / args.seconds, "p50": figures["p50_ms"], "p99": figures["p99_ms"],
            "errors": figures["failures"], "error detail": figures["first_failure"], "duplicates": figures["duplicates"], "cpu": used}


def parse_ms(text, label):
    found = re.search(label + r"\s+([\d.]+)(us|ms|s)\b", text)
    return float(found.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[found.group(2)] if found else None


def post_run(args, cluster, sessions, work, cpu):
    script = os.path.join(work, "ratings.lua")
    rows = "\n".join(f'sessions[{i + 1}] = {{path = "{s["path"]}", cookie = "{s["cookie"]}", csrf = "{s["csrf"]}"}}'
                     for i, s in enumerate(sessions))
    with open(script, "w") as f:
        f.write(LUA % (rows, THREADS, f"127.0.0.1:{cluster.port}"))
    command = ["wrk", f"-t{THREADS}", f"-c{args.sessions}", f"-d{args.seconds}s", "--latency", "-s", script, cluster.base + sessions[0]["path"]]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = cpu.snapshot()
    out = subprocess.run(command, capture_output=True, text=True)
    after = cpu.snapshot()
    usage_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError("wrk failed: " + out.stderr[-500:])
    text = out.stdout
    client_cpu = (usage_after.ru_utime + usage_after.ru_stime) - (usage.ru_utime + usage.ru_stime)
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    refused = sum(int(v) for v in socket_errors.groups()) if socket_errors else 0
    duplicates = re.search(r"duplicates: (\d+)", out.stderr)
    overlaps = re.search(r"overlaps: (\d+)", out.stderr)
    errors = (int(non2xx.group(1)) if non2xx else 0) + refused
    return {"ratings": requests, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "p50": parse_ms(text, "50%"), "p99": parse_ms(text, "99%"), "errors": errors,
            "error detail": (f"non-2xx {non2xx.group(1) if non2xx else 0}, socket errors {socket_errors.groups() if socket_errors else 0}"
                             + ("; " + out.stderr.strip().splitlines()[0] if errors and out.stderr.strip() else "")),
            "duplicates": int(duplicates.group(1)) if duplicates else 0,
            "overlaps": int(overlaps.group(1)) if overlaps else 0, "cpu": cpu_between(before, after, client_cpu)}


# --- reading the figures -----------------------------------------------------------------------------

def limit(result):
    """Which resource the run ran out of, from the CPU each kind of process used."""
    cpu = result["cpu"]
    seconds = cpu["seconds"]
    busy = cpu["machine"] / seconds
    kinds = {k: v / seconds for k, v in cpu.items()
             if k.startswith("instance ") or k in ("postgres", "nginx", "client", "other")}
    instances = sum(v for k, v in kinds.items() if k.startswith("instance "))
    ranking = sorted(kinds.items(), key=lambda kv: -kv[1])
    shares = ", ".join(f"{k} {v:.2f}" for k, v in ranking)
    if busy >= 0.9 * CORES:
        others = {k: v for k, v in kinds.items() if not k.startswith("instance ")}
        top = "the instances" if instances >= max(others.values()) else max(others, key=others.get)
        if top == "other":
            top = "other: processes outside this benchmark (other jobs on the machine)"
        return (f"CPU: the machine was busy {min(busy, CORES):.2f} of {CORES} cores (idle {max(0.0, 100 * (1 - busy / CORES)):.0f} %); "
                f"the instances together {instances:.2f} cores, the largest user {top}. Cores by kind: {shares}")
    busy_writers = [f"instance {n + 1} {100 * w['busy']:.0f} %" for n, w in enumerate(result.get("writers") or []) if w and w["busy"] >= 0.9]
    if busy_writers:
        return (f"the scorecard writers, which commit one group at a time per instance, were committing nearly all the time "
                f"({', '.join(busy_writers)}), while the machine was busy {busy:.2f} of {CORES} cores. Cores by kind: {shares}")
    if cpu["busiest backend"] / seconds >= 0.9:
        return f"one PostgreSQL backend at {cpu['busiest backend'] / seconds:.2f} of a core (it serves one query at a time). Cores by kind: {shares}"
    return (f"not CPU: the machine was busy {busy:.2f} of {CORES} cores, no process at its limit; "
            f"the time went to waiting (commits, the pool of database connections). Cores by kind: {shares}")


def report(instances, mode, result, check, args):
    cpu = result["cpu"]
    seconds = cpu["seconds"]
    per_rating = lambda v: 1e6 * v / max(1, result["rps"] * seconds)
    instance_cpu = " + ".join(f"{cpu[k]:.1f}" for k in sorted(cpu) if k.startswith("instance "))
    print(f"{instances} instance{'s' if instances > 1 else ''}, {mode}: {result['rps']:.0f} ratings/s, p50 {result['p50']:.2f} ms, "
          f"p99 {result['p99']:.2f} ms, errors {result['errors']}" + (f" ({result['error detail']})" if result["errors"] else "")
          + f", answered as duplicates {result['duplicates']}", flush=True)
    print(f"  CPU s over {seconds:.1f} s: instances {instance_cpu}, postgres {cpu['postgres']:.1f} "
          f"(backends of this database {cpu['postgres backends of this database']:.1f}, {cpu['backend count']} of them, busiest {cpu['busiest backend']:.1f}), "
          f"nginx {cpu['nginx']:.1f}, client {cpu['client']:.1f}, harness {cpu['harness']:.1f}, other {cpu['other']:.1f}; machine busy {cpu['machine']:.1f} of {CORES * seconds:.0f}")
    print(f"  CPU µs per rating: instances {per_rating(sum(v for k, v in cpu.items() if k.startswith('instance '))):.0f}, "
          f"postgres {per_rating(cpu['postgres']):.0f}, nginx {per_rating(cpu['nginx']):.0f}, client {per_rating(cpu['client']):.0f}")
    writers = [w for w in result.get("writers", []) if w]
    if writers:
        print("  scorecard writers: " + "; ".join(
            f"instance {n + 1}: {w['commits']:.0f} commits of {w['writes per commit']:.1f} ratings, {w['mean commit ms']:.2f} ms each, "
            f"committing {100 * w['busy']:.0f} % of the time" for n, w in enumerate(result["writers"]) if w))
    print(f"  stored: {check}")
    print(f"  limit: {limit(result)}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/interview")
    parser.add_argument("--console-load", default=".build/release/console-load")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--instances", default="1,2", help="numbers of instances to measure, e.g. 1,2,3")
    parser.add_argument("--sessions", type=int, default=100, help="interviewers, each with one rating in flight")
    parser.add_argument("--modes", default="socket,post", help="socket (console-load), post (wrk), or both")
    parser.add_argument("--runs", type=int, default=1, help="measurements of each mode per configuration")
    parser.add_argument("--database-url", default=os.environ.get("CLUSTER_BENCH_DATABASE_URL", DEFAULT_URL),
                        help="where the instances keep their data; this database is made afresh and dropped at the end")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, nginx configuration)")
    args = parser.parse_args()
    counts = [int(n) for n in args.instances.split(",") if n.strip()]
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for binary, product in ((args.binary, "interview"), (args.console_load, "console-load")):
        if "socket" in modes or product == "interview":
            if not os.access(binary, os.X_OK):
                sys.exit(f"{binary} not found: build it with `swift build -c release --product {product}`")
    for tool in ("nginx", "psql") + (("wrk",) if "post" in modes else ()):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (Debian: apt-get install {'postgresql-client' if tool == 'psql' else tool})")
    database = database_name(args.database_url)
    print(f"{CORES} cores; {args.sessions} interviewers, {args.seconds} s per measurement; PostgreSQL "
          f"{psql(with_database(args.database_url, 'postgres'), 'SHOW server_version') or '?'}, "
          f"synchronous_commit={psql(with_database(args.database_url, 'postgres'), 'SHOW synchronous_commit') or '?'}; "
          f"binary {os.path.realpath(args.binary)}", flush=True)
    results = []
    work_root = tempfile.mkdtemp(prefix="interviewflow-cluster-")
    try:
        for count in counts:
            work = os.path.join(work_root, f"{count}-instances")
            os.makedirs(work)
            recreate_database(args.database_url)
            cluster = Cluster(args.binary, args.database_url, count, work)
            try:
                started = time.time()
                cluster.start()
                sessions = setup(cluster, args.sessions)
                print(f"\n{count} instance{'s' if count > 1 else ''} behind nginx on 127.0.0.1:{cluster.port} "
                      f"(instances on {', '.join(map(str, cluster.instance_ports))}): {args.sessions} interviewers "
                      f"(+{THREADS} spares) logged in through nginx ({time.time() - started:.1f} s)", flush=True)
                cpu = CPU(cluster, database)
                for run in range(args.runs):
                    for mode in modes:
                        events, committed = rated_events(args.database_url), commits(args.database_url)
                        metrics = scrape(cluster)
                        result = (socket_run if mode == "socket" else post_run)(args, cluster, sessions, work, cpu)
                        # Over the whole run, not only its window: connecting writes nothing, so the
                        # commits are the run's; their time is divided by the measured seconds.
                        result["writers"] = writer_figures(metrics, scrape(cluster), args.seconds)
                        time.sleep(0.5)
                        stored = rated_events(args.database_url) - events
                        transactions = commits(args.database_url) - committed
                        # Each rating answered 200 is a `rated` event in the database; up to one more
                        # per interviewer is committed after the window closed (in flight at its end).
                        check = (f"{stored} ratings stored for {result['ratings']} answered "
                                 f"({'ok' if result['ratings'] - result['errors'] <= stored <= result['ratings'] + args.sessions else 'MISMATCH'}), "
                                 f"{transactions / max(1, stored):.1f} PostgreSQL transactions per rating")
                        result.update(instances=count, mode=mode, run=run + 1, stored=stored, commits=transactions,
                                      limit=limit(result))
                        if not cpu.postmaster or proc_stat(cpu.postmaster) is None:
                            # Seen on a shared machine: someone else's fault-injection run restarting
                            # PostgreSQL. The figures then measure the outage, not the cluster.
                            result["invalid"] = "PostgreSQL restarted during the measurement"
                            print("  INVALID: PostgreSQL restarted during this measurement (its postmaster is gone)", flush=True)
                            cpu = CPU(cluster, database)
                        report(count, mode, result, check, args)
                        results.append(result)
            finally:
                cluster.stop()
                if any(p.returncode not in (0, -signal.SIGTERM) for p in cluster.instances):
                    print("warning: an instance did not stop cleanly; see " + work, flush=True)
        print("\nsummary (ratings/s, p50 / p99 ms, errors):")
        for r in results:
            print(f"  {r['instances']} × {r['mode']:6} run {r['run']}: {r['rps']:8.0f}  {r['p50']:6.2f} / {r['p99']:6.2f}  {r['errors']}"
                  + (f"  INVALID: {r['invalid']}" if r.get("invalid") else ""))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=2, default=str)
    finally:
        drop_database(args.database_url)
        if args.keep:
            print("work folder kept: " + work_root)
        else:
            shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main()
