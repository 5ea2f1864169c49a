"""The generator's one entry point: where a project's files are, `validate()` (phase one) and `generate()`
(load -> derive -> render -> write), and the one clock.

The CLI, the engine and the tests all come through here. Nothing below reads the real date: `today` is an
argument everywhere, read once at the edge with `today()` (or set by `--today`, or by a test).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from builder.languages import SITE_LANGUAGES, TEXT_LANGUAGES, suffix
from builder.registry import load
from builder.registry.hours import TIMEZONE
from builder.site import catalog as catalog_module
from builder.site.catalog import Catalog
from builder.site.i18n import Strings, load_strings

if TYPE_CHECKING:
    from builder.site.holidays import Holiday
    from builder.site.writer import WriteReport

DATA_FILES: Final = ("centers.yaml", "districts.yaml", "hotlines.yaml", "ui.yaml")
# Where the site lives and where its sources live. The deploy workflow sets both (KDM_SITE_URL from
# actions/configure-pages, KDM_REPO_URL from the repository); a local build previews at the first.
DEFAULT_SITE_URL: Final = "http://127.0.0.1:8000/"
DEFAULT_REPO_URL: Final = "https://github.com/kdm-izmir/kdm-izmir"
SITE_URL_ENV: Final = "KDM_SITE_URL"
REPO_URL_ENV: Final = "KDM_REPO_URL"


def today() -> dt.date:
    """The one reading of the real clock: today's date in İzmir. Only the edges call it, once."""
    return dt.datetime.now(ZoneInfo(TIMEZONE)).date()


@dataclass(frozen=True)
class Project:
    root: Path
    data_dir: Path
    docs_dir: Path
    site_dir: Path
    config_file: Path
    site_url: str = DEFAULT_SITE_URL  # with a trailing slash; a sub-path such as https://x.github.io/kdm/ works
    repo_url: str = DEFAULT_REPO_URL

    @classmethod
    def at(
        cls,
        root: Path,
        data_dir: Path | None = None,
        docs_dir: Path | None = None,
        site_dir: Path | None = None,
        config_file: Path | None = None,
        site_url: str | None = None,
        repo_url: str | None = None,
    ) -> Project:
        root = root.resolve()
        return cls(
            root=root,
            data_dir=(data_dir or root / "data").resolve(),
            docs_dir=(docs_dir or root / "content").resolve(),
            site_dir=(site_dir or root / "site").resolve(),
            config_file=(config_file or root / "mkdocs.yml").resolve(),
            site_url=(site_url or DEFAULT_SITE_URL).rstrip("/") + "/",
            repo_url=(repo_url or DEFAULT_REPO_URL).rstrip("/"),
        )

    @property
    def report_url(self) -> str:
        """Where staff report a wrong, missing or new fact: the correction form (.github/ISSUE_TEMPLATE)."""
        return f"{self.repo_url}/issues/new?template=correction.yml"

    def fingerprint(self) -> str:
        """Changes whenever a data file changes: the engine regenerates the pages then, and only then."""
        digest = hashlib.sha256(str(self.docs_dir).encode())
        for name in DATA_FILES:
            path = self.data_dir / name
            digest.update(name.encode())
            digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        return digest.hexdigest()

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


@dataclass(frozen=True)
class Generated:
    catalog: Catalog
    strings: Strings
    holidays: tuple[Holiday, ...]
    pages: dict[str, str]
    report: WriteReport


def validate(project: Project, today: dt.date) -> tuple[Catalog, Strings]:
    """Phase one only. Raises RegistryError with every problem found."""
    registry = load(project.data_dir, today, root=project.root)
    strings = load_strings(project.data_dir / "ui.yaml", project.display(project.data_dir / "ui.yaml"))
    return catalog_module.derive(registry, today), strings


def generate(project: Project, today: dt.date, languages: tuple[str, ...] = SITE_LANGUAGES) -> Generated:
    """Validate everything, then (and only then) write the generated pages under docs_dir."""
    # Rendering and the exports are imported here, not above: `validate` and the editors' commands start
    # without them (a quarter of the start-up time less for every `python -m builder validate`).
    from builder import exports
    from builder.exports import history
    from builder.site import holidays as holiday_calendar
    from builder.site import pages, routes, writer
    from builder.site.context import Site

    catalog, strings = validate(project, today)
    holidays = tuple(holiday_calendar.calendar(strings, languages, today))
    site = Site(project.site_url, project.report_url)
    rendered = pages.render_all(catalog, strings, site, languages, holidays)
    # Open data lives beside the pages (content/data/ -> site/data/), so pages link to it like any file.
    # The feed of changes reads the registry's git history here, at the edge; the exports stay pure.
    versions = history.read(project.data_dir / "centers.yaml")
    rendered |= exports.files(catalog, strings, project.site_url, versions, languages)
    report = writer.write(
        rendered,
        project.docs_dir,
        (*routes.GENERATED_DIRS, routes.DATA_DIR),
        tuple(f"{routes.HOME_FILE}{suffix(lang)}.md" for lang in TEXT_LANGUAGES),
    )
    return Generated(catalog, strings, holidays, rendered, report)
