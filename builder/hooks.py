"""Everything MkDocs-specific, in one thin module (mkdocs-material reaches end of life in 2027).

- As an MkDocs hook (mkdocs.yml `hooks:`): generate the pages before each build, so plain
  `mkdocs build` / `mkdocs serve` work too.
- As the engine behind `python -m builder build|serve`: build into a temporary folder and swap it
  into place only when the build succeeded, so a failed build leaves site/ as it was.
Moving to another engine means replacing this file.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from html import escape, unescape
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from builder import pages, policy, search, vendor
from builder.languages import DEFAULT, SITE_LANGUAGES
from builder.problems import RegistryError
from builder.project import Project, generate

DATA_ENV = "KDM_DATA_DIR"  # lets benchmarks and tests point a build at another registry


def project_of(config: Any) -> Project:
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    data = os.environ.get(DATA_ENV)
    return Project.at(root, data_dir=Path(data) if data else None, docs_dir=Path(config.docs_dir),
                      site_dir=Path(config.site_dir), config_file=Path(config.config_file_path or "mkdocs.yml"))


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


def build_site(project: Project, strict: bool = True, verbose: bool = False) -> None:
    """Build into a fresh folder beside site/, then replace site/ with it in one step."""
    _log_to_stderr(verbose)
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.site_dir.parent))
    try:
        config = load_config(config_file=str(project.config_file), site_dir=str(staging), strict=strict,
                             docs_dir=str(project.docs_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except (Abort, PluginError) as exc:
            raise BuildFailed(str(exc)) from None
        finally:
            config.plugins.on_shutdown()
        old = project.site_dir.with_name(f".{project.site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if project.site_dir.exists():
            project.site_dir.rename(old)
        staging.rename(project.site_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def serve_site(project: Project, dev_addr: str) -> None:
    """Preview with live reload; mkdocs.yml's `watch:` covers data/ and site_overrides/."""
    from mkdocs.commands.serve import serve

    _log_to_stderr(verbose=True)
    serve(config_file=str(project.config_file), livereload=True, watch_theme=True, dev_addr=dev_addr)


# --- theme integration: quick exit, security policy -----------------------------------------------------

_theme: dict[str, Any] = {"env": None, "hashes": set(), "documents": {}, "quick_exit": {}, "stash": {}, "templates": {}}
_PLACEHOLDER = "KDM-GENERATED-PAGE"
_BODY = re.compile(r"<body\b[^>]*>")
_CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)


def on_env(env: Any, config: Any, files: Any) -> Any:
    _theme["env"] = env
    return env


def on_pre_build(config: Any) -> None:
    try:
        _theme["generated"] = generate(project_of(config))  # once per language build: cached by content
    except RegistryError as exc:
        raise PluginError(exc.report()) from None
    if config.theme["language"] == DEFAULT:
        # A whole build starts with the default language (mkdocs-static-i18n builds the others after it):
        # forget what an earlier build in this process (mkdocs serve, the tests) collected.
        _theme.update(hashes=set(), documents={}, stash={}, templates={})
    _theme["quick_exit"] = {}  # rendered once per language and build, below


def _quick_exit(config: Any) -> str:
    lang = config.theme["language"]
    if lang not in _theme["quick_exit"]:
        strings = _theme["generated"].strings
        ui = {key: values[lang] for key, values in strings.table.items() if lang in values}
        partial = _theme["env"].get_template("partials/quick-exit.html")
        _theme["quick_exit"][lang] = partial.render(ui=ui, quick_exit_url=config.extra["quick_exit_url"])
    return _theme["quick_exit"][lang]


def _finish(html: str, config: Any) -> str:
    """Make the quick exit the body's first element and put the policy before anything that loads."""
    body = _BODY.search(html)
    charset = _CHARSET.search(html)
    if body is None or charset is None:
        raise PluginError("a page without <body> or <meta charset>: the quick exit cannot be inserted")
    html = policy.outbound_rel(html[: body.end()] + _quick_exit(config) + html[body.end():])
    hashes = {policy.script_hash(s) for s in policy.inline_scripts(html)}
    _theme["hashes"] |= hashes
    meta = policy.meta_tag(hashes, tiles='class="folium-map"' in html)  # tiles only where a map is shown
    return html[: charset.end()] + meta + html[charset.end():]


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Say so when a page is shown in Turkish because it has no translation yet, or when its translation
    has not been reviewed by a native speaker (front matter `translation_review: pending`)."""
    if markdown.startswith(pages.GENERATED_MARK):
        # Finished, escaped HTML: stash it past Python-Markdown (which would only parse it again) and put
        # it back in on_page_content.
        _theme["stash"][page.file.src_uri] = markdown
        return _PLACEHOLDER
    lang = config.theme["language"]
    strings = _theme["generated"].strings
    file_lang = getattr(page.file, "locale", lang)
    notes = []
    if file_lang != lang:
        notes.append(strings.get("translation.fallback", lang))
    elif str(page.meta.get("translation_review", "done")) not in ("done", "reviewed"):
        notes.append(strings.get("translation.pending", lang))
    if not notes:
        return markdown
    notice = "".join(f'<p class="kdm-translation-note" lang="{lang}">{escape(n)}</p>' for n in notes)
    return f'<div class="kdm-translation">{notice}</div>\n\n{markdown}'


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if html.strip() == f"<p>{_PLACEHOLDER}</p>":
        html = _theme["stash"].pop(page.file.src_uri)
    else:  # Markdown's "Permanent link" on every heading, in the reader's language
        label = escape(_theme["generated"].strings.get("page.section_link", config.theme["language"]))
        html = html.replace('title="Permanent link"', f'title="{label}" aria-label="{label}"')
    section = page.url.split("/")[1 if page.url.split("/")[0] in SITE_LANGUAGES else 0]
    if section not in (pages.SEARCH_DIR, pages.SHEETS_DIR):  # the search page, and print copies of districts
        documents = _theme["documents"].setdefault(config.theme["language"], {})
        documents[page.url] = search.Document(page.url, unescape(page.title or ""), search.plain_text(html))
    to_root = "../" * page.url.count("/")
    label = escape(_theme["generated"].strings.get("page.print_url", config.theme["language"]))
    return (f'{html}<p class="kdm-print-url">{label} <span dir="ltr" data-kdm-print-url></span></p>'
            f'<script src="{to_root}assets/kdm/print.js" defer></script>')


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _finish(output, config)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    if not template_name.endswith(".html"):
        return output_content
    # mkdocs-static-i18n renders 404.html once per language into the same root file; the last language
    # would win. The root 404 page is the default language's.
    if config.theme["language"] == DEFAULT:
        _theme["templates"][template_name] = _finish(output_content, config)
    return _theme["templates"].get(template_name) or _finish(output_content, config)


def on_post_build(config: Any) -> None:
    # Runs once per language; mkdocs-static-i18n keeps site_dir at the root and prefixes the pages.
    site = Path(config.site_dir)
    (site / "_headers").write_text(policy.headers_file(_theme["hashes"]), encoding="utf-8")
    vendor.copy_into(site)
    lang = config.theme["language"]
    (site / "search").mkdir(exist_ok=True)
    documents = list(_theme["documents"].get(lang, {}).values())
    (site / "search" / f"{lang}.json").write_text(search.index_json(documents), encoding="utf-8")
