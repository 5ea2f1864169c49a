"""The engine behind `python -m builder build|serve`: MkDocs with our event handlers, given the project and
the build's date explicitly. A build goes into a fresh folder beside site/ and replaces site/ in one step
only when it succeeded, so a failed build leaves the published folder as it was.

Moving to another engine (mkdocs-material reaches end of life in 2027) means replacing this folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from builder.engine.events import EVENTS
from builder.project import Generated, Project, generate


class BuildFailed(Exception):
    pass


def _log_to_stderr(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_kdm", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._kdm = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def build_site(project: Project, today: dt.date, strict: bool = True, verbose: bool = False) -> Generated:
    """Phase one and the pages first (a RegistryError stops everything before MkDocs starts), then the site
    into a fresh folder beside site/, which then replaces site/ in one step. Returns what was generated."""
    _log_to_stderr(verbose)
    EVENTS.attach(project, today, generate(project, today))
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.site_dir.parent))
    try:
        # One setting for where the site lives: the project's site_url (KDM_SITE_URL) becomes MkDocs' own, so
        # that the sitemap, canonical links, the language menu of the home pages and 404.html's assets follow
        # the sub-path a GitHub Pages project site is served under.
        config = load_config(
            config_file=str(project.config_file),
            site_dir=str(staging),
            strict=strict,
            docs_dir=str(project.docs_dir),
            site_url=project.site_url,
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except (Abort, PluginError) as exc:
            raise BuildFailed(str(exc)) from None
        finally:
            config.plugins.on_shutdown()
        _swap(staging, project.site_dir)
        assert EVENTS.generated is not None
        return EVENTS.generated
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(project: Project, today: dt.date, dev_addr: str) -> None:
    """Preview with live reload; mkdocs.yml's `watch:` covers data/ and site_overrides/."""
    from mkdocs.commands.serve import serve

    _log_to_stderr(verbose=True)
    EVENTS.attach(project, today, generate(project, today))
    serve(
        config_file=str(project.config_file),
        livereload=True,
        watch_theme=True,
        dev_addr=dev_addr,
        site_url=project.site_url,  # MkDocs serves the preview under its path: a sub-path is previewed as such
    )
