"""Phone numbers (builder/phones.py): stored as E.164 or as a short code, shown as people in Türkiye write them."""

from __future__ import annotations

import pytest

from builder.registry import phones
from builder.registry.wording import Say


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0232 362 57 77", "+902323625777"),  # İzmir landline, spaced
        ("(0232) 400 00 04", "+902324000004"),  # area code in brackets
        ("444 35 66", "+904443566"),  # a 444 number: seven digits, no area code
        ("0549 656 96 96", "+905496569696"),  # mobile
        ("0232-362-57-77", "+902323625777"),
        ("0232.362.57.77", "+902323625777"),
        ("02323625777", "+902323625777"),
        ("+90 232 362 57 77", "+902323625777"),
        ("  0232 362 57 77  ", "+902323625777"),  # surrounding spaces are dropped
    ],
)
def test_normalize_gives_e164(raw: str, e164: str) -> None:
    assert phones.normalize(raw) == e164


@pytest.mark.parametrize("code", ["112", "183", "157", "153"])
def test_short_numbers_are_kept_as_digits(code: str) -> None:
    number = phones.normalize(code)

    assert number == code
    assert phones.is_short(number)
    assert phones.national(number) == code
    assert phones.tel_uri(number) == f"tel:{code}"


def test_a_full_number_is_not_short() -> None:
    assert not phones.is_short("+902323625777")


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+902323625777", "(0232) 362 57 77"),
        ("+902324000004", "(0232) 400 00 04"),
        ("+905496569696", "0549 656 96 96"),
        ("+904443566", "444 35 66"),  # as Türkiye writes 444 numbers; phonenumbers would give 444 3 566
        ("+904441234", "444 12 34"),
    ],
)
def test_national_format(e164: str, shown: str) -> None:
    assert phones.national(e164) == shown


@pytest.mark.parametrize("raw", ["0232 362 57 77", "(0232) 400 00 04", "0549 656 96 96", "444 35 66", "183"])
def test_the_shown_form_normalizes_back_to_the_stored_one(raw: str) -> None:
    stored = phones.normalize(raw)

    assert phones.normalize(phones.national(stored)) == stored


def test_tel_uri_dials_the_e164_form() -> None:
    assert phones.tel_uri(phones.normalize("0232 362 57 77")) == "tel:+902323625777"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("0232 362 57", "is not a valid number"),  # a digit group missing
        ("0232 362 57 77 77", "is not a valid number"),  # too long
        ("0232", "is not a Turkish short number"),  # an area code alone
        ("123456", "is not a Turkish short number"),  # six digits: still read as a short number
        ("999", "is not a Turkish short number"),
        ("abc", "expected digits only"),
        ("0232 ABC 57 77", "expected digits only"),
        ("0232 362 57 77 dahili 12", "expected digits only"),  # an extension in words
        ("", "expected digits only"),
        ("   ", "expected digits only"),
        ("0232 362\u202e57 77", "invisible or direction-changing"),  # RIGHT-TO-LEFT OVERRIDE
        ("0232\u200b362 57 77", "invisible or direction-changing"),  # ZERO WIDTH SPACE
        ("\u20660232 362 57 77\u2069", "invisible or direction-changing"),  # LEFT-TO-RIGHT ISOLATE ... POP
        ("\ufeff0232 362 57 77", "invisible or direction-changing"),  # byte order mark
        ("0232 362 57 77\n", "invisible or direction-changing"),  # a control character
    ],
    ids=[
        "too-short",
        "too-long",
        "area-code-only",
        "short-123456",
        "short-999",
        "letters",
        "letters-inside",
        "extension",
        "empty",
        "blank",
        "U+202E",
        "U+200B",
        "U+2066",
        "U+FEFF",
        "newline",
    ],
)
def test_rejections_say_what_is_wrong(raw: str, words: str) -> None:
    with pytest.raises(ValueError) as caught:
        phones.normalize(raw)

    assert words in str(caught.value)


@pytest.mark.parametrize("raw", ["-", "()", "1", "12", "+9", "(0) 1"])
def test_a_number_without_enough_digits_is_a_value_error(raw: str) -> None:
    """Fewer than three digits is no phone number at all: a message for the editor, not a traceback."""
    with pytest.raises(ValueError) as caught:
        phones.normalize(raw)

    # a catalogue message (a ValueError, which pydantic carries), not phonenumbers' NumberParseException
    assert type(caught.value) is Say
    assert caught.value.text("tr").startswith('"0232 362 57 77", "444 35 66" veya "183" gibi bir telefon numarası')
    assert str(caught.value) == f"expected a phone number like 0232 362 57 77, 444 35 66 or 183; got {raw!r}"
