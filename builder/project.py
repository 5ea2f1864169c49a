"""Where a project's files are, and the generator's one entry point: load -> derive -> render -> write.

Used by the CLI and by the MkDocs hook; neither has logic of its own. The result is cached per process
by the content of the data files, because mkdocs-static-i18n runs every build event once per language.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from builder import catalog as catalog_module
from builder import exports, holiday_calendar, pages, registry, writer
from builder.catalog import Catalog
from builder.i18n import Strings, load_strings
from builder.languages import SITE_LANGUAGES, TEXT_LANGUAGES, suffix

DATA_FILES = ("centers.yaml", "districts.yaml", "hotlines.yaml", "ui.yaml")
EXPORTS_DIR = "data"  # content/data/: the open-data files (builder.exports), published at /data/


@dataclass(frozen=True)
class Project:
    root: Path
    data_dir: Path
    docs_dir: Path
    site_dir: Path
    config_file: Path

    @classmethod
    def at(cls, root: Path, data_dir: Path | None = None, docs_dir: Path | None = None,
           site_dir: Path | None = None, config_file: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root=root, data_dir=(data_dir or root / "data").resolve(),
                   docs_dir=(docs_dir or root / "content").resolve(), site_dir=(site_dir or root / "site").resolve(),
                   config_file=(config_file or root / "mkdocs.yml").resolve())

    def fingerprint(self) -> str:
        digest = hashlib.sha256(str(self.docs_dir).encode())
        for name in DATA_FILES:
            path = self.data_dir / name
            digest.update(name.encode())
            digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        return digest.hexdigest()


@dataclass(frozen=True)
class Generated:
    catalog: Catalog
    strings: Strings
    pages: dict[str, str]
    report: writer.WriteReport


_cache: dict[str, Generated] = {}


def validate(project: Project) -> tuple[Catalog, Strings]:
    """Phase one only. Raises RegistryError with every problem found."""
    reg = registry.load(project.data_dir, root=project.root)
    strings = load_strings(project.data_dir / "ui.yaml", _display(project.data_dir / "ui.yaml", project.root))
    return catalog_module.derive(reg), strings


def generate(project: Project, languages: tuple[str, ...] = SITE_LANGUAGES) -> Generated:
    """Validate everything, then (and only then) write the generated pages under docs_dir."""
    key = project.fingerprint() + ",".join(languages)
    if key in _cache:
        return _cache[key]
    catalog, strings = validate(project)
    holidays = tuple(holiday_calendar.calendar(strings, languages))
    rendered = pages.render_all(catalog, strings, languages, holidays)
    # Open data lives beside the pages (content/data/ -> site/data/), so pages link to it like any file.
    rendered |= exports.files(catalog, strings, languages)
    report = writer.write(rendered, project.docs_dir, (*pages.GENERATED_DIRS, EXPORTS_DIR),
                          tuple(f"{pages.HOME_FILE}{suffix(lang)}.md" for lang in TEXT_LANGUAGES))
    _cache.clear()
    _cache[key] = result = Generated(catalog, strings, rendered, report)
    return result


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
