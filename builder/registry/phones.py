"""Phone numbers: parsed and checked with `phonenumbers`, stored as E.164, shown in national format."""

from __future__ import annotations

import functools
import re
import unicodedata

import phonenumbers
from phonenumbers import shortnumberinfo

from builder.registry.wording import Say

REGION = "TR"
# Bidi controls and zero-width characters can make a number display differently from what a tap dials.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ALLOWED = re.compile(r"\+?[0-9 ()./-]+")
_NATIONWIDE = re.compile(r"\+90444\d{4}")


def normalize(raw: str) -> str:
    """Return the E.164 form (or the digits of a short code such as 112); raise ValueError for an editor."""
    if _INVISIBLE.search(raw) or any(unicodedata.category(c) == "Cc" for c in raw):
        raise Say("phone.invisible")
    text = raw.strip()
    if not _ALLOWED.fullmatch(text):
        raise Say("phone.digits", got=repr(raw))
    digits = re.sub(r"\D", "", text)
    if len(digits) < 3:
        raise Say("phone.short", got=repr(raw))
    try:
        if len(digits) <= 6 and not text.startswith("+"):
            if shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(digits, REGION), REGION):
                return digits
            raise Say("phone.not_short", got=repr(raw))
        parsed = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException as exc:
        raise Say("phone.unparsed", got=repr(raw)) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise Say("phone.invalid", got=repr(raw))
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def spaced(digits: str) -> str:
    """A number's digits as editors write them: 02324890000 -> "0232 489 00 00"."""
    if len(digits) == 11 and digits.startswith("0"):
        return f"{digits[:4]} {digits[4:7]} {digits[7:9]} {digits[9:]}"
    return digits


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


def sms_uri(number: str) -> str:
    return f"sms:{number}"


def whatsapp_uri(number: str) -> str:
    """WhatsApp's own link form (https://wa.me/<digits>): a link she follows, never a request the page makes."""
    return "https://wa.me/" + number.removeprefix("+")
