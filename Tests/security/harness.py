"""The suite's small test framework: tests register with `@test`, fail through `expect`/`Checks`, and
shared set-ups (`fixture`) are built once, lazily, so a test that does not need one never pays for it
and a set-up that fails fails only the tests that use it (each with the set-up's own message)."""
import functools

TESTS = []
SETTINGS = {"binary": None}


class Skip(Exception):
    """The thing to test is not offered at all (said in the message); counted apart from passes and failures."""


def test(name):
    """Registers a test function under `name` (module order is run order)."""
    def register(function):
        TESTS.append((name, function))
        return function
    return register


def note(message):
    """A line of what a test measured, printed under its name (for the record, not a verdict)."""
    print(f"      {message}", flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


class Checks:
    """Many checks, one verdict: every failed check is listed, not just the first."""

    def __init__(self, title=""):
        self.title = title
        self.failures = []
        self.count = 0

    def check(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
        return condition

    def done(self):
        if self.failures:
            head = f"{self.title}: " if self.title else ""
            listed = "\n      - ".join(self.failures[:40])
            more = f"\n      … and {len(self.failures) - 40} more" if len(self.failures) > 40 else ""
            raise AssertionError(f"{head}{len(self.failures)} of {self.count} checks failed:\n      - {listed}{more}")


class _FixtureError(Exception):
    pass


def fixture(function):
    """Built on first use; a failure is remembered, so every later user fails at once with the same reason."""
    state = {}

    @functools.wraps(function)
    def get():
        if "value" in state:
            return state["value"]
        if "error" in state:
            raise _FixtureError(f"set-up '{function.__name__}' failed earlier: {state['error']}")
        try:
            state["value"] = function()
            return state["value"]
        except Exception as error:
            state["error"] = f"{type(error).__name__}: {error}"
            raise
    get.reset = state.clear
    return get
