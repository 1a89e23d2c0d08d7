#!/usr/bin/env python3
"""schemathesis against docs/openapi.yaml on a live `interview serve`, signed in as each role.

    python3 Tests/schemathesis/run.py --binary .build/debug/interview [--max-examples N] [--seed S]

Starts the server on a free port and a temporary data folder, creates a team's data over the API
(team.py), then runs `schemathesis run` once per role (admin, hiring manager, interviewer), each with
its own session cookie and CSRF header on every request, checking that no answer is a server error and
that every answer's status code, content type, declared headers and body are the ones the document
gives. Prints one line per operation and role and ends with `N passed, M failed`: operations × roles,
plus one failure for each role whose stateful phase failed or during whose run the server crashed (the
next role then gets a new process on the same data). The exit status is non-zero on any failure.
Needs `pip install schemathesis` (written against 4.32.5); a failing case prints with a curl command,
`--seed` repeats a run and `--har` records every request and answer.
"""
import argparse
import atexit
import glob
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

sys.dont_write_bytecode = True           # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from team import ROLES, Team  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DOCUMENT = os.path.join(ROOT, "docs", "openapi.yaml")
CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def snapshot(binary, folder, attempts=60):
    """A private copy of the binary and the `*.resources` bundles beside it (templates, public files, bundled
    guides), taken while neither changes: the lead relinks `.build/debug` from time to time, and a binary
    run in place would meet templates of another build. SwiftPM's `Bundle.module` looks beside the
    executable first, so the copy uses the copied bundles."""
    bundles = glob.glob(os.path.join(os.path.dirname(binary), "*.resources"))

    def stamp():
        files = [binary] + [os.path.join(top, name) for bundle in bundles for top, _, names in os.walk(bundle) for name in names]
        return sorted((path, os.stat(path).st_size, os.stat(path).st_mtime) for path in files)

    os.makedirs(folder, exist_ok=True)
    for _ in range(attempts):
        try:
            before = stamp()
            target = os.path.join(folder, os.path.basename(binary))
            shutil.copy2(binary, target)
            for bundle in bundles:
                shutil.copytree(bundle, os.path.join(folder, os.path.basename(bundle)), dirs_exist_ok=True)
            if stamp() == before and os.access(target, os.X_OK):
                return target
        except OSError:
            pass
        time.sleep(5)
    raise RuntimeError(f"could not copy {binary}: it kept changing or is missing")


class Server:
    """`interview serve` on a data folder (restarted on the same folder and port after a crash, so the
    sessions, kept in the database, and the configured Origin stay valid); killed at exit whatever happens."""

    def __init__(self, binary, data, port=None):
        self.binary, self.data, self.port = binary, data, port or free_port()
        os.makedirs(data, exist_ok=True)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(data, "serve.log")
        self.log_start = os.path.getsize(self.log_path) if os.path.exists(self.log_path) else 0
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)             # always the SQLite file in the temporary folder
        self.process = subprocess.Popen([binary, "serve", "--data", data, "--port", str(self.port)],
                                        stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT, env=env)
        atexit.register(self.stop)

    def restarted(self):
        return Server(self.binary, self.data, self.port)

    def log(self):
        """What this process has written (the file holds every start's)."""
        with open(self.log_path, "rb") as file:
            file.seek(self.log_start)
            return file.read().decode(errors="replace")

    def wait(self, timeout=90):
        """Until it accepts connections; returns the one-time setup link if it printed one."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited:\n" + self.log()[-3000:])
            log = self.log()
            match = re.search(r"(http://\S+/setup\?token=[0-9a-f]+)", log)
            if match or "Server started" in log:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return match.group(1).replace("http://127.0.0.1:8080", self.base) if match else None
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError("the server did not start:\n" + self.log()[-3000:])

    def crash(self):
        """The runtime's report of a crash (the failure and the first frames), or the end of the log."""
        log = self.log()
        start = re.search(r"^.*(\*\*\* |Fatal error).*$", log, re.M)
        if not start:
            return log[-3000:]
        lines = log[start.start():].splitlines()
        frames = [line for line in lines if re.match(r"\s*\d+ .* at /", line)][:8]
        return "\n".join(lines[:3] + frames)

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def toml_value(value):
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(value)              # JSON strings (escaped to ASCII), numbers and arrays are TOML too


def documented_operations():
    """Every operation of the document, as schemathesis names them ("GET /api/v1/positions")."""
    import yaml                           # PyYAML comes with schemathesis
    with open(DOCUMENT) as file:
        paths = yaml.safe_load(file)["paths"]
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return [(method.upper(), path) for path, item in paths.items() for method in item if method in methods]


def config(team, role, session, spare_session):
    """schemathesis.toml for one role: its cookie and CSRF token on every request, real `{id}`s and keys.

    Configured headers win over the values schemathesis generates for the documented `X-CSRF-Token`
    parameter (schemathesis.generation.overrides.with_config_headers), so every write carries the real
    token and gets past the CSRF check into the handler. (Its negative cases that drop the header still
    drop it: those check the 403.) One `[[operations]]` table per operation, since several tables that
    match one operation are not merged key by key.
    """
    lines = ["headers = " + toml_value(headers_of(session)), ""]
    for name, values in team.dictionaries().items():
        lines += [f"[dictionaries.{name}]", "values = " + toml_value(values), ""]
    bodies, bindings = team.body_values(), team.dictionary_bindings()
    for method, path in documented_operations():
        name = f"{method} {path}"
        table = {}
        parameters = dict(bodies.get(name, {}), **bindings.get(name, {}))
        if "{id}" in path and team.path_id(role, path):
            parameters["path.id"] = team.path_id(role, path)
        if parameters:
            table["parameters"] = parameters
        if name == "GET /api/v1/interviews/{id}/console/socket":
            # The socket opens only for this site's pages (`Origin`): without the header every call is 403
            # and the handler behind the check never runs. schemathesis speaks plain HTTP, not WebSocket,
            # so this checks what a client that does not upgrade gets; an answer that never comes fails
            # as a timeout in 10 s instead of stalling the run.
            table["headers"] = {"Origin": team.base}
            table["request-timeout"] = 10
        if name == "DELETE /api/v1/session":
            # Logging out ends the session: it gets a second session of the same person, so the rest of
            # the role's run keeps its own.
            table["headers"] = headers_of(spare_session)
        if table:
            lines += ["[[operations]]", f"include-name = {toml_value(name)}"]
            lines += [f"{key} = {toml_value(value)}" for key, value in table.items()] + [""]
    return "\n".join(lines)


def headers_of(client):
    return {"Cookie": f"interviewflow-session={client.session_cookie()}", "X-CSRF-Token": client.csrf}


def run_schemathesis(server, folder, role, toml, args):
    """One `schemathesis run` for one role; returns ({operation: failure text or None}, seconds, output)."""
    config_path = os.path.join(folder, f"{role}.toml")
    junit_path = os.path.join(folder, f"{role}.xml")
    with open(config_path, "w") as file:
        file.write(toml)
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", config_path, "run", DOCUMENT,
               "--url", server.base, "--checks", ",".join(CHECKS), "--max-examples", str(args.max_examples),
               "--seed", str(args.seed), "--workers", "1", "--request-timeout", "30",
               "--generation-database", "none", "--report", "junit", "--report-junit-path", junit_path, "--no-color"]
    if args.har:                          # a path alone turns the report on, so only when asked for
        command += ["--report", "junit,har", "--report-har-path", os.path.join(folder, f"{role}.har")]
    started = time.time()
    # cwd: schemathesis keeps its per-project cache in the working directory; the temporary folder holds it.
    result = subprocess.run(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.time() - started
    with open(os.path.join(folder, f"{role}.log"), "w") as file:
        file.write(result.stdout)
    outcomes = {}
    if os.path.exists(junit_path):
        for case in ElementTree.parse(junit_path).getroot().iter("testcase"):
            # A skipped operation was not tested: a failure here, so that nothing is left out unseen.
            problems = [f"{element.tag}: " + (element.get("message") or element.text or "")
                        for element in case if element.tag in ("failure", "error", "skipped")]
            outcomes[case.get("name")] = "\n".join(problems) if problems else None
    for method, path in documented_operations():
        outcomes.setdefault(f"{method} {path}", "not tested: schemathesis reported nothing for it")
    if result.returncode != 0 and all(problem is None for problem in outcomes.values()):
        outcomes["(schemathesis exit status)"] = f"exit status {result.returncode}\n" + result.stdout[-3000:]
    return outcomes, elapsed, result.stdout


def failures_section(output):
    """The FAILURES part of schemathesis's output: each failing case with its answer and a curl command."""
    match = re.search(r"^=+ (FAILURES|ERRORS) =+$.*?(?=^=+ (WARNINGS|SUMMARY) =+$)", output, re.M | re.S)
    return match.group(0) if match else output[-5000:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "interview"))
    parser.add_argument("--max-examples", type=int, default=30, help="test cases per operation in the fuzzing phase (default 30)")
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 31), help="schemathesis's seed, to repeat a run")
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated subset of " + ",".join(ROLES))
    parser.add_argument("--har", action="store_true", help="also write every request and answer to ROLE.har")
    parser.add_argument("--keep", action="store_true", help="keep the data, logs and reports after a run that passed")
    parser.add_argument("--verbose", action="store_true", help="print schemathesis's own output for every role")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="interviewflow-schemathesis-")
    # The copy of the binary is 200 MB: gone at exit in any case; the rest (data, logs, reports) only
    # when everything passed, so a failure can be looked into.
    atexit.register(shutil.rmtree, os.path.join(folder, "binary"), ignore_errors=True)
    binary = snapshot(os.path.abspath(args.binary), os.path.join(folder, "binary"))
    server = Server(binary, os.path.join(folder, "data"))
    print(f"server {server.base}, data and reports in {folder}, seed {args.seed}", flush=True)
    try:
        team = Team(server.base, server.wait())
    except Exception:
        print("setting up the team failed; the server's log:\n" + server.log()[-3000:])
        raise

    # Everyone signs in before any run: the fuzzer's wrong passwords for `POST /api/v1/session` soon use up
    # the 20 failed logins an address may have in 15 minutes, after which signing in answers 429.
    roles = args.roles.split(",")
    configs = {role: config(team, role, team.sign_in(role), team.sign_in(role)) for role in roles}
    passed = failed = 0
    for role in roles:
        outcomes, elapsed, output = run_schemathesis(server, folder, role, configs[role], args)
        crashed = not server.alive()
        if crashed:
            # schemathesis names an unreachable server "Server"; one entry whether or not it noticed.
            outcomes["Server"] = "the server exited; its log from the crash:\n" + server.crash()
        if args.verbose:
            print(output)
        elif any(outcomes.values()):
            print(failures_section(output))
        operations = sum(1 for name in outcomes if re.match(r"[A-Z]+ /", name))
        print(f"== {role}: {operations} operations in {elapsed:.0f} s (schemathesis's output: {folder}/{role}.log)", flush=True)
        for operation, problem in sorted(outcomes.items()):
            print(f"{'ok  ' if problem is None else 'FAIL'} {role} {operation}")
            if not re.match(r"[A-Z]+ /", operation):
                # Not an operation: schemathesis's stateful phase (chains of calls along the links it infers)
                # or "Server" (it crashed). Counted only when failed, so that M is 0 exactly when all is well.
                failed += problem is not None
                continue
            passed, failed = passed + (problem is None), failed + (problem is not None)
        if crashed:
            print(outcomes["Server"])
            if role != roles[-1]:
                server = server.restarted()         # the next role gets a new process on the same data
                server.wait()
    server.stop()
    if not failed and not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
