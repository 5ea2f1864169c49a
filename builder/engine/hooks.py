"""The file mkdocs.yml names under `hooks:`. MkDocs loads it by path, as a module of its own; the handlers
and their state are the one `Events` object of builder.engine.events, which the driver also sees."""

from builder.engine.events import EVENTS

on_env = EVENTS.on_env
on_pre_build = EVENTS.on_pre_build
on_page_markdown = EVENTS.on_page_markdown
on_page_content = EVENTS.on_page_content
on_post_page = EVENTS.on_post_page
on_post_template = EVENTS.on_post_template
on_post_build = EVENTS.on_post_build
