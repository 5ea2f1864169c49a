"""The mistakes a new editor makes, tried as one would (issue 15): each fixture in
tests/fixtures/editors/mistakes/ holds one, and the editor is told in Turkish where it is and what to write.

A problem stops the build; a warning is printed and the entry is published. `number: 183`, written as the docs
show it, is no mistake at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder import registry
from builder.registry.problems import Problem, RegistryError
from tests.conftest import FIXTURE_TODAY, ROOT

SMALL = ROOT / "tests" / "fixtures" / "small"
MISTAKES = ROOT / "tests" / "fixtures" / "editors" / "mistakes"

# fixture, line, whether it is only a warning, the Turkish line an editor reads (after file:line:column: )
CASES = [
    (
        "unquoted-phone.yaml",
        8,
        False,
        "merkez ornek-konak: phones[0].number: numara tırnak içinde değil, YAML onu sayı sandı ve baştaki 0'ı sildi "
        '(2324890000). Tırnak içinde yazın: "0232 489 00 00"',
    ),
    (
        "tab-indent.yaml",
        7,
        False,
        "7. satırda girinti için sekme (Tab) kullanılmış: sekme yerine boşluk kullanın (her düzey iki boşluk)",
    ),
    (
        "service-typo.yaml",
        8,
        False,
        "merkez ornek-konak: services[0]: şunlardan biri olmalı: legal-counseling, psychological-support, social-work, "
        "protection-order-help, shelter-referral, shelter, childcare-during-visits, children-support, group-work, "
        "training, economic-support, referral; yazılan: 'legal-counselling'; bunu mu demek istediniz: "
        "`legal-counseling`?",
    ),
    (
        "duplicate-id.yaml",
        14,
        False,
        "merkez ornek-konak: id: bu id 3. satırdaki kayıtta zaten kullanılmış; her id tek olmalı",
    ),
    (
        "shelter-place-in-notes.yaml",
        10,
        False,
        "merkez ornek-siginma: notes.tr: gizli bir kaydın metni bir yer adı içeriyor (Mahallesi): sığınmaevinin yerini "
        "ele verebilir. Metinden yeri silin",
    ),
    (
        "colon-in-text.yaml",
        9,
        False,
        "geçerli YAML değil: bir değerin içinde `: ` var ve YAML onu yeni bir anahtar sandı: değeri tırnak içinde "
        'yazın, "Kat: 2" gibi (mapping values are not allowed here)',
    ),
    (
        "unknown-field.yaml",
        8,
        False,
        "merkez ornek-konak: adress: bilinmeyen alan `adress`; bunu mu demek istediniz: `address`?",
    ),
    (
        "direct-from-news.yaml",
        9,
        False,
        "merkez ornek-konak: phones[0].kind: `kind: direct` için onu doğrulayan bir arama, ziyaret veya e-posta ya da "
        "kaynakları arasında kurumun kendi sayfası gerekir; o zamana kadar `kind: unconfirmed` (ya da appointment, "
        "switchboard ...) yazın",
    ),
    (
        "hours-without-source.yaml",
        10,
        False,
        "merkez ornek-konak: evidence.hours: çalışma saatleri için kaynak yok: onu veren kaynakların id'lerini "
        "`evidence: hours:` altına yazın ya da bu bilgiyi silin",
    ),
    (
        "comment-cut.yaml",
        9,
        True,
        '` #` işaretinden sonrası yorum sayıldı ve metin "Örnek Sokak No 5 kapı" olarak kesildi; # içeren metni tırnak '
        'içinde yazın: "Örnek Sokak No 5 kapı #3, ikinci kat"',
    ),
    (
        "long-note.yaml",
        9,
        True,
        "merkez ornek-konak: notes.tr: 20019 karakter; en çok 500 önerilir, çünkü telefonda uzun not numarayı aşağı "
        "iter: metni kısaltın",
    ),
    (
        "emoji-in-name.yaml",
        4,
        True,
        "merkez ornek-konak: name.tr: bir ada yakışmayan karakter var (💜); harf, rakam ve noktalama kullanın",
    ),
]


def found(name: str) -> list[Problem]:
    try:
        return list(registry.load(SMALL, FIXTURE_TODAY, root=ROOT, overrides={"centers": MISTAKES / name}).warnings)
    except RegistryError as exc:
        return exc.problems


@pytest.mark.parametrize(("name", "line", "warning", "turkish"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_told_in_turkish_at_its_line(name: str, line: int, warning: bool, turkish: str) -> None:
    [problem] = found(name)

    assert problem.warning is warning
    assert problem.line == line
    assert problem.line_text("tr").split(": ", 1)[1] == turkish
    assert problem.text("en") != problem.text("tr")  # the English is there for the rest of the team


def test_a_short_code_without_quotes_is_no_mistake() -> None:
    reg = registry.load(SMALL, FIXTURE_TODAY, root=ROOT, overrides={"centers": MISTAKES / "short-code-unquoted.yaml"})

    assert reg.centers[0].phones[0].number == "183"
    assert reg.warnings == ()


def test_the_real_registry_has_no_warnings() -> None:
    from tests.conftest import REAL_TODAY

    assert registry.load(ROOT / "data", REAL_TODAY, root=ROOT).warnings == ()


def test_a_warning_is_printed_and_the_entry_published() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--data", str(SMALL), "validate", str(MISTAKES / "comment-cut.yaml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("1 uyarı (yayımlanır, ama bakın):\n  tests/fixtures/editors/mistakes/comment-cut")
    assert result.stdout.startswith("Tamam: ")


@pytest.mark.parametrize(
    "line",
    [
        "    district: konak  # a comment, as editors write them",
        "    website: https://example.org/#contact",
        '    name: {tr: "Kapı #3"}',
        "    name:\n      tr: 'Kapı #3'",
    ],
)
def test_comments_and_quoted_hashes_are_not_warned_about(line: str, tmp_path: Path) -> None:
    from builder.registry import source
    from builder.registry.checks import _comment_cuts

    doc = source.parse(f"centers:\n  - id: a\n{line}\n".encode(), "centers.yaml")
    assert _comment_cuts(doc) == []
