"""What the CLI says on stderr: warnings, verbose notes, the progress bar, and errors. stdout is data only."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from scholarcli.pipeline import Deduped, Event, LineInput, Profile


class Settings:
    """Options of the root command that every subcommand obeys (kept on the click context, not in a global)."""

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug


def _say(line: str) -> None:
    if sys.stderr is not None:
        print(line, file=sys.stderr)


def warn(message: str) -> None:
    """One warning line on stderr."""
    _say(f"scholar: warning: {message}")


def info(message: str) -> None:
    """One note on stderr."""
    _say(f"scholar: {message}")


def error(message: str) -> None:
    """One error line on stderr."""
    _say(f"scholar: error: {message}")


class Diagnostics:
    """The pipeline's observer for the CLI: warnings always, notes with --verbose, a progress bar on a terminal."""

    def __init__(self, paths: list[str], verbose: bool, debug: bool) -> None:
        self.verbose = verbose
        self.debug = debug
        self.records = 0
        self.progress = ReadProgress.for_paths(paths)

    def event(self, event: Event | Deduped) -> None:
        from scholarcli.pipeline import (
            Deduped,
            FileEnd,
            FileStart,
            InputError,
            ParseIssue,
            ParserCrashError,
            PartStart,
            Profile,
        )

        if isinstance(event, ParseIssue):
            warn(str(event))
        elif isinstance(event, InputError):
            if self.debug and isinstance(event, ParserCrashError):
                _say(event.traceback.rstrip("\n"))
            warn(str(event))
        elif isinstance(event, FileStart):
            self.progress.start(event.path, event.source)
            if self.verbose:
                how = "detected" if event.detected else "forced with --from"
                info(f"{event.path}: layout {event.layout} ({how}), {event.encoding}")
        elif isinstance(event, FileEnd):
            self.progress.done(event.path)
            if self.verbose:
                info(f"{event.path}: {event.records} records")
        elif isinstance(event, PartStart) and self.verbose:
            info(f"{event.path}:{event.line}: a page in layout {event.layout} starts here")
        elif isinstance(event, Profile) and self.verbose:
            info(describe_profile(event))
        elif isinstance(event, Deduped) and self.verbose:
            info(f"{event.records} records merged into {event.works} works")

    def record(self) -> None:
        """A record was read: move the progress bar now and then."""
        self.records += 1
        if self.records % 512 == 0:
            self.progress.tick()


def describe_profile(profile: Profile) -> str:
    """`path: profile of Name: affiliation; trust 17 (Unverified); L1; 4 works, …` for --verbose."""
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in profile.counts.items())
    trust = f"trust {profile.trust} ({profile.trust_label})" if profile.trust is not None else ""
    details = "; ".join(x for x in (profile.affiliation or "", trust, profile.verification or "", counts) if x)
    return f"{profile.path}: profile of {profile.name}: {details}"


class ReadProgress:
    """A rich progress bar on stderr while reading inputs over PROGRESS_MIN bytes, only when stderr is a terminal."""

    PROGRESS_MIN = 5_000_000

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.finished = 0
        self.current: LineInput | None = None
        total = sum(sizes.values())
        if total >= self.PROGRESS_MIN and sys.stderr is not None and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("reading", total=total)
            self.bar.start()

    @classmethod
    def for_paths(cls, paths: list[str]) -> ReadProgress:
        """Sizes of the files the paths name (as `reading.expand_path` lists them), only for a terminal."""
        from scholarcli.pipeline import input_sizes

        sizes = input_sizes(paths) if sys.stderr is not None and sys.stderr.isatty() else {}
        return cls(sizes)

    def start(self, path: str, source: LineInput) -> None:
        self.current = source
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, description=os.path.basename(path))

    def tick(self) -> None:
        if self.bar is not None and self.task is not None and self.current is not None:
            self.bar.update(self.task, completed=self.finished + self.current.position)

    def done(self, path: str) -> None:
        self.finished += self.sizes.get(path, 0)
        self.current = None
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=self.finished)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
