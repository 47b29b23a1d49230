"""Fuzzing the content readers: seeded mutations of assets/ given to `check`; what it accepts, to the app.

Each input is one mutation of one file of a copy of the shipped content (events.yaml, a GeoJSON layer, a
language file or stamps.json): byte flips, truncations, deleted keys, values of the wrong type, extreme
numbers, impossible dates, hostile Unicode, YAML tags and aliases, deep nesting, and special files (a
folder, a named pipe, a link loop, a link to /dev/zero, a broken link, a huge file). The verdict of one
input is one of:

- clean:      `check` exits 2 and every line it prints is `file:line: what; fix`;
- accepted:   `check` exits 0 (the input was harmless); on a sample, the app then opens offscreen (the
              main window built, drawn at several instants, in every language, the wide timeline too)
              and an exception there is a traceback;
- traceback:  any exception escapes, or exit 2 without `file:line` lines;
- hang:       no verdict within the timeout (SIGALRM in the worker).

Every mutation is a pure function of its seed, so a failure is reproduced with `--seed N --inputs 1`.
Memory: each worker runs under an address-space limit, and its peak RSS is reported.

Speed (the machine is shared): one input mutates one file, so the pure per-file stages of the *unchanged*
files — parsing a YAML file, checking events.yaml against the schema and for known errors, reading a GeoJSON
layer (for the same map box) — are memoised by the file's exact bytes (only for the shipped bytes, so the memo
stays small), and the known-error scan of a translated text by the text. Every file is still read through
`safe_files` on every input, and every mutated file goes through the real readers, so nothing the fuzzer
varies is skipped.

Run: python bench/fuzz.py [--inputs 5000] [--workers 2] [--seed 0] [--app-sample 0.02] [--minutes M]
Prints fuzz_inputs, fuzz_clean_errors, fuzz_accepted, fuzz_tracebacks, fuzz_hangs, fuzz_peak_rss_mb (and
fuzz_app_opened, fuzz_seconds); exits 1 when there was a traceback or a hang.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pickle
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]

import yaml  # noqa: E402

from viewer.assets import content_dir  # noqa: E402

ISSUE_LINE = re.compile(r"^\S+:\d+: .+; .+$")
TIMEOUT_S = 20  # for `check`: it takes under a second on an idle machine, ~5 s on a shared one under load
APP_TIMEOUT_S = 180  # for opening the app (Qt's first start in a worker, 20 pictures), measured 11–60 s under load
MEMORY_LIMIT = 4 << 30  # address space per worker: a reader that grows without bound fails here, not the machine

# --- mutations -------------------------------------------------------------------------------------------------

EXTREME_NUMBERS = ("1.0e+308", "-1.0e+308", "1.0e+999", ".nan", ".inf", "-.inf", "0", "-0.0", "1" * 40, "-1", "9" * 5000)
JSON_NUMBERS = ("1e308", "-1e308", "1e999", "NaN", "Infinity", "-Infinity", "0", "-0.0", "1" * 40, "9" * 5000)
DATES = ("9999-12", "0001", "1939-13-01", "1939-02-29", "1900", "1999-12-31T23:59", "1939-08-20T25:00", "2024", "1938")
STRINGS = (
    "",
    " ",
    "<img src='/dev/zero'>",
    "<b>bold</b><a href='file:///etc/passwd'>x</a>",
    "\u202etxet desrever",
    "e\u0301\u0301\u0301\u0301",
    "🇲🇳🪖" * 20,
    "x" * 20000,
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\ufeff",
    "ノモンハン事件",
    "%s %1 {0} %(x)s",
)
YAML_SNIPPETS = (
    "!!python/object/apply:os.system ['true']",
    "!!set {a, b}",
    "!!binary aGVsbG8=",
    "!custom x",
    "&a [1, 2]",
    "*undefined",
    "[" * 1200 + "]" * 1200,
    "{? [a]: 1}",
    '"\\uD800"',
    '"\\x01"',
    "\x01",
    "\t- tab",
    "'unterminated",
    "2001-12-14t21:59:43.10-05:00",
    "<<: {a: 1}",
)


@dataclass(frozen=True)
class Mutation:
    seed: int
    file: str  # relative to the content folder
    kind: str
    apply: Callable[[Path], None]


def content_files(base: Path) -> list[str]:
    return sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file() and p.suffix in (".yaml", ".geojson", ".json"))


def mutation(seed: int, files: list[str]) -> Mutation:
    """The mutation for this seed: which file, which kind, and the function that applies it."""
    rng = random.Random(seed)
    weights = {"events.yaml": 6}
    file = rng.choices(files, weights=[weights.get(f, 1) for f in files])[0]
    kinds = ["flip", "truncate", "delete", "retype", "number", "date", "string", "snippet", "duplicate", "special"]
    kind = rng.choices(kinds, weights=[3, 2, 4, 4, 3, 2, 3, 3, 1, 1])[0]
    return Mutation(seed, file, kind, lambda folder: _apply(rng, folder / file, kind))


def _apply(rng: random.Random, path: Path, kind: str) -> None:
    raw = path.read_bytes()
    if kind == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
    elif kind == "truncate":
        path.write_bytes(raw[: rng.randrange(len(raw))])
    elif kind == "snippet":
        text = raw.decode("utf-8")
        lines = text.split("\n")
        i = rng.randrange(len(lines))
        snippet = rng.choice(YAML_SNIPPETS)
        if ": " in lines[i] and rng.random() < 0.7:
            key, _, _ = lines[i].partition(": ")
            lines[i] = f"{key}: {snippet}"
        else:
            lines.insert(i, snippet)
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    elif kind == "special":
        _special(rng, path)
    else:
        _structural(rng, path, kind)


def _special(rng: random.Random, path: Path) -> None:
    path.unlink()
    choice = rng.randrange(8)
    if choice == 0:
        path.mkdir()
    elif choice == 1:
        os.mkfifo(path)
    elif choice == 2:
        path.symlink_to(path.name)  # a link to itself: a loop
    elif choice == 3:
        path.symlink_to("/dev/zero")
    elif choice == 4:
        path.symlink_to("/dev/urandom")
    elif choice == 5:
        path.symlink_to(path.parent / "gone")
    elif choice == 6:
        path.write_bytes(b"")
    else:
        path.write_bytes(b"# " + b"x" * 3_000_000)


def _structural(rng: random.Random, path: Path, kind: str) -> None:
    is_json = path.suffix in (".geojson", ".json")
    data = _parsed(path.read_bytes(), is_json)
    nodes = list(_nodes(data))
    parent, key, value = rng.choice(nodes)
    if kind == "delete":
        if isinstance(parent, dict):
            del parent[key]
        else:
            parent.pop(key)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(key, value)
    elif kind == "retype":
        parent[key] = rng.choice([0, -7, 3.5, True, None, "text", [], {}, [1, 2], {"a": 1}, [[[]]]])
    elif kind == "string":
        parent[key] = rng.choice(STRINGS)
    elif kind == "date":
        parent[key] = rng.choice(DATES)
    else:  # number (or a duplicate of a mapping's entry, which YAML cannot hold: a number instead)
        parent[key] = "@@raw:" + rng.choice(JSON_NUMBERS if is_json else EXTREME_NUMBERS)
    if is_json:
        text = json.dumps(data, ensure_ascii=False, default=str)
        text = re.sub(r'"@@raw:([^"]*)"', r"\1", text)
    else:
        try:
            text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=200)
        except UnicodeEncodeError:  # libyaml's emitter cannot hold a lone surrogate; PyYAML's writes it as an escape
            text = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=200)
        text = re.sub(r"'@@raw:([^']*)'", r"\1", text)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")  # a lone surrogate goes in as the bad bytes it is


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_PARSED: dict[bytes, bytes] = {}  # a file's bytes -> its data, pickled (a fresh copy per mutation is one loads)


def _parsed(raw: bytes, is_json: bool) -> Any:
    """The data of a shipped file, parsed once (libyaml) and copied per mutation."""
    if raw not in _PARSED:
        text = raw.decode("utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        _PARSED[raw] = pickle.dumps(json.loads(text) if is_json else yaml.load(text, Loader=loader))
    return pickle.loads(_PARSED[raw])


def _nodes(node: Any) -> Any:
    """(parent, key, value) of every value below the top."""
    items = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
    for key, value in items:
        yield node, key, value
        yield from _nodes(value)


# --- one verdict -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    seed: int
    outcome: str  # clean, accepted, traceback, hang
    detail: str
    app_opened: bool
    peak_rss_mb: float


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the code under test swallows it."""


def _on_alarm(_signum, _frame) -> None:
    raise _Timeout


class _Memo:
    """Memoise `load_marked_yaml` and `check_structure` for the shipped bytes of each file (see the docstring)."""

    def __init__(self, base: Path) -> None:
        from viewer.core import marked_yaml, scenario

        self.shipped = {p.name: p.read_bytes() for p in base.rglob("*") if p.is_file()}
        self.docs: dict[str, Any] = {}
        self.checked: dict[int, Any] = {}
        self.real_load, self.real_check = marked_yaml.load_marked_yaml, scenario.check_structure
        self.real_errors, self.real_layer = scenario.find_common_errors, scenario.read_feature_collection
        self.errors: dict[Any, list] = {}
        self.layers: dict[tuple, Any] = {}

    def load(self, path: Path) -> Any:
        from viewer.core.marked_yaml import MAX_BYTES
        from viewer.core.safe_files import FileProblem, read_regular_bytes

        try:
            raw = read_regular_bytes(path, MAX_BYTES)
        except FileProblem:
            return self.real_load(path)
        if raw != self.shipped.get(path.name):
            return self.real_load(path)
        if str(path) not in self.docs:
            self.docs[str(path)] = self.real_load(path)
        return self.docs[str(path)]

    def check(self, doc: Any) -> Any:
        if not any(doc is d for d, _ in self.docs.values()):
            return self.real_check(doc)
        if id(doc) not in self.checked:
            self.checked[id(doc)] = self.real_check(doc)
        return self.checked[id(doc)]

    def common_errors(self, data: Any) -> Any:
        shipped = any(data is d.data for d, _ in self.docs.values() if d is not None)
        if not (shipped or isinstance(data, str)):
            return self.real_errors(data)
        key = id(data) if shipped else data
        if key not in self.errors:
            self.errors[key] = list(self.real_errors(data))
        return iter(self.errors[key])

    def layer(self, path: Path, inside: Any, area: str) -> Any:
        from viewer.core.safe_files import FileProblem, read_regular_bytes

        try:
            raw = read_regular_bytes(path, 2_000_000)
        except FileProblem:
            return self.real_layer(path, inside, area)
        box = getattr(inside, "__self__", None)
        if raw != self.shipped.get(path.name) or box is None:
            return self.real_layer(path, inside, area)
        key = (str(path), box, area)
        if key not in self.layers:
            self.layers[key] = self.real_layer(path, inside, area)
        return self.layers[key]

    @contextlib.contextmanager
    def installed(self) -> Any:
        from viewer.core import geojson, scenario, translations

        modules = (scenario, translations, geojson)
        for module in modules:
            module.load_marked_yaml = self.load  # type: ignore[attr-defined]
        scenario.check_structure = self.check  # type: ignore[attr-defined]
        scenario.find_common_errors = translations.find_common_errors = self.common_errors  # type: ignore[attr-defined]
        scenario.read_feature_collection = self.layer  # type: ignore[attr-defined]
        try:
            yield
        finally:
            for module in modules:
                module.load_marked_yaml = self.real_load  # type: ignore[attr-defined]
            scenario.check_structure = self.real_check  # type: ignore[attr-defined]
            scenario.find_common_errors = translations.find_common_errors = self.real_errors  # type: ignore[attr-defined]
            scenario.read_feature_collection = self.real_layer  # type: ignore[attr-defined]


def run_check(folder: Path) -> tuple[int, str]:
    """`check` in this process, as the command line runs it: exit code and what it printed on stderr."""
    from viewer.cli import check

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        rc = check(folder)
    return rc, err.getvalue()


def open_app(folder: Path) -> None:
    """Build the main window on the content offscreen and draw it at its start, end and a middle instant, on the
    wide timeline, in every language; raise what the app raised (slot and paint exceptions included)."""
    from pyqtgraph.Qt import QtWidgets

    from viewer.core.language import LANGUAGES
    from viewer.core.scenario import load_scenario
    from viewer.ui.app import build_window
    from viewer.ui.i18n import language

    scenario = load_scenario(folder)
    before = (language().lang, language().naming)  # the interface language is process-wide: give it back
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["fuzz"])
    hook = sys.excepthook
    window = build_window(scenario, None)
    errors: list[str] = []
    sys.excepthook = lambda t, e, tb: errors.append("".join(traceback.format_exception(t, e, tb)))
    try:
        window.resize(1280, 800)
        window.show()
        s = window.state
        middle = scenario.campaign_start + (scenario.campaign_end - scenario.campaign_start) / 2
        for lang in LANGUAGES:
            for at in (scenario.campaign_start, middle, scenario.campaign_end):
                s.update(language=lang, instant=at)
                window.grab()
            s.update(span="wide", instant=scenario.chapters[-1].end)
            window.grab()
            s.update(span="campaign")
        app.processEvents()
    finally:
        sys.excepthook = hook
        language().set(*before)
        window.close()
        window.deleteLater()
        app.processEvents()
    if errors:
        raise RuntimeError(errors[0])


def verdict(seed: int, files: list[str], base: Path, work: Path, app_sample: float) -> Verdict:
    """Mutate a fresh copy of one file in `work` (a copy of `base`), judge it, restore the file."""
    m = mutation(seed, files)
    target = work / m.file
    outcome, detail, opened = "clean", "", False
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(TIMEOUT_S)
    try:
        m.apply(work)
        rc, err = run_check(work)
        lines = [ln for ln in err.splitlines() if ln and not ln.endswith("nothing was loaded.")]
        if rc == 0:
            outcome = "accepted"
            if random.Random(seed ^ 0x5EED).random() < app_sample:
                signal.alarm(APP_TIMEOUT_S)
                open_app(work)
                opened = True
        elif rc != 2 or not lines or not all(ISSUE_LINE.match(ln) for ln in lines):
            outcome, detail = "traceback", f"exit {rc}: {err[:300]}"
    except _Timeout:
        outcome, detail = "hang", f"no verdict within {APP_TIMEOUT_S if outcome == 'accepted' else TIMEOUT_S} s"
    except BaseException:
        outcome, detail = "traceback", traceback.format_exc()[-1500:]
    finally:
        signal.alarm(0)
        _restore(target, base / m.file)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Verdict(seed, outcome, f"{m.file} {m.kind}: {detail}" if detail else "", opened, peak)


def _restore(target: Path, original: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    shutil.copyfile(original, target)


# --- workers ---------------------------------------------------------------------------------------------------

_WORK: dict[str, Any] = {}


def _worker_init(base: str, limit_memory: bool = True, root: str | None = None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KHALKHIN_GOL_HOME", tempfile.mkdtemp(prefix="fuzz-home-"))
    if limit_memory:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    work = Path(tempfile.mkdtemp(prefix="fuzz-", dir=root)) / "scenario"
    shutil.copytree(base, work)
    _WORK["memo"] = _Memo(Path(base))
    _WORK.update(base=Path(base), work=work, files=content_files(Path(base)))


def _worker_run(job: tuple[int, float]) -> Verdict:
    seed, app_sample = job
    with _WORK["memo"].installed():
        return verdict(seed, _WORK["files"], _WORK["base"], _WORK["work"], app_sample)


def fuzz(
    seeds: range,
    workers: int = 2,
    app_sample: float = 0.02,
    on_verdict: Callable[[Verdict], None] | None = None,
    root: Path | None = None,
    deadline: float | None = None,
) -> list[Verdict]:
    """Judge every seed; with workers > 1 in a pool of processes (each with its own copy of the content, made
    under `root`, by default the system's temporary folder)."""
    base = str(content_dir())
    jobs = [(seed, app_sample) for seed in seeds]
    out: list[Verdict] = []
    if workers <= 1:  # in this process (the test suite's way): no address-space limit on the caller
        _worker_init(base, limit_memory=False, root=str(root) if root else None)
        for job in jobs:
            out.append(_worker_run(job))
            if on_verdict:
                on_verdict(out[-1])
        return out
    import multiprocessing

    init = (base, True, str(root) if root else None)
    # Workers live the whole run (no maxtasksperchild): in the first 5,000 run a replacement worker stalled in a
    # futex wait outside any verdict (no alarm fired) and the run never finished; recycling workers that have
    # started Qt is the suspect, not proven.
    with multiprocessing.get_context("fork").Pool(workers, _worker_init, init) as pool:
        for v in pool.imap_unordered(_worker_run, jobs, chunksize=4):
            out.append(v)
            if on_verdict:
                on_verdict(v)
            if deadline is not None and time.time() > deadline:  # out of time: report what was judged
                pool.terminate()
                break
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--inputs", type=int, default=5000)
    p.add_argument("--seed", type=int, default=0, help="first seed")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--app-sample", type=float, default=0.02, help="share of accepted inputs opened in the app")
    p.add_argument("--minutes", type=float, help="stop after this long and report the inputs judged so far")
    args = p.parse_args()
    t0 = time.time()
    counts = {"clean": 0, "accepted": 0, "traceback": 0, "hang": 0}
    state = {"done": 0, "opened": 0, "peak": 0.0}

    def progress(v: Verdict) -> None:
        counts[v.outcome] += 1
        state["done"] += 1
        state["opened"] += v.app_opened
        state["peak"] = max(state["peak"], v.peak_rss_mb)
        if v.outcome in ("traceback", "hang"):
            print(f"seed {v.seed}: {v.outcome}: {v.detail}", file=sys.stderr, flush=True)
        if state["done"] % 250 == 0:
            print(f"... {state['done']} inputs, {counts}", file=sys.stderr, flush=True)

    deadline = t0 + 60 * args.minutes if args.minutes else None
    fuzz(range(args.seed, args.seed + args.inputs), args.workers, args.app_sample, progress, deadline=deadline)
    print(f"fuzz_inputs {state['done']}")
    print(f"fuzz_clean_errors {counts['clean']}")
    print(f"fuzz_accepted {counts['accepted']}")
    print(f"fuzz_tracebacks {counts['traceback']}")
    print(f"fuzz_hangs {counts['hang']}")
    print(f"fuzz_peak_rss_mb {state['peak']:.0f}")
    print(f"fuzz_app_opened {state['opened']}")
    print(f"fuzz_seconds {time.time() - t0:.0f}")
    return 1 if counts["traceback"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
