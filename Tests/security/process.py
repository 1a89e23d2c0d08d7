"""One data folder, one process: a second server on the same SQLite folder must refuse to start."""
import re
import subprocess
import time

from harness import SETTINGS, Checks, test
from server import free_port
from world import ADMIN_EMAIL, PASSWORD, start_team

IN_USE = re.compile(r"in use|already (being )?used|already running|locked|another (interview )?(process|server|instance)", re.I)


@test("one_process_per_data_folder")
def one_process_per_data_folder():
    """`interview serve --data SAME --port OTHER` exits non-zero within a few seconds saying the folder is in
    use, and the first server keeps serving."""
    team = start_team("single-process")
    command = [SETTINGS["binary"], "serve", "--data", team.server.data, "--port", str(free_port())]
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              env=team.server.env, start_new_session=True)
    started = time.monotonic()
    try:
        output, _ = second.communicate(timeout=8)
        exited = True
    except subprocess.TimeoutExpired:
        second.kill()
        output, _ = second.communicate()
        exited = False
    elapsed = time.monotonic() - started
    text = output.decode("utf-8", errors="replace")
    checks = Checks("second process")
    checks.check(exited, f"a second server on the same data folder was still running after 8 s: {text[-300:].strip()!r}")
    if exited:
        checks.check(second.returncode != 0, f"the second server exited with status 0: {text[-300:].strip()!r}")
        checks.check(elapsed < 8, f"the second server took {elapsed:.1f} s to give up")
        checks.check(IN_USE.search(text) is not None, f"the second server did not say the folder is in use: {text[-300:].strip()!r}")
    checks.check(team.server.alive(), "the first server died")
    health = team.client().get("/healthz", timeout=5)
    checks.check(health.status == 200, f"the first server's /healthz answered {health.status}")
    visitor = team.client()
    checks.check(visitor.login(ADMIN_EMAIL, PASSWORD, expect=None).status == 200, "the first server no longer logs people in")
    checks.done()
