"""The committed .qm catalogues are what lrelease makes of the committed .ts sources.

Every install (`pip install .`, `pip install -e .`, a wheel, the bundle) carries the committed
resources/i18n/*.qm as they are, so a .ts edited without compiling it again would ship an older
Spanish: this fails until the .qm is compiled and committed with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.conftest import CATALOGUES, FIX, I18N, translations_module


def test_every_ts_has_its_committed_qm() -> None:
    sources = sorted(path.with_suffix(".qm").name for path in I18N.glob("*.ts"))
    assert sources == sorted(CATALOGUES)
    missing = [name for name in CATALOGUES if not (I18N / name).is_file()]
    assert not missing, f"resources/i18n lacks {missing}: run {FIX}, then commit them"


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_committed_qm_is_compiled_from_its_ts(tmp_path: Path, name: str) -> None:
    translations = translations_module()
    source = I18N / name.replace(".qm", ".ts")
    first = translations.compile_catalogue(source, tmp_path / f"first-{name}").read_bytes()
    again = translations.compile_catalogue(source, tmp_path / f"again-{name}").read_bytes()
    # The byte comparison below is only fair while lrelease writes the same bytes each time.
    assert first == again, "lrelease no longer writes the same .qm twice: compare translations"
    committed = (I18N / name).read_bytes()
    assert committed == first, (
        f"resources/i18n/{name} is not what lrelease makes of {source.name}: run {FIX} "
        "and commit the .qm with the .ts"
    )


def test_check_finds_a_stale_catalogue(tmp_path: Path) -> None:
    """`translations.py check` (and packaging/build.py) see a .qm that lags behind its .ts."""
    translations = translations_module()
    for name in CATALOGUES:
        ts = (I18N / name.replace(".qm", ".ts")).read_text("utf-8")
        (tmp_path / name.replace(".qm", ".ts")).write_text(ts, "utf-8")
        (tmp_path / name).write_bytes((I18N / name).read_bytes())
    assert translations.stale(tmp_path) == []
    ts_file = tmp_path / "ui_es.ts"
    ts_file.write_text(
        ts_file.read_text("utf-8").replace("&amp;Archivo<", "&amp;Fichero<", 1), "utf-8"
    )
    assert translations.stale(tmp_path) == [tmp_path / "ui_es.qm"]
