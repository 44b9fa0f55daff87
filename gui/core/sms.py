"""Counting a text message the way the form's counter shows it."""

from __future__ import annotations

import math
from typing import NamedTuple

#: Characters per SMS segment, as the product counts them.
SEGMENT_LENGTH = 160
#: Longest message we accept for SMS (ten segments).
MAX_SMS_CHARACTERS = 1600


class SmsLength(NamedTuple):
    characters: int
    segments: int

    @property
    def too_long(self) -> bool:
        return self.characters > MAX_SMS_CHARACTERS


def sms_length(text: str) -> SmsLength:
    """How many characters `text` has and how many 160-character segments it takes."""
    characters = len(text)
    return SmsLength(characters, math.ceil(characters / SEGMENT_LENGTH))
