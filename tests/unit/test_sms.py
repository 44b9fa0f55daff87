"""The SMS counter: characters and 160-character segments."""

from __future__ import annotations

import pytest

from gui.core.sms import sms_length


@pytest.mark.parametrize(
    ("characters", "segments", "too_long"),
    [
        (0, 0, False),
        (1, 1, False),
        (160, 1, False),
        (161, 2, False),
        (320, 2, False),
        (321, 3, False),
        (1600, 10, False),
        (1601, 11, True),
    ],
)
def test_sms_length(characters: int, segments: int, too_long: bool) -> None:
    length = sms_length("x" * characters)
    assert length.characters == characters
    assert length.segments == segments
    assert length.too_long is too_long


def test_every_character_counts_once() -> None:
    length = sms_length("é🚰\n ")
    assert (length.characters, length.segments) == (4, 1)
