"""Starting and stopping `interview serve` for the attack suite: a free port, a temporary data folder,
the server's stdout and stderr captured to a file, and every process killed at exit whatever happens.

The binary may be relinked while the suite runs (the lead rebuilds from time to time), so `snapshot()`
copies it, with the resource bundles beside it, once at the start: every server of one run is the same
build.
"""
import atexit
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

_running = []
_folders = []
KEEP_FOLDERS = False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def temp_folder(prefix):
    folder = tempfile.mkdtemp(prefix=f"interviewflow-security-{prefix}-")
    _folders.append(folder)
    return folder


def snapshot(binary, attempts=60):
    """A private copy of the binary and its `*.resources` bundles, retried while the file is being relinked."""
    binary = os.path.abspath(binary)
    folder = temp_folder("binary")
    for _ in range(attempts):
        try:
            before = os.stat(binary)
            target = os.path.join(folder, os.path.basename(binary))
            shutil.copy2(binary, target)
            for bundle in glob.glob(os.path.join(os.path.dirname(binary), "*.resources")):
                destination = os.path.join(folder, os.path.basename(bundle))
                if not os.path.exists(destination):
                    shutil.copytree(bundle, destination)
            after = os.stat(binary)
            if (before.st_size, before.st_mtime) == (after.st_size, after.st_mtime) and os.access(target, os.X_OK):
                return target
        except OSError:
            pass
        time.sleep(5)
    raise RuntimeError(f"could not copy {binary}: it kept changing or is missing")


class Server:
    """One `interview serve` process on its own port and data folder."""

    def __init__(self, binary, name, args=(), data=None, env=None, port=None):
        self.binary = binary
        self.name = name
        self.args = list(args)
        self.data = data or temp_folder(name)
        self.port = port or free_port()
        self.env = {**os.environ, "LOG_LEVEL": "info", **(env or {})}
        self.env.pop("DATABASE_URL", None)          # always the SQLite file in our temporary folder
        self.log_path = os.path.join(self.data, f"serve-{self.port}.log")
        self.process = None
        self.base = f"http://127.0.0.1:{self.port}"

    def command(self):
        return [self.binary, "serve", "--data", self.data, "--port", str(self.port)] + self.args

    def start(self, timeout=60):
        """Starts the server and waits until it accepts connections; raises with its output if it exits."""
        log = open(self.log_path, "ab")
        for attempt in range(10):
            try:
                self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                                stdin=subprocess.DEVNULL, start_new_session=True)
                break
            except OSError as error:            # ETXTBSY while the binary is being written
                if attempt == 9:
                    raise RuntimeError(f"cannot run {self.binary}: {error}")
                time.sleep(3)
        log.close()
        _running.append(self)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise ServerExited(self, f"`interview serve {' '.join(self.args)}` exited with status "
                                         f"{self.process.returncode} at start: {self.output()[-800:].strip()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"server {self.name} did not start within {timeout} s: {self.output()[-800:]}")

    def output(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def setup_url(self, timeout=10):
        """The one-time setup link the server printed (it is printed before the listener opens)."""
        deadline = time.time() + timeout
        while True:
            match = re.search(r"(http://\S+/setup\?token=[0-9A-Za-z]+)", self.output())
            if match:
                return match.group(1)
            if time.time() > deadline:
                raise AssertionError(f"server {self.name} printed no setup link: {self.output()[-500:]}")
            time.sleep(0.1)

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except OSError:
                self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except OSError:
                    self.process.kill()
                self.process.wait()
        if self in _running:
            _running.remove(self)


class ServerExited(RuntimeError):
    def __init__(self, server, message):
        super().__init__(message)
        self.server = server


def stop_all():
    for server in list(_running):
        try:
            server.stop()
        except Exception:
            pass
    if not KEEP_FOLDERS:
        for folder in _folders:
            shutil.rmtree(folder, ignore_errors=True)


atexit.register(stop_all)
