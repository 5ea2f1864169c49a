"""The small value types editors write, each with its check and, beside it, its form in words (`Form`):
ids, web and e-mail addresses, language codes, phone numbers, texts."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from builder.registry import phones
from builder.registry.form import Form
from builder.registry.wording import Say

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#][^\s<>\"'`]*)?")
_LANG = re.compile(r"[a-z]{2,3}")


def check_slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise Say("slug", got=repr(value))
    return value


def _https(value: str) -> str:
    if not value.startswith("https://") or not _URL.fullmatch(value):
        raise Say("https", got=repr(value))
    return value


def _http(value: str) -> str:
    if not _URL.fullmatch(value):
        raise Say("http", got=repr(value))
    return value


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise Say("email", got=repr(value))
    return value


def _language(value: str) -> str:
    from babel import Locale

    if not _LANG.fullmatch(value) or value not in Locale("en").languages:
        raise Say("language", got=repr(value))
    return value


def _phone(value: str) -> str:
    return phones.normalize(value)


def _unquoted_phone(value: object) -> object:
    """YAML reads an unquoted 183 as a number (fine: a short code) and an unquoted 02324890000 as the number
    2324890000, its leading 0 gone: say so, with the number to write in quotes."""
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        if len(digits) <= 6:
            return digits
        suggested = "0" + digits if len(digits) == 10 else digits
        raise Say("phone.unquoted", got=digits, suggested=phones.spaced(suggested))
    return value


Slug = Annotated[str, AfterValidator(check_slug), Form("slug")]
HttpsUrl = Annotated[str, AfterValidator(_https), Form("https")]
SourceUrl = Annotated[str, AfterValidator(_http), Form("source_url")]
Email = Annotated[str, AfterValidator(_email), Form("email")]
LanguageCode = Annotated[str, AfterValidator(_language), Form("language")]
PhoneNumber = Annotated[
    str,
    BeforeValidator(_unquoted_phone),
    AfterValidator(_phone),
    Form("phone"),
]
Text = Annotated[str, Field(min_length=1)]
