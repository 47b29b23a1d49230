"""Anonymous, local usage statistics of a kiosk: whether anyone used it, how long, in which language, what they
looked at. Nothing identifies a visitor (no times finer than the session, no positions, no text typed), and
nothing leaves the machine: a small SQLite file in the state folder, rows older than `keep_days` deleted.

A *session* is one visitor's spell: from the first touch after the tour to the moment the kiosk falls idle
again. Counts (tours shown, languages chosen, chapters and events viewed) are kept per day. Writes are
batched (`flush`) so a busy kiosk does not write to its disk on every tap.
"""

from __future__ import annotations

import csv
import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from .paths import state_dir

log = logging.getLogger("viewer.kiosk")
KINDS = ("tour", "language", "chapter", "event")
CACHE_KIB = 64  # SQLite's page cache for the statistics: enough for a batch's pages (a report reads from disk)
SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (day TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, dwell_s REAL NOT NULL,
                                     taps INTEGER NOT NULL, languages TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_day ON sessions(day);
CREATE TABLE IF NOT EXISTS counts (day TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
                                   PRIMARY KEY (day, kind, value));
"""


def stats_file() -> Path:
    return state_dir() / "kiosk-stats.sqlite"


@dataclass
class Session:
    """One visitor's spell, as the kiosk sees it."""

    start: datetime
    last: datetime
    taps: int = 0
    languages: list[str] = field(default_factory=list)

    @property
    def dwell_s(self) -> float:
        return (self.last - self.start).total_seconds()


@dataclass(frozen=True)
class Day:
    day: str
    sessions: int
    dwell_total_s: float
    taps: int
    counts: dict[str, Counter[str]]

    @property
    def dwell_mean_s(self) -> float:
        return self.dwell_total_s / self.sessions if self.sessions else 0.0


class Stats:
    def __init__(self, path: Path | None = None, keep_days: int = 400, clock: Callable[[], datetime] = datetime.now):
        self.path = path or stats_file()
        self.keep_days = keep_days
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")  # a write appends to the log; a power cut loses at most the last batch
        self.db.execute("PRAGMA synchronous=NORMAL")
        # The kiosk appends a batch every few minutes and reads back only for a report: SQLite's default page cache
        # (2 MB) would keep every page it ever wrote, so the kiosk's memory grew with its visitors for weeks.
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.executescript(SCHEMA)
        self.pending_sessions: list[Session] = []
        self.pending_counts: Counter[tuple[str, str, str]] = Counter()
        self.rotate()

    def count(self, kind: str, value: str, n: int = 1) -> None:
        assert kind in KINDS, kind
        self.pending_counts[(self.clock().date().isoformat(), kind, value)] += n

    def end_session(self, session: Session) -> None:
        self.pending_sessions.append(session)

    def flush(self) -> None:
        """Write what is pending in one transaction; a failed write is logged, the kiosk carries on."""
        if not self.pending_sessions and not self.pending_counts:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (s.start.date().isoformat(), s.start.isoformat(timespec="seconds"), s.last.isoformat(timespec="seconds"),
                         round(s.dwell_s, 1), s.taps, ",".join(s.languages))
                        for s in self.pending_sessions
                    ],
                )  # fmt: skip
                self.db.executemany(
                    "INSERT INTO counts VALUES (?, ?, ?, ?) ON CONFLICT(day, kind, value) DO UPDATE SET n = n + excluded.n",
                    [(*key, n) for key, n in self.pending_counts.items()],
                )
        except sqlite3.Error as exc:
            log.error("kiosk statistics could not be written to %s (%s)", self.path, exc)
        self.pending_sessions.clear()
        self.pending_counts.clear()

    def rotate(self) -> None:
        """Forget days older than keep_days."""
        cutoff = (self.clock().date() - timedelta(days=self.keep_days)).isoformat()
        with self.db:
            self.db.execute("DELETE FROM sessions WHERE day < ?", (cutoff,))
            self.db.execute("DELETE FROM counts WHERE day < ?", (cutoff,))

    def days(self, since: date | None = None) -> list[Day]:
        self.flush()
        first = (since or date.min).isoformat()
        sessions = {
            day: (n, dwell or 0.0, taps or 0)
            for day, n, dwell, taps in self.db.execute(
                "SELECT day, COUNT(*), SUM(dwell_s), SUM(taps) FROM sessions WHERE day >= ? GROUP BY day", (first,)
            )
        }
        counts: dict[str, dict[str, Counter[str]]] = {}
        for day, kind, value, n in self.db.execute("SELECT day, kind, value, n FROM counts WHERE day >= ?", (first,)):
            counts.setdefault(day, {k: Counter() for k in KINDS})[kind][value] += n
        return [
            Day(day, *sessions.get(day, (0, 0.0, 0)), counts.get(day, {k: Counter() for k in KINDS}))
            for day in sorted(set(sessions) | set(counts))
        ]

    def close(self) -> None:
        self.flush()
        self.db.close()


def _top(counter: Counter[str], n: int = 3) -> str:
    return " ".join(f"{value}:{k}" for value, k in counter.most_common(n))


def summary_lines(days: Iterable[Day]) -> list[str]:
    lines = [f"{'day':10}  {'visits':>6}  {'mean stay':>9}  {'taps':>6}  {'tours':>5}  languages / chapters most viewed"]
    for d in days:
        lines.append(
            f"{d.day:10}  {d.sessions:6d}  {d.dwell_mean_s:8.0f}s  {d.taps:6d}  {sum(d.counts['tour'].values()):5d}  "
            f"{_top(d.counts['language'], 4)} / {_top(d.counts['chapter'])}"
        )
    return lines


def write_csv(days: Iterable[Day], out: Path) -> None:
    from .core.safe_files import atomic_path

    with atomic_path(out) as part, part.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["day", "visits", "stay_total_s", "stay_mean_s", "taps", "tours", "languages", "chapters", "events_viewed"]
        )
        for d in days:
            writer.writerow(
                [
                    d.day,
                    d.sessions,
                    round(d.dwell_total_s),
                    round(d.dwell_mean_s),
                    d.taps,
                    sum(d.counts["tour"].values()),
                    " ".join(f"{k}:{n}" for k, n in sorted(d.counts["language"].items())),
                    " ".join(f"{k}:{n}" for k, n in sorted(d.counts["chapter"].items())),
                    sum(d.counts["event"].values()),
                ]
            )
