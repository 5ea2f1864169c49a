"""MkDocs' event handlers: generate the pages before each build, put the quick exit and the security policy
into every page, collect the search index, write `_headers` and the vendored libraries.

Their state lives on one `Events` object. The driver (builder.engine.driver) hands it the project and the
build's date with `attach()`; a plain `mkdocs build` or `mkdocs serve` (no driver) makes the project from
mkdocs.yml and reads the clock once, here at the edge. mkdocs.yml names builder/engine/hooks.py, which only
binds these handlers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from builder import project as project_module
from builder.engine import markup, policy, search, toggles, vendor
from builder.languages import DEFAULT, SITE_LANGUAGES, url_prefix
from builder.project import Generated, Project
from builder.registry import phones, wording
from builder.registry.problems import RegistryError
from builder.site import pages, routes

_PLACEHOLDER = "KDM-GENERATED-PAGE"
_BODY = re.compile(r"<body\b[^>]*>")
_CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)
# The emergency lines go at the end of Material's header title, before its options (language ...).
_HEADER_END = '<div class="md-header__option">'
_FOOTER_START = '<div class="md-copyright">'
_NOT_INDEXED = (routes.SEARCH_DIR, routes.SHEETS_DIR)  # the search page, and print copies of districts


@dataclass
class Build:
    """What one whole build (every language) collects."""

    hashes: set[str] = field(default_factory=set)  # of inline scripts, for _headers
    documents: dict[str, dict[str, search.Document]] = field(default_factory=dict)  # lang -> url -> document
    stash: dict[str, str] = field(default_factory=dict)  # generated pages' HTML, past Python-Markdown
    templates: dict[str, str] = field(default_factory=dict)  # 404.html and other templates, default language


@dataclass
class Events:
    project: Project | None = None
    today: dt.date | None = None
    generated: Generated | None = None
    fingerprint: str = ""
    env: Any = None
    build: Build = field(default_factory=Build)
    quick_exit: dict[str, str] = field(default_factory=dict)  # lang -> the rendered partial
    emergency: dict[str, str] = field(default_factory=dict)  # lang -> the emergency lines in the header

    def attach(self, project: Project, today: dt.date, generated: Generated | None = None) -> None:
        """Called by the driver before MkDocs loads anything: the project, the build's one date and, when
        phase one already ran, what it generated."""
        self.project, self.today, self.generated = project, today, generated
        self.fingerprint = project.fingerprint() if generated is not None else ""

    # --- MkDocs events ------------------------------------------------------------------------------------

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self.env = env
        return env

    def on_pre_build(self, config: Any) -> None:
        if self.project is None:  # a plain `mkdocs build`: the project is mkdocs.yml's, the date today's
            self.attach(_project_of(config), project_module.today())
        assert self.project is not None and self.today is not None
        # mkdocs-static-i18n runs every event once per language: generate once, again only if data changed.
        fingerprint = self.project.fingerprint()
        if self.generated is None or fingerprint != self.fingerprint:
            try:
                self.generated = project_module.generate(self.project, self.today)
            except RegistryError as exc:
                raise PluginError(exc.report(wording.editor_language())) from None
            self.fingerprint = fingerprint
        if config.theme["language"] == DEFAULT:
            # A whole build starts with the default language (mkdocs-static-i18n builds the others after it):
            # forget what an earlier build in this process (mkdocs serve, the tests) collected.
            self.build = Build()
        self.quick_exit, self.emergency = {}, {}

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        """Generated pages skip Python-Markdown; hand-written ones say so when they are shown in Turkish for
        want of a translation, or when a translation awaits review (front matter `translation_review`)."""
        if markdown.startswith(pages.GENERATED_MARK):
            self.build.stash[page.file.src_uri] = markdown
            return _PLACEHOLDER
        lang = config.theme["language"]
        notes = []
        if getattr(page.file, "locale", lang) != lang:
            notes.append(self._t("translation.fallback", lang))
        elif str(page.meta.get("translation_review", "done")) not in ("done", "reviewed"):
            notes.append(self._t("translation.pending", lang))
        if not notes:
            return markdown
        notice = "".join(f'<p class="kdm-translation-note" lang="{lang}">{escape(n)}</p>' for n in notes)
        return f'<div class="kdm-translation">{notice}</div>\n\n{markdown}'

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        lang = config.theme["language"]
        if html.strip() == f"<p>{_PLACEHOLDER}</p>":
            html = self.build.stash.pop(page.file.src_uri)
        else:  # Markdown's "Permanent link" on every heading, in the reader's language; lines made call links
            label = escape(self._t("page.section_link", lang))
            html = markup.call_links(html.replace('title="Permanent link"', f'title="{label}" aria-label="{label}"'))
        parts = page.url.split("/")
        if parts[1 if parts[0] in SITE_LANGUAGES else 0] not in _NOT_INDEXED:
            self.build.documents.setdefault(lang, {})[page.url] = search.Document(
                page.url, unescape(page.title or ""), search.plain_text(html)
            )
        to_root = "../" * page.url.count("/")
        label = escape(self._t("page.print_url", lang))
        # A page with fill-in fields (the safety plan) gets the script that keeps nothing of what she types.
        plan = ""
        if "data-kdm-plan-field" in html:
            first = html.index('<p class="kdm-plan__field">')
            button = (
                '<p><button type="button" class="md-button md-button--primary" hidden data-kdm-plan-print>'
                f"{escape(self._t('sheet.print', lang))}</button></p>"
            )
            html = html[:first] + button + html[first:]
            plan = f'<script src="{to_root}assets/kdm/safety-plan.js" defer></script>'
        return (
            f'{html}<p class="kdm-print-url">{label} <span dir="ltr" data-kdm-print-url></span></p>'
            f'<script src="{to_root}assets/kdm/print.js" defer></script>{plan}'
        )

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self._finish(output, config, "../" * page.url.count("/"))

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        if not template_name.endswith(".html"):
            return output_content
        # mkdocs-static-i18n renders 404.html once per language into the same root file; the last language
        # would win. The root 404 page is the default language's.
        if config.theme["language"] == DEFAULT:
            self.build.templates[template_name] = self._finish(output_content, config, _site_path(config))
        return self.build.templates.get(template_name) or self._finish(output_content, config, _site_path(config))

    def on_post_build(self, config: Any) -> None:
        # Runs once per language; mkdocs-static-i18n keeps site_dir at the root and prefixes the pages.
        site = Path(config.site_dir)
        (site / "_headers").write_text(policy.headers_file(self.build.hashes), encoding="utf-8")
        vendor.copy_into(site)
        lang = config.theme["language"]
        index = site / routes.search_index(lang)
        index.parent.mkdir(exist_ok=True)
        index.write_text(search.index_json(list(self.build.documents.get(lang, {}).values())), encoding="utf-8")

    # --- helpers -----------------------------------------------------------------------------------------

    def _t(self, key: str, lang: str) -> str:
        assert self.generated is not None
        return self.generated.strings.get(key, lang)

    def _partials(self, config: Any) -> tuple[str, str]:
        """The quick exit and the emergency lines of the language, rendered once per build."""
        lang = config.theme["language"]
        if lang not in self.quick_exit:
            assert self.generated is not None
            table = self.generated.strings.table
            # MkDocs renders its templates without autoescape: every value from data/ is escaped here.
            ui = {key: escape(values[lang]) for key, values in table.items() if lang in values}
            quick_exit = self.env.get_template("partials/quick-exit.html")
            lines = [
                {
                    "tel": escape(phones.tel_uri(p.number)),
                    "short": escape(phones.national(p.number)),
                    "name": escape(h.name.get(lang)),
                }
                for h in self.generated.catalog.hotlines
                if h.emergency
                for p in h.phones
                if p.number
            ]
            emergency = self.env.get_template("partials/emergency.html")
            self.quick_exit[lang] = quick_exit.render(ui=ui, quick_exit_url=escape(config.extra["quick_exit_url"]))
            self.emergency[lang] = emergency.render(ui=ui, lines=lines)
        return self.quick_exit[lang], self.emergency[lang]

    def _finish(self, html: str, config: Any, to_root: str) -> str:
        """Make the quick exit the body's first element, put 112 and ALO 183 in the header, the accessibility
        statement in the footer and the policy before anything that loads. `to_root`: the site's root seen
        from the page (relative, or the site's path for templates served at any depth, as 404.html is)."""
        body = _BODY.search(html)
        charset = _CHARSET.search(html)
        header = html.find(_HEADER_END)
        footer = html.find(_FOOTER_START)
        if body is None or charset is None or header < 0 or footer < 0:
            raise PluginError(
                "a page without <body>, <meta charset>, Material's header or its footer: the quick exit, the "
                "emergency lines or the accessibility statement's link cannot be inserted"
            )
        lang = config.theme["language"]
        footer += len(_FOOTER_START)
        statement = f"{to_root}{url_prefix(lang)}{routes.STATEMENT_PAGE}/"
        link = (
            f'<a class="kdm-footer-link" href="{escape(statement)}">{escape(self._t("footer.accessibility", lang))}</a>'
        )
        html = html[:footer] + link + html[footer:]
        quick_exit, emergency = self._partials(config)
        html = html[:header] + emergency + html[header:]
        labels = {"drawer": self._t("toggle.menu", lang), "search": self._t("search.title", lang)}
        try:
            html = toggles.name_toggles(html, labels)
        except toggles.ToggleMissing as exc:
            raise PluginError(str(exc)) from None
        html = policy.outbound_rel(html[: body.end()] + quick_exit + html[body.end() :])
        hashes = {policy.script_hash(s) for s in policy.inline_scripts(html)}
        self.build.hashes |= hashes
        meta = policy.meta_tag(hashes, tiles='class="folium-map"' in html)  # tiles only where a map is shown
        return html[: charset.end()] + meta + html[charset.end() :]


def _site_path(config: Any) -> str:
    """The site's path on its host ("/", or "/<repository>/" for a GitHub Pages project site)."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def _project_of(config: Any) -> Project:
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return Project.at(
        root,
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        config_file=Path(config.config_file_path or "mkdocs.yml"),
        site_url=config.site_url,
    )


EVENTS = Events()
