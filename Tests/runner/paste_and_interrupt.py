#!/usr/bin/env python3
"""The terminal runner driven through a pseudo-terminal, as a terminal would: a note pasted with the
terminal's bracketed-paste marks stays one note (its second line once rated a question and moved on),
a paste outside a note is not read as keys, a Chinese input method's full-width keys are the commands
they stand for and F1 is no command 'P', Ctrl-C while a note is typed keeps the note before stopping
(it was dropped while the exit said everything was saved), and so do closing the terminal mid-note and
SIGTERM.
Standard library only.

    python3 Tests/runner/paste_and_interrupt.py --binary .build/debug/interview
"""
import argparse, json, os, pty, select, signal, sys, tempfile, time

PASTE_OPEN, PASTE_CLOSE = b"\x1b[200~", b"\x1b[201~"


def read_until(fd, needle, timeout=15):
    """Reads the terminal's output until `needle` appears in it (UTF-8), or fails."""
    seen, deadline = b"", time.time() + timeout
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if needle.encode() in seen:
                return seen
    raise SystemExit(f"FAIL: the screen never showed {needle!r}; last output: {seen[-400:]!r}")


def start_at_first_topic(binary, session, candidate):
    """The runner in a pseudo-terminal on the bundled Chinese guide, moved on to topic 3.1."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"LANG": "zh_CN.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"})
        os.execv(binary, [binary, "run", "python-backend-senior.zh", "--session", session, "--candidate", candidate])
    read_until(fd, "阶段")
    for key in b"fff":
        os.write(fd, bytes([key]))
        time.sleep(0.3)
    read_until(fd, "3.1")
    return pid, fd


def typing_a_note(fd, text):
    os.write(fd, b"m")
    read_until(fd, "私人备注")
    os.write(fd, text.encode())
    time.sleep(0.5)


def notes_in(session):
    events = [json.loads(line) for line in open(session, encoding="utf-8") if line.strip()]
    return [e.get("text") for e in events if e.get("type") == "noteAdded"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="runner-pty-")
    session = os.path.join(folder, "paste.jsonl")
    failures = []
    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)
    pid, fd = start_at_first_topic(args.binary, session, "P-1")
    os.write(fd, b"m")
    read_until(fd, "私人备注")
    os.write(fd, PASTE_OPEN + "第一行：基础不错\n第二行：讲了 GIL\n".encode() + PASTE_CLOSE)
    time.sleep(0.3)
    os.write(fd, b"\r")
    read_until(fd, "添加笔记")
    # a paste outside a note: not keys
    os.write(fd, PASTE_OPEN + "三 yes 2 4\n".encode() + PASTE_CLOSE)
    read_until(fd, "粘贴的文字不会被当作按键")
    # F1 (ESC O P) is read whole, not as the command 'P'; a full-width ｍ opens the note, Escape closes it
    os.write(fd, b"\x1bOP")
    time.sleep(0.3)
    os.write(fd, "ｍ".encode())
    shown = read_until(fd, "私人备注")
    check("'P'".encode() not in shown, "F1 is no command 'P'")
    os.write(fd, b"\x1b")
    time.sleep(0.3)
    # Ctrl-C while a note is typed
    os.write(fd, b"m")
    read_until(fd, "私人备注")
    os.write(fd, "半截备注：跳表".encode())
    time.sleep(0.3)
    os.write(fd, b"\x03")
    read_until(fd, "--resume")
    _, status = os.waitpid(pid, 0)
    events = [json.loads(line) for line in open(session, encoding="utf-8") if line.strip()]
    notes = [e.get("text") for e in events if e.get("type") == "noteAdded"]
    check(notes == ["第一行：基础不错 第二行：讲了 GIL", "半截备注：跳表"], f"the pasted note is one note, the interrupted one kept: {notes}")
    check(not any(e.get("type") in ("rated", "skipped") for e in events), "nothing was rated or skipped by pasted text")
    # 130, as Ctrl-C anywhere else in the runner: a script tells an interrupted run from a finished one
    check(os.WEXITSTATUS(status) == 130 if os.WIFEXITED(status) else False, f"the run stopped as interrupted, 130 ({status})")
    # The terminal closed while a note is typed (SIGHUP): the note is kept, as with Ctrl-C
    hangup = os.path.join(folder, "hangup.jsonl")
    pid, fd = start_at_first_topic(args.binary, hangup, "P-2")
    typing_a_note(fd, "关窗前的备注")
    os.close(fd)
    os.waitpid(pid, 0)
    check(notes_in(hangup) == ["关窗前的备注"], f"a note typed when the terminal closed is kept: {notes_in(hangup)}")
    # SIGTERM (a shutdown, `kill`) while a note is typed: the note is kept too
    terminated = os.path.join(folder, "term.jsonl")
    pid, fd = start_at_first_topic(args.binary, terminated, "P-3")
    typing_a_note(fd, "停机前的备注")
    os.kill(pid, signal.SIGTERM)
    try:
        read_until(fd, "--resume", timeout=5)
    except SystemExit:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    check(notes_in(terminated) == ["停机前的备注"], f"a note typed when SIGTERM came is kept: {notes_in(terminated)}")
    print("runner paste and interrupt: " + ("all checks passed" if not failures else f"{len(failures)} failed"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
