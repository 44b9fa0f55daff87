"""The packaging benchmark: the app's frozen bundle against a bare PySide6 bundle.

Usage (from the project folder, with the project's virtual environment and PyInstaller, as
``./tools/build`` installs it)::

    .venv/bin/python bench/bundle.py [--runs N]

Only ratios against a baseline built and measured in the same run mean anything. One run:

1. freezes two programs through packaging/particle-tickets.spec, with its settings (one folder,
   the Qt filter, stripping, the excluded modules), into a temporary folder:
   ``app-window`` (bench/app_window.py: the app's window, built as `gui.app.main` builds it,
   with everything the product bundle holds) and ``bare-window`` (bench/bare_window.py with the
   spec's ``--bare``: a PySide6 QMainWindow with the same widgets and none of the app);
2. compares their size: the bytes of the files in each folder;
3. times cold start to the first painted window of the frozen executables: N fresh processes
   of each, alternating, after one discarded warm-up pair, each timed from just before Popen
   until it prints its PAINTED line (bench/first_paint.py); medians and their ratio.

It ends with a verdict table. The exit code is 0 whether or not the targets are met (this is a
measurement, not a test), and 1 when the measurement itself failed (a build failed, a child
crashed or timed out). The children run with QT_QPA_PLATFORM=offscreen and XDG folders in the
temporary folder, which is removed at the end. Nothing connects anywhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from run import CHILD_TIMEOUT, TIMES, MeasurementFailed, child_environment, format_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from build import BuildFailed, executable, folder_size, freeze  # noqa: E402 - packaging/

TARGET_SIZE = 1.1  # bundle size, app / bare
TARGET_START = 1.2  # cold start, app median / bare median
#: (name, spec options) of the two bundles.
APP = ("app-window", ["--script", str(ROOT / "bench" / "app_window.py"), "--name", "app-window"])
BARE = (
    "bare-window",
    ["--script", str(ROOT / "bench" / "bare_window.py"), "--name", "bare-window", "--bare"],
)


def build(folder: Path) -> tuple[Path, Path]:
    """Freeze both programs into `folder`; returns the app's and the bare bundle's folder."""
    print("1. freezing both programs through packaging/particle-tickets.spec")
    bundles = []
    for name, options in (APP, BARE):
        began = time.perf_counter()
        try:
            bundles.append(freeze(name, options, dist=folder / "dist", work=folder / "work"))
        except BuildFailed as failure:
            raise MeasurementFailed(f"building {name}: {failure}") from None
        print(f"   {name}: built in {time.perf_counter() - began:.0f} s")
    app, bare = bundles
    return app, bare


def compare_sizes(app: Path, bare: Path) -> tuple[int, int]:
    """Print both sizes and what the app bundle has that the bare one has not."""
    sizes = folder_size(app), folder_size(bare)
    print("\n2. size of the bundle folders")
    print(f"   app-window  {sizes[0] / 1e6:7.1f} MB\n   bare-window {sizes[1] / 1e6:7.1f} MB")
    extra = _by_top_entry(app)
    extra.subtract(_by_top_entry(bare))
    print("   what the app bundle holds beyond the bare one, largest first (MB):")
    for entry, size in extra.most_common(8):
        print(f"     {size / 1e6:6.1f}  {entry}")
    return sizes


def _by_top_entry(bundle: Path) -> Counter[str]:
    """Bytes per first two path components under the bundle (_internal/cryptography, …)."""
    sizes: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(bundle).parts
            sizes["/".join(parts[:2])] += path.stat().st_size
    return sizes


def start_once(program: Path, env: dict[str, str]) -> float:
    """Seconds from just before Popen until the frozen `program` reports its first paint."""
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(program)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, env=env
        )
        watchdog = threading.Timer(CHILD_TIMEOUT, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith(b"PAINTED"):
                    return time.perf_counter() - started
            code = process.wait()
            stderr.seek(0)
            tail = b"".join(stderr.readlines()[-10:]).decode("utf-8", errors="replace")
            raise MeasurementFailed(f"{program.name} ended ({code}) without a paint:\n{tail}")
        finally:
            process.communicate()  # the rest of its output; the watchdog ends a hung child
            watchdog.cancel()


def measure_start(app: Path, bare: Path, env: dict[str, str], runs: int) -> tuple[float, float]:
    """Alternate app and bare cold starts; returns their medians, in seconds."""
    print(f"\n3. cold start to first painted window: {runs} app runs alternating with {runs} bare")
    app_program, bare_program = executable(app), executable(bare)
    warm = start_once(app_program, env), start_once(bare_program, env)
    print(
        f"   warm-up pair (discarded): app {warm[0] * 1000:6.1f} ms, bare {warm[1] * 1000:6.1f} ms"
    )
    app_times: list[float] = []
    bare_times: list[float] = []
    for index in range(1, runs + 1):
        app_times.append(start_once(app_program, env))
        bare_times.append(start_once(bare_program, env))
        print(
            f"   run {index:2d}/{runs}: app {app_times[-1] * 1000:6.1f} ms   "
            f"bare {bare_times[-1] * 1000:6.1f} ms"
        )
    for name, times in (("app ", app_times), ("bare", bare_times)):
        ms = [seconds * 1000 for seconds in times]
        print(
            f"   {name}: min {min(ms):6.1f}  median {statistics.median(ms):6.1f}  "
            f"max {max(ms):6.1f} ms"
        )
    return statistics.median(app_times), statistics.median(bare_times)


def verdict_table(sizes: tuple[int, int] | None, starts: tuple[float, float] | None) -> list[str]:
    rows = [("measure", "app", "baseline", "ratio", "target", "verdict")]
    measured = (
        ("bundle size on disk", sizes, TARGET_SIZE, lambda size: f"{size / 1e6:.1f} MB"),
        ("cold start to window (median)", starts, TARGET_START, lambda s: f"{s * 1000:.0f} ms"),
    )
    for label, pair, target, show in measured:
        if pair is None:
            rows.append((label, "-", "-", "-", f"≤{target:.2f}{TIMES}", "FAILED"))
            continue
        ratio = pair[0] / pair[1]
        rows.append(
            (
                label,
                show(pair[0]),
                show(pair[1]),
                f"{ratio:.2f}{TIMES}",
                f"≤{target:.2f}{TIMES}",
                "ok" if ratio <= target else "MISSED",
            )
        )
    return format_table(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Packaging benchmark (see the docstring).")
    parser.add_argument("--runs", type=int, default=15, help="cold starts per side (default 15)")
    options = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # the signs in the table, on a non-UTF-8 terminal
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    for module in ("PyInstaller", "PySide6", "gui"):
        if importlib.util.find_spec(module) is None:
            parser.error(f"{module} is not importable by {sys.executable}; run ./tools/build once")

    began = time.perf_counter()
    print(f"Particle Tickets packaging benchmark — {sys.executable}, {os.cpu_count()} CPUs")
    folder = Path(tempfile.mkdtemp(prefix="particle-tickets-bench-bundle-"))
    failures: list[str] = []
    sizes = starts = None
    try:
        try:
            app, bare = build(folder)
            sizes = compare_sizes(app, bare)
            starts = measure_start(app, bare, child_environment(folder), options.runs)
        except MeasurementFailed as failure:
            failures.append(str(failure))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nfinished in {time.perf_counter() - began:.1f} s\n")
    for line in verdict_table(sizes, starts):
        print(line)
    for failure in failures:
        print(f"\nMEASUREMENT FAILED — {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
