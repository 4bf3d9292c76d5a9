"""Dates as pages print them, to ISO 8601 at the precision known."""

from __future__ import annotations

from datetime import date

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)
from scholarcli.errors import quoted

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})\s+({MONTH_PATTERN}),?\s+(\d{{4}})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"^({MONTH_PATTERN})\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^({MONTH_PATTERN}),?\s+(\d{{4}})$", re.IGNORECASE)


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation (`Sep`, `Sept.`, `September`), else None."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the precision given (`2025`, `2025-08`, `2025-08-25`); None when the date is impossible."""
    try:
        if month is None:
            return f"{year:04d}"
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def year_for(month: int, day: int, as_of: date) -> int:
    """The year of a yearless `Mon D`: the latest year, up to that of `as_of`, in which the date exists and is
    not in the future. `Feb 29` seen on 2025-03-01 is 2024-02-29, the last leap day."""
    for year in range(as_of.year, as_of.year - 9, -1):  # leap days recur within 8 years
        try:
            if date(year, month, day) <= as_of:
                return year
        except ValueError:  # 29 February outside a leap year, or a day the month lacks
            continue
    return as_of.year - 1


def parse_date(text: str, as_of: date | None = None) -> str | None:
    """Read a printed date into ISO 8601 at its precision.

    Understands `2021`, `2021-05-03`, `25 August, 2025`, `August 2025`, `Feb 14, 2024` and, given
    `as_of`, the yearless `Jun 2`. Returns None for anything else.
    """
    text = " ".join(text.split()).rstrip(";.")
    if m := _ISO.match(text):
        return iso(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if m := _DAY_MONTH_YEAR.match(text):
        month = month_number(m[2])
        return iso(int(m[3]), month, int(m[1])) if month else None
    if m := _MONTH_YEAR.match(text):
        month = month_number(m[1])
        return iso(int(m[2]), month) if month else None
    if m := _MONTH_DAY_YEAR.match(text):
        month = month_number(m[1])
        if not month:
            return None
        day = int(m[2])
        if m[3]:
            return iso(int(m[3]), month, day)
        if as_of is not None:
            return iso(year_for(month, day, as_of), month, day)
    return None


def year_of(iso_date: str | None) -> int | None:
    """The year of an ISO date string, or None."""
    return int(iso_date[:4]) if iso_date and iso_date[:4].isdigit() else None


def parse_as_of(text: str) -> date:
    """`--as-of`: a full date in any form `parse_date` reads; ValueError when it is not one."""
    found = parse_date(text)
    if found is None or len(found) != 10:
        raise ValueError(f"cannot read {quoted(text)} as a date (try YYYY-MM-DD)")
    return date.fromisoformat(found)


def parse_when(text: str) -> str:
    """`--since`/`--until`: a year, month or date in any form `parse_date` reads, as an ISO prefix."""
    found = parse_date(text)
    if found is None:
        raise ValueError(f"cannot read {quoted(text)} as a year or date")
    return found
