"""Start-up on a real X server: spawn to the first window mapped, and spawn to process exit.

Usage (from the project folder, with the project's virtual environment; Debian's ``xvfb``)::

    .venv/bin/python bench/xmap.py [--runs N] [--platforms xcb offscreen] [--bundles FOLDER]
        [--build] [--product COMMAND] [--env NAME=VALUE]…

Only ratios against a baseline measured in the same run mean anything. For each platform
(``xcb`` on a private Xvfb of this run, ``offscreen`` for comparison) it starts N fresh
processes of each side, alternating, after one discarded warm-up round:

- ``app``: bench/app_window.py, the app's window built as `gui.app.main` builds it;
- ``bare``: bench/bare_window.py, a PySide6 window with the same widgets and none of the app;
- with ``--bundles FOLDER``: ``app bundle`` and ``bare bundle``, the frozen ``app-window`` and
  ``bare-window`` that bench/bundle.py freezes through packaging/particle-tickets.spec
  (``--build`` freezes them into FOLDER first when they are missing; needs PyInstaller);
- with ``--product COMMAND``: ``product``, the real bundled ``particle-tickets`` (as
  ``./tools/build`` makes it) against the bare bundle, or ``.venv/bin/python -m gui`` without
  ``--bundles`` against the bare window, to its window's MapNotify only: it cannot be told to
  quit, so it is ended as soon as its window is mapped, and has no exit figure.

Each side runs twice a round. A *paint* run shows the window and quits after its first paint
(bench/first_paint.py): on xcb it gives the time from just before Popen to the X server's
MapNotify for the child's first top-level window, and on both platforms the time to the PAINTED
line and the phases the child stamped. An *exit* run passes ``--quit-at-first-turn``: the child
closes the window and quits on its event loop's first turn; it gives the time from just before
Popen until the process has ended (a pidfd becoming readable), warm-up threads and interpreter
shutdown included.

MapNotify is watched through libX11 with ctypes (python-xlib is not a dependency): this process
selects SubstructureNotify on Xvfb's root window and waits on the X connection, the child's
stdout and its pidfd in one ``select``, so every event is stamped the moment it reaches this
process, with nothing polled in between. ``xev -root`` prints no timestamp for
MapNotify (the event has none) and ``xdotool search --sync`` polls, so both would add their own
latency. No window manager runs: the top-level window is mapped by the client's own MapWindow
request. A map is the child's when the window's ``_NET_WM_PID`` is the child's (or it has none).

It ends with a verdict table against issue 16's targets. The exit code is 0 whether or not the
targets are met (this is a measurement, not a test), and 1 when the measurement failed (Xvfb
did not start, a child crashed, timed out or never mapped a window). The children get XDG
folders in a temporary folder, removed at the end. Nothing connects anywhere but 127.0.0.1
and the private X server's Unix socket.
"""

from __future__ import annotations

import argparse
import io
import os
import selectors
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import x11
from run import CHILD_TIMEOUT, PHASES, TIMES, MeasurementFailed, child_environment, format_table

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
QUIT = "--quit-at-first-turn"
TARGET_MAPPED = 1.10  # spawn to first window mapped, app median / bare median
TARGET_EXIT = 1.15  # spawn to exit after the first event-loop turn, app / bare
BUNDLES = ("app-window", "bare-window")  # the folder names bench/bundle.py freezes


@dataclass
class Side:
    name: str
    command: list[str]
    baseline: str  # the name of the side this one is compared with ("" for a baseline)
    #: The product's executable: it cannot be told to quit, so it only has paint runs on xcb,
    #: and is ended (SIGTERM) as soon as its window is mapped.
    product: bool = False


@dataclass
class Sample:
    mapped: float | None = None  # seconds from Popen to the MapNotify (xcb paint runs)
    painted: float | None = None  # seconds from Popen to the PAINTED line (paint runs)
    turned: float | None = None  # seconds from Popen to the TURN line (exit runs)
    returned: float | None = None  # seconds from Popen to the child's event loop returning
    exited: float | None = None  # seconds from Popen to the end of the process
    phases: dict[str, float] = field(default_factory=dict)


def run_once(
    side: Side, env: dict[str, str], watcher: x11.RootWatcher | None, *, quit: bool
) -> Sample:
    """One fresh process of `side`; paint run or (with `quit`) exit run."""
    if watcher is not None:
        watcher.maps()  # forget anything from before this child
    command = [*side.command, QUIT] if quit else side.command
    # This checkout's gui, not an editable install's; a bundle runs on what it holds.
    env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    if side.command[0] == sys.executable:
        env["PYTHONPATH"] = str(ROOT)
    sample = Sample()
    lines: list[tuple[float, str]] = []
    with tempfile.TemporaryFile() as stderr, selectors.DefaultSelector() as selector:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, env=env
        )
        assert process.stdout is not None
        pidfd = os.pidfd_open(process.pid)
        out = process.stdout.fileno()
        selector.register(pidfd, selectors.EVENT_READ)
        selector.register(out, selectors.EVENT_READ)
        if watcher is not None:
            selector.register(watcher.fd, selectors.EVENT_READ)
        buffer = b""
        try:
            while sample.exited is None:
                remaining = started + CHILD_TIMEOUT - time.perf_counter()
                if remaining <= 0:
                    raise MeasurementFailed(f"{side.name} took over {CHILD_TIMEOUT:g} s")
                ready = {key.fd for key, _events in selector.select(remaining)}
                now = time.perf_counter()
                if (
                    watcher is not None
                    and watcher.fd in ready
                    and sample.mapped is None
                    and any(pid in (None, process.pid) for pid in watcher.maps())
                ):
                    sample.mapped = now - started
                    if side.product:
                        process.terminate()
                if out in ready:
                    data = os.read(out, 65536)
                    if not data:
                        selector.unregister(out)
                    *complete, buffer = (buffer + data).split(b"\n")
                    lines += [(now, line.decode("utf-8", "replace")) for line in complete]
                if pidfd in ready:
                    sample.exited = now - started
        finally:
            if process.poll() is None:
                process.kill()
            code = process.wait()
            rest = process.stdout.read()
            process.stdout.close()
            os.close(pidfd)
            stderr.seek(0)
            errors = stderr.read().decode("utf-8", "replace")
    lines += [(started + (sample.exited or 0.0), line.decode()) for line in rest.split(b"\n")]
    tail = "\n".join(errors.strip().splitlines()[-10:])
    if side.product:
        if sample.mapped is None:
            raise MeasurementFailed(f"{side.name} ended ({code}) before its window was mapped")
        sample.exited = None  # ended by this process: no spawn-to-exit figure
        return sample
    if code != 0:
        raise MeasurementFailed(f"{side.name} exited with code {code}; stderr ends:\n{tail}")
    marker = "TURN" if quit else "PAINTED"
    report = next(((t, text) for t, text in lines if text.startswith(marker)), None)
    if report is None:
        raise MeasurementFailed(f"{side.name} printed no {marker} line; stderr ends:\n{tail}")
    if watcher is not None and not quit and sample.mapped is None:
        raise MeasurementFailed(f"{side.name} painted but no MapNotify of its window arrived")
    if quit:
        sample.turned = report[0] - started
        returned = next((text for _t, text in lines if text.startswith("RETURNED")), None)
        if returned is not None:
            sample.returned = float(returned.split("=")[1]) - started
    else:
        sample.painted = report[0] - started
        sample.phases = _phases(report[1], started, report[0])
    return sample


def _phases(line: str, started: float, arrived: float) -> dict[str, float]:
    """Seconds per phase of run.PHASES from a PAINTED line (empty if the clocks disagree)."""
    stamps = {name: float(value) for name, value in (part.split("=") for part in line.split()[1:])}
    phases: dict[str, float] = {}
    previous = started
    for name, _label in PHASES:
        if name not in stamps or not previous <= stamps[name] <= arrived:
            return {}
        phases[name] = stamps[name] - previous
        previous = stamps[name]
    phases["report"] = arrived - previous
    return phases


def measure(
    platform: str,
    sides: list[Side],
    env: dict[str, str],
    watcher: x11.RootWatcher | None,
    runs: int,
) -> dict[str, list[Sample]]:
    """Warm-up round, then `runs` rounds of a paint and an exit run of every side."""
    print(f"\n{platform}: {runs} rounds, each a paint run and an exit run of every side")
    samples: dict[str, list[Sample]] = {side.name: [] for side in sides}
    for round_ in range(runs + 1):
        this_round: dict[str, list[Sample]] = {side.name: [] for side in sides}
        for quit in (False, True):
            for side in sides:
                if side.product and (quit or watcher is None):
                    continue  # only its window's MapNotify can be measured
                this_round[side.name].append(run_once(side, env, watcher, quit=quit))
        if round_ == 0:
            print("   warm-up round done (discarded)")
            continue
        for name, taken in this_round.items():
            samples[name] += taken
        print(
            f"   round {round_:2d}/{runs}: "
            + "   ".join(_round_cells(name, taken) for name, taken in this_round.items())
        )
    return samples


def _round_cells(name: str, taken: list[Sample]) -> str:
    """`name` mapped (or painted) / exited, in ms, for one round's paint and exit run."""
    if not taken:
        return f"{name} -"
    paint, exit_ = [*taken, Sample()][:2]
    first = paint.mapped if paint.mapped is not None else paint.painted
    return f"{name} {_ms(first)}/{_ms(exit_.exited)}"


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f}"


def median(samples: list[Sample], what: str) -> float | None:
    values = [getattr(sample, what) for sample in samples if getattr(sample, what) is not None]
    return statistics.median(values) if values else None


def summarise(platform: str, sides: list[Side], samples: dict[str, list[Sample]]) -> None:
    """Median ms from spawn per side and measure, with the ratio against the side's baseline."""
    measures = [("mapped", "MapNotify")] if platform == "xcb" else []
    measures += [
        ("painted", "first paint"),
        ("turned", "first turn"),
        ("exited", "exit"),
    ]
    rows = [("median ms from spawn", *(label for _what, label in measures))]
    for side in sides:
        cells = []
        for what, _label in measures:
            value = median(samples[side.name], what)
            base = median(samples[side.baseline], what) if side.baseline else None
            ratio = f" {value / base:.2f}{TIMES}" if value is not None and base else ""
            cells.append(_ms(value) + ratio)
        rows.append((side.name, *cells))
    quits = []
    for side in sides:
        ends = [s for s in samples[side.name] if s.exited and s.turned and s.returned]
        if ends:
            closing = statistics.median(s.returned - s.turned for s in ends)  # type: ignore[operator]
            ending = statistics.median(s.exited - s.returned for s in ends)  # type: ignore[operator]
            quits.append(f"{side.name} {_ms(closing)} + {_ms(ending)}")
    for line in format_table(rows):
        print(f"   {line}")
    print("   first turn to exit, ms: close and quit + interpreter shutdown: " + ", ".join(quits))


def print_phases(by_platform: dict[str, dict[str, list[Sample]]], sides: list[Side]) -> None:
    """Median ms per phase of every side, one table a platform: what xcb costs that offscreen
    does not, and what the app costs that the bare window does not."""
    for platform, samples in by_platform.items():
        print(f"\nwhere the time goes until the first paint, {platform} (median ms per phase)")
        print(f"  {'':30}" + "".join(f"{side.name:>13}" for side in sides))
        for phase, label in (*PHASES, ("report", "report reaches parent")):
            cells = ""
            for side in sides:
                values = [s.phases[phase] for s in samples[side.name] if s.phases]
                cells += f"{statistics.median(values) * 1000:13.1f}" if values else f"{'-':>13}"
            print(f"  {label:<30}{cells}")


def verdict_table(results: dict[str, dict[str, list[Sample]]], sides: list[Side]) -> list[str]:
    rows = [("measure", "app", "baseline", "ratio", "target", "verdict")]
    for platform, samples in results.items():
        for side in sides:
            if not side.baseline:
                continue
            checks = [] if side.product else [("exited", "spawn to exit", TARGET_EXIT)]
            if platform == "xcb":
                checks.insert(0, ("mapped", "spawn to window mapped", TARGET_MAPPED))
            for what, label, target in checks:
                app = median(samples.get(side.name, []), what)
                base = median(samples.get(side.baseline, []), what)
                row = f"{side.name}, {platform}, {label} (median)"
                if app is None or not base:
                    rows.append((row, "-", "-", "-", f"≤{target:.2f}{TIMES}", "FAILED"))
                    continue
                ratio = app / base
                verdict = "ok" if ratio <= target else "MISSED"
                rows.append(
                    (row, f"{_ms(app)} ms", f"{_ms(base)} ms", f"{ratio:.2f}{TIMES}",
                     f"≤{target:.2f}{TIMES}", verdict)
                )  # fmt: skip
    return format_table(rows)


def make_sides(bundles: Path | None, product: str | None) -> list[Side]:
    python = sys.executable
    sides = [
        Side("app", [python, str(BENCH / "app_window.py")], "bare"),
        Side("bare", [python, str(BENCH / "bare_window.py")], ""),
    ]
    if bundles is not None:
        app, bare = (bundles / name / name for name in BUNDLES)
        sides += [
            Side("app bundle", [str(app)], "bare bundle"),
            Side("bare bundle", [str(bare)], ""),
        ]
    if product is not None:
        command = shlex.split(product)
        if command and Path(command[0]).resolve() == Path(sys.executable).resolve():
            command[0] = sys.executable  # so that it runs this checkout's gui
        baseline = "bare" if bundles is None else "bare bundle"  # a source or a bundled product
        sides.insert(-1, Side("product", command, baseline, product=True))
    return sides


def build_bundles(folder: Path) -> None:
    """Freeze app-window and bare-window into `folder` as bench/bundle.py does, if missing."""
    if all((folder / name / name).exists() for name in BUNDLES):
        return
    import bundle  # PyInstaller's build helpers: only when asked to build

    work = Path(tempfile.mkdtemp(prefix="particle-tickets-xmap-build-"))
    try:
        app, bare = bundle.build(work)
        for built in (app, bare):
            shutil.rmtree(folder / built.name, ignore_errors=True)
            shutil.move(str(built), folder / built.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start-up on Xvfb (see the docstring).")
    parser.add_argument("--runs", type=int, default=15, help="rounds per platform (default 15)")
    parser.add_argument(
        "--platforms", nargs="+", choices=("xcb", "offscreen"), default=["xcb", "offscreen"]
    )
    parser.add_argument(
        "--bundles",
        type=Path,
        metavar="FOLDER",
        help="also start the frozen app-window/ and bare-window/ in FOLDER",
    )
    parser.add_argument(
        "--build", action="store_true", help="freeze the two bundles into --bundles if missing"
    )
    parser.add_argument(
        "--product",
        metavar="COMMAND",
        help="also start this bundled particle-tickets (dist/particle-tickets/particle-tickets; "
        "or any command, e.g. '.venv/bin/python -m gui') on xcb, to its window's MapNotify only "
        "(it is ended then), against the bare bundle (without --bundles: the bare window)",
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set this in every child's environment (repeatable; an empty VALUE unsets NAME), "
        "to see what a setting costs, e.g. QT_QPA_PLATFORMTHEME=xdgdesktopportal",
    )
    options = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # the signs in the table, on a non-UTF-8 terminal
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.build and options.bundles is None:
        parser.error("--build needs --bundles FOLDER")
    if any("=" not in setting for setting in options.env):
        parser.error("--env takes NAME=VALUE")

    began = time.perf_counter()
    print(f"Particle Tickets start-up on X — {sys.executable}, {os.cpu_count()} CPUs")
    failures: list[str] = []
    results: dict[str, dict[str, list[Sample]]] = {}
    sides = make_sides(options.bundles, options.product)
    folder = Path(tempfile.mkdtemp(prefix="particle-tickets-bench-xmap-"))
    try:
        if options.build:
            options.bundles.mkdir(parents=True, exist_ok=True)
            build_bundles(options.bundles)
        for side in sides:
            program = side.command[0] if side.product else side.command[-1]
            if shutil.which(program) is None and not Path(program).exists():
                raise MeasurementFailed(f"{program} is missing (try --build)")
        base_env = child_environment(folder)
        for name in ("WAYLAND_DISPLAY", "DISPLAY", "XAUTHORITY"):
            base_env.pop(name, None)
        for setting in options.env:
            name, _, value = setting.partition("=")
            base_env.pop(name, None)
            if value:
                base_env[name] = value
                print(f"children get {name}={value}")
        for platform in options.platforms:
            try:
                if platform == "xcb":
                    with x11.PrivateXvfb() as server, x11.RootWatcher(server.display) as watcher:
                        env = {**base_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": server.display}
                        print(f"\nXvfb {server.display} started (no window manager)")
                        results[platform] = measure(platform, sides, env, watcher, options.runs)
                else:
                    results[platform] = measure(platform, sides, base_env, None, options.runs)
                summarise(platform, sides, results[platform])
            except (MeasurementFailed, x11.XFailed) as failure:
                failures.append(f"{platform}: {failure}")
        if results:
            print_phases(results, sides)
    except (MeasurementFailed, OSError) as failure:
        failures.append(str(failure))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nfinished in {time.perf_counter() - began:.1f} s\n")
    for line in verdict_table(results, sides):
        print(line)
    for failure in failures:
        print(f"\nMEASUREMENT FAILED — {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
