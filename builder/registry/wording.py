"""What the registry's checks say to editors, in Turkish first and in English: one catalogue, one key per
message. Editors are social workers and volunteers who read Turkish; each message says what is wrong and what
to write instead.

A check raises or returns a `Say` (a ValueError, so pydantic carries it); the problem is shown in the language
the editor chose (`--lang`, default Turkish).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

import yaml

LANGS: Final = ("tr", "en")
LANG_ENV: Final = "KDM_LANG"  # the editors' language for `mkdocs build` run by hand (the CLI has --lang)


def editor_language() -> str:
    return os.environ.get(LANG_ENV, "tr")


# key: (Turkish, English), from wording.yaml. Values are filled in by name; `got` is the value as written, quoted.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    key: (texts["tr"], texts["en"])
    for key, texts in yaml.safe_load((Path(__file__).with_name("wording.yaml")).read_text(encoding="utf-8"))[
        "messages"
    ].items()
}


class Say(ValueError):
    """A message of the catalogue with its values; str() is the English, for logs and pydantic."""

    def __init__(self, key: str, /, **values: Any) -> None:
        if key not in MESSAGES:
            raise KeyError(f"no message {key!r} in builder/registry/wording.yaml")
        self.key, self.values = key, values
        super().__init__(self.text("en"))

    def text(self, lang: str = "tr") -> str:
        template = MESSAGES[self.key][LANGS.index(lang) if lang in LANGS else 0]
        values = {k: v.text(lang) if isinstance(v, Say) else v for k, v in self.values.items()}
        return template.format(**values)


def say(key: str, lang: str = "tr", /, **values: Any) -> str:
    return Say(key, **values).text(lang)
