"""gui.collector: no cyclic collection from `hold_off` until the first window is painted, what
start-up made frozen then, and the collector running again. Each test runs in a child process:
the collector's state is the whole interpreter's."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

CHILD = textwrap.dedent(
    """
    import gc, json
    from gui import collector

    collected = []
    gc.callbacks.append(lambda phase, info: phase == "stop" and collected.append(info))
    collector.hold_off()
    held = not gc.isenabled()
    for _ in range(20_000):  # garbage cycles, enough to trigger collections many times over
        cycle = []
        cycle.append(cycle)
    during = len(collected)
    made = gc.get_freeze_count()
    collector.start_up_done("painted")
    frozen = gc.get_freeze_count()
    enabled = gc.isenabled()
    collector.start_up_done("painted")  # the second time: nothing
    again = gc.get_freeze_count()
    for _ in range(20_000):
        cycle = []
        cycle.append(cycle)
    print(json.dumps({
        "held": held, "during": during, "made": made, "frozen": frozen, "enabled": enabled,
        "again": again, "after": len(collected),
    }))
    """
)


def run_child(code: str, args: tuple[str, ...] = ()) -> dict[str, Any]:
    """What the child printed last, as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, check=True
    )
    seen: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_no_collection_while_held_off_then_start_up_is_frozen_and_it_runs_again() -> None:
    seen = run_child(CHILD)
    assert seen["held"] is True
    assert seen["during"] == 0  # 20,000 cycles and not one collection
    assert seen["made"] == 0
    assert seen["frozen"] > 20_000  # the cycles made while held off went out of its sight
    assert seen["enabled"] is True
    assert seen["again"] == seen["frozen"]  # once per stage
    assert seen["after"] > 0  # and it collects again


def test_a_collector_turned_off_before_is_left_off() -> None:
    code = "import gc\ngc.disable()\n" + CHILD
    seen = run_child(code)
    assert seen["held"] is True  # off, as it was
    assert seen["enabled"] is False  # start-up does not turn on what someone else turned off
    assert seen["after"] == 0


ENTRY = textwrap.dedent(
    """
    import gc, json, sys, types
    seen = {}
    for name in ("gui.app", "gui.cli.main"):  # stand-ins that say how they were reached
        module = types.ModuleType(name)
        record = lambda args, name=name: seen.setdefault(name, gc.isenabled()) and 0
        setattr(module, "main" if name == "gui.app" else "run", record)
        sys.modules[name] = module
    import gui.__main__
    gui.__main__.main(sys.argv[1:])
    print(json.dumps(seen))
    """
)


def test_the_window_loads_with_the_collector_held_off_and_a_command_without() -> None:
    window = run_child(ENTRY)
    command = run_child(ENTRY, ("outbox", "list"))
    assert window == {"gui.app": False}
    assert command == {"gui.cli.main": True}


def test_help_and_mistakes_exit_with_the_collector_running() -> None:
    code = (
        "import gc, sys\nimport gui.__main__\n"
        "try:\n    gui.__main__.main(sys.argv[1:])\nexcept SystemExit:\n"
        "    print('{\"enabled\": %s}' % str(gc.isenabled()).lower())\n"
    )
    assert run_child(code, ("--no-such-option",)) == {"enabled": True}
    assert run_child(code, ("--help",)) == {"enabled": True}
