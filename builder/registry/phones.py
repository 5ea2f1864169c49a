"""Phone numbers: parsed and checked with `phonenumbers`, stored as E.164, shown in national format."""

from __future__ import annotations

import functools
import re
import unicodedata

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "TR"
# Bidi controls and zero-width characters can make a number display differently from what a tap dials.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ALLOWED = re.compile(r"\+?[0-9 ()./-]+")
_NATIONWIDE = re.compile(r"\+90444\d{4}")


def normalize(raw: str) -> str:
    """Return the E.164 form (or the digits of a short code such as 112); raise ValueError for an editor."""
    if _INVISIBLE.search(raw) or any(unicodedata.category(c) == "Cc" for c in raw):
        raise ValueError("contains invisible or direction-changing characters; type the number again by hand")
    text = raw.strip()
    if not _ALLOWED.fullmatch(text):
        raise ValueError(f"expected digits only, like 0232 362 57 77, 444 35 66 or 183; got {raw!r}")
    digits = re.sub(r"\D", "", text)
    if len(digits) < 3:
        raise ValueError(f"expected a phone number like 0232 362 57 77, 444 35 66 or 183; got {raw!r}")
    try:
        if len(digits) <= 6 and not text.startswith("+"):
            if shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(digits, REGION), REGION):
                return digits
            raise ValueError(f"{raw!r} is not a Turkish short number (112, 183, 157, 153 ...)")
        parsed = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {raw!r}") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{raw!r} is not a valid number (Turkish numbers have 10 digits after the 0)")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_short(number: str) -> bool:
    return not number.startswith("+")


@functools.lru_cache(maxsize=4096)
def national(number: str) -> str:
    """How people in Türkiye write the number: (0232) 362 57 77, 444 35 66, 0549 656 96 96, 112."""
    if is_short(number):
        return number
    if _NATIONWIDE.fullmatch(number):  # 444 numbers are written 444 35 66 in Türkiye; the library groups 444 3 566
        return f"444 {number[-4:-2]} {number[-2:]}"
    return phonenumbers.format_number(phonenumbers.parse(number), phonenumbers.PhoneNumberFormat.NATIONAL)


def tel_uri(number: str) -> str:
    return f"tel:{number}"
