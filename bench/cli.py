"""The command line's cold start against the window's, and validating a 500-row CSV.

Usage (from the project folder, with the project's virtual environment)::

    .venv/bin/python bench/cli.py [--runs N] [--rows N]

One run measures, against baselines taken in the same run (the machine is shared and noisy):

1. cold start: N fresh ``python -m gui outbox list`` processes (the console script's code path;
   timed from just before Popen to exit) alternating with N app windows to their first paint
   (bench/app_window.py, as bench/run.py measures them), after a discarded warm-up pair;
   medians and their ratio. Target: the command line in at most half the window's time.
2. reading and validating a CSV of ``--rows`` ticket rows (emails and phone numbers, as
   `particle-tickets update --from-csv` does before sending anything) in this process, against
   parsing the same file with the csv module alone. Target: under 1 s for 500 rows.

Prints figures and a verdict table; exits 0 whether or not targets are met, 1 if a measurement
failed. Children get their XDG folders in a temporary folder; nothing connects anywhere.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from run import TIMES, MeasurementFailed, child_environment, format_table, run_child, start_once

TARGET_START_RATIO = 0.5
TARGET_CSV_SECONDS = 1.0
HEADER = ["ticketId", "title", "description", "status", "notify", "type", "contacts", "time"]


def cli_once(env: dict[str, str]) -> float:
    started, _child = run_child(["-m", "gui", "outbox", "list"], env, what="python -m gui outbox")
    return time.perf_counter() - started


def measure_start(env: dict[str, str], runs: int) -> tuple[float, float]:
    print(
        f"1. cold start: {runs}{TIMES} `python -m gui outbox list` alternating with {runs} windows"
    )
    warm_cli, warm_app = cli_once(env), start_once("app_window.py", env).total
    print(
        f"   warm-up pair (discarded): cli {warm_cli * 1000:6.1f} ms, "
        f"window {warm_app * 1000:6.1f} ms"
    )
    cli: list[float] = []
    app: list[float] = []
    for run in range(1, runs + 1):
        cli.append(cli_once(env))
        app.append(start_once("app_window.py", env).total)
        print(
            f"   run {run:2d}/{runs}: cli {cli[-1] * 1000:6.1f} ms   "
            f"window {app[-1] * 1000:6.1f} ms"
        )
    median_cli, median_app = statistics.median(cli), statistics.median(app)
    print(f"   ratio median cli / median window: {median_cli / median_app:.2f}{TIMES}")
    return median_cli, median_app


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow([*HEADER, "automated"])
        for i in range(rows):
            email = i % 2 == 0
            contacts = (
                f"a{i}@example.com,b{i}@example.org" if email else f"(202) 555-{i % 10000:04d}"
            )
            writer.writerow(
                [
                    f"tic_{i}",
                    f"Title {i}",
                    "Description",
                    "ON_HOLD",
                    1,
                    "email" if email else "sms",
                    contacts,
                    "2099-01-01T09:00" if i % 3 == 0 else "",
                    0,
                ]
            )


def measure_csv(folder: Path, rows: int) -> tuple[float, float]:
    from gui.core.csv_rows import check_rows, read_file, read_text

    print(f"\n2. reading and validating {rows} CSV rows (in this process, 5 runs, best)")
    path = folder / "rows.csv"
    write_csv(path, rows)
    started = time.perf_counter()  # the first run pays for email-validator and phonenumbers
    sample = "ticketId,title,description,status,notify,type,contacts,automated\n"
    check_rows(
        read_text(sample + "t,t,d,NEW,1,sms,2025550123,0\n"), now=datetime.now().astimezone()
    )
    print(
        f"   importing and warming the validators: {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    validate_times, parse_times = [], []
    for _ in range(5):
        started = time.perf_counter()
        with path.open(newline="", encoding="utf-8") as file:
            parsed = list(csv.reader(file))
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        checked = check_rows(read_file(path), now=datetime.now().astimezone())
        validate_times.append(time.perf_counter() - started)
    bad = [row for row in checked if not row.ok]
    if bad or len(parsed) != rows + 1:
        raise MeasurementFailed(f"{len(bad)} rows did not validate: {bad[:1]}")
    best_validate, best_parse = min(validate_times), min(parse_times)
    print(f"   validate {best_validate * 1000:.0f} ms; csv module alone {best_parse * 1000:.1f} ms")
    return best_validate, best_parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Command-line benchmark (see the docstring).")
    parser.add_argument("--runs", type=int, default=15, help="cold starts per side (default 15)")
    parser.add_argument("--rows", type=int, default=500, help="CSV rows (default 500)")
    options = parser.parse_args(argv)
    print(f"Particle Tickets command-line benchmark — {sys.executable}")
    folder = Path(tempfile.mkdtemp(prefix="particle-tickets-bench-cli-"))
    failures: list[str] = []
    start = validation = None
    try:
        env = child_environment(folder)
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        try:
            start = measure_start(env, options.runs)
        except MeasurementFailed as failure:
            failures.append(f"cold start: {failure}")
        try:
            validation = measure_csv(folder, options.rows)
        except MeasurementFailed as failure:
            failures.append(f"CSV: {failure}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    rows = [("measure", "cli", "baseline", "ratio", "target", "verdict")]
    if start is not None:
        cli, app = start
        rows.append(
            (
                "cold start (median)",
                f"{cli * 1000:.0f} ms",
                f"{app * 1000:.0f} ms window",
                f"{cli / app:.2f}{TIMES}",
                f"≤{TARGET_START_RATIO:.2f}{TIMES}",
                "ok" if cli / app <= TARGET_START_RATIO else "MISSED",
            )
        )
    if validation is not None:
        seconds, parse = validation
        rows.append(
            (
                f"validate {options.rows} CSV rows",
                f"{seconds * 1000:.0f} ms",
                f"{parse * 1000:.1f} ms csv only",
                f"{seconds / parse:.0f}{TIMES}",
                f"<{TARGET_CSV_SECONDS:g} s",
                "ok" if seconds < TARGET_CSV_SECONDS else "MISSED",
            )
        )
    print()
    for line in format_table(rows):
        print(line)
    for failure in failures:
        print(f"\nMEASUREMENT FAILED — {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
