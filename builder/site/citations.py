"""Evidence in words, for readers: beside each fact what it rests on and how old it is ("from a news report
(March 2021)", "confirmed by a call on 3 December 2026"), and the sources and checks of an entry as a list.
Formatting only: what a fact rests on was derived in phase one (builder.site.evidence)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_skeleton

from builder.registry.evidence import Check, Published, Source
from builder.site.context import Context
from builder.site.evidence import FactEvidence


def when(ctx: Context, value: Published | dt.date) -> str:
    """A date to the precision it is known: "2015", "March 2021", "12 March 2026"."""
    if isinstance(value, dt.date):
        return ctx.fmt.date(value)
    if value.day is not None:
        return ctx.fmt.date(value.first_day())
    if value.month is not None:
        return str(format_skeleton("yMMMM", value.first_day(), locale=ctx.fmt.locale))
    return str(value.year)


def source_when(ctx: Context, source: Source) -> str:
    if source.published is None:
        return ctx.t("evidence.undated", date=ctx.fmt.date(source.read))
    return when(ctx, source.published)


def fact_text(ctx: Context, fact: FactEvidence) -> str:
    """What one fact rests on, in one short phrase."""
    confirmed = fact.confirmed
    if confirmed is not None:
        return ctx.t(f"evidence.{confirmed.method}", date=ctx.fmt.date(confirmed.date))
    page = [c for c in fact.checks if c.method == "operator-page"]
    if page:
        return ctx.t("evidence.operator-page", date=ctx.fmt.date(max(c.date for c in page)))
    newest = fact.newest_source
    if newest is None:
        return ""
    official = [s for s in fact.sources if s.kind in ("operator", "register")]
    if official:
        best = max(official, key=lambda s: (s.published.last_day() if s.published else dt.date.min, s.read))
        return ctx.t(f"evidence.{best.kind}", when=source_when(ctx, best))
    if newest.kind == "news" and fact.independent > 1:
        return ctx.t("evidence.news_many", n=str(fact.independent), when=source_when(ctx, newest))
    return ctx.t(f"evidence.{newest.kind}", when=source_when(ctx, newest))


def fact_view(ctx: Context, fact: FactEvidence | None) -> dict[str, str]:
    """{"text": what it rests on, "inferred": what an editor added (said to readers), "basis": the code}."""
    if fact is None:
        return {"text": "", "inferred": "", "basis": ""}
    return {
        "text": fact_text(ctx, fact),
        "inferred": fact.inferred.get(ctx.lang) if fact.inferred else "",
        "basis": fact.basis,
    }


def sources_view(ctx: Context, sources: list[Source]) -> list[dict[str, Any]]:
    return [
        {
            "url": s.url,
            "publisher": s.publisher,
            "kind": ctx.t(f"evidence.kind.{s.kind}"),
            "published": source_when(ctx, s),
            "read": ctx.fmt.date(s.read),
            "read_iso": s.read.isoformat(),
            "quote": s.quote or "",
        }
        for s in sources
    ]


def checks_view(ctx: Context, checks: list[Check], fact_names: dict[str, str]) -> list[dict[str, str]]:
    """Newest first. `fact_names` turns a check's names of facts (a phone number ...) into words."""
    out = []
    for check in sorted(checks, key=lambda c: c.date, reverse=True):
        line = ctx.t(
            "evidence.check",
            date=ctx.fmt.date(check.date),
            method=ctx.t(f"check.{check.method}"),
            by=ctx.t(f"role.{check.by}"),
        )
        confirmed = ctx.fmt.join([fact_names.get(name, name) for name in check.confirmed])
        wrong = ctx.fmt.join([fact_names.get(name, name) for name in check.wrong])
        out.append(
            {
                "line": line,
                "date_iso": check.date.isoformat(),
                "confirmed": ctx.t("evidence.confirmed", facts=confirmed) if confirmed else "",
                "wrong": ctx.t("evidence.wrong", facts=wrong) if wrong else "",
                "note": check.note or "",
            }
        )
    return out
