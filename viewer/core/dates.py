"""ISO 8601 dates of varying precision, as curators write them (1939, 1939-09, 1939-09-15, 1939-09-16T02:00).

Times are local (the sources rarely name a zone), so instants are naive datetimes. A date without a
time stands at noon, so that an event timed in the morning of the same day sorts before it.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

PRECISIONS = ("year", "month", "day", "time")
_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?$")


def parse_date(text: str) -> tuple[datetime, str]:
    """Return the instant a date stands for and its precision; ValueError with a reason otherwise."""
    m = _FORM.match(text)
    if not m:
        raise ValueError(f"'{text}' is not an ISO 8601 date")
    year, month, day, hour, minute = m.groups()
    precision = PRECISIONS[sum(g is not None for g in (month, day, hour)) if hour is None else 3]
    return datetime(int(year), int(month or 1), int(day or 1), int(hour) if hour else 12, int(minute or 0)), precision


def period_end(start: datetime, precision: str) -> datetime:
    """The last instant a date of this precision covers (e.g. a chapter ending '1939-07-01' ends that evening)."""
    if precision == "year":
        return datetime(start.year, 12, 31, 23, 59)
    if precision == "month":
        nxt = datetime(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - timedelta(minutes=1)
    if precision == "day":
        return start.replace(hour=23, minute=59)
    return start


def period_start(start: datetime, precision: str) -> datetime:
    """The first instant a date of this precision covers."""
    return start if precision == "time" else start.replace(hour=0, minute=0)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def format_date(at: datetime, precision: str) -> str:
    """A date as a museum label shows it: '20 August 1939, 05:45', 'September 1939', '1939'."""
    if precision == "year":
        return str(at.year)
    if precision == "month":
        return f"{_MONTHS[at.month - 1]} {at.year}"
    text = f"{at.day} {_MONTHS[at.month - 1]} {at.year}"
    return f"{text}, {at:%H:%M}" if precision == "time" else text
