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


_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"),
}
_RU_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."),
}


def format_date(at: datetime, precision: str, lang: str = "en") -> str:
    """A date as a museum label in that language shows it, to the precision the source gives:
    en '20 August 1939, 05:45' · ru '20 августа 1939, 05:45' · mn '1939 оны 8-р сарын 20, 05:45' · ja '1939年8月20日 05:45'."""
    clock = f"{at:%H:%M}"
    if lang == "ja":
        text = {"year": f"{at.year}年", "month": f"{at.year}年{at.month}月"}.get(precision, f"{at.year}年{at.month}月{at.day}日")
        return f"{text} {clock}" if precision == "time" else text
    if lang == "mn":
        text = {"year": f"{at.year} он", "month": f"{at.year} оны {at.month}-р сар"}.get(
            precision, f"{at.year} оны {at.month}-р сарын {at.day}"
        )
    elif lang == "ru":
        text = {"year": f"{at.year}", "month": f"{_MONTHS['ru'][at.month - 1]} {at.year}"}.get(
            precision, f"{at.day} {_RU_GENITIVE[at.month - 1]} {at.year}"
        )
    else:
        text = {"year": f"{at.year}", "month": f"{_MONTHS['en'][at.month - 1]} {at.year}"}.get(
            precision, f"{at.day} {_MONTHS['en'][at.month - 1]} {at.year}"
        )
    return f"{text}, {clock}" if precision == "time" else text


def format_month(year: int, month: int, lang: str = "en") -> str:
    """A short month mark for the timeline: 'Aug 1939', 'авг. 1939', '1939.08', '1939年8月'."""
    if lang == "ja":
        return f"{year}年{month}月"
    if lang == "mn":
        return f"{year}.{month:02d}"
    return f"{_SHORT.get(lang, _SHORT['en'])[month - 1]} {year}"
