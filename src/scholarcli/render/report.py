"""`scholar report`: one self-contained HTML page about a person's works.

Everything is inline (CSS, a little JavaScript, SVG charts), so the page opens offline from an email or a USB
stick; a Content-Security-Policy forbids any network access and any script but the page's own. All content is
in the HTML: JavaScript only adds the search box and sortable headers. Every text read from pages is escaped.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import cache
from html import escape
from importlib import resources
from typing import TextIO
from urllib.parse import quote

from scholarcli.model import Work
from scholarcli.model.results import Coauthors
from scholarcli.query.report import ReportInput

#: Input files named in the header before "and N more".
FILES_IN_HEADER = 3


def identifier_links(arxiv_id: str | None, doi: str | None, pmid: str | None) -> list[tuple[str, str | None]]:
    """(label, URL) for each identifier; the URL is None when the identifier cannot make a safe link."""
    links: list[tuple[str, str | None]] = []
    if arxiv_id:
        links.append((f"arXiv:{arxiv_id}", "https://arxiv.org/abs/" + quote(arxiv_id, safe="/.")))
    if doi:
        ok = doi.startswith("10.") and "/" in doi
        links.append((f"doi:{doi}", "https://doi.org/" + quote(doi, safe="/:;()._-") if ok else None))
    if pmid:
        links.append((f"PMID:{pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None))
    return links


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {words or word + 's'}"


# ------------------------------------------------------------------------------------------- assets


@cache
def _asset(name: str) -> str:
    return resources.files("scholarcli.render").joinpath("assets", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _policy(style: str, script: str) -> str:
    """No network at all, and no script or style but the page's own (by hash), whatever the data holds."""
    return (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------------------------- page


def write_report(data: ReportInput, out: TextIO) -> None:
    """Write the page."""
    out.write(render_report(data))


def render_report(data: ReportInput) -> str:
    """The whole page as one string."""
    from scholarcli.render.network_layout import layout_network
    from scholarcli.render.report_svg import network_chart, year_chart

    style, script = _asset("report.css"), _asset("report.js")
    person = data.person
    heading = f"{person} — publication report" if person else "Publication report"
    per_year = Counter(w.year for w in data.works if w.year is not None)
    out = [
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light dark">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_policy(style, script)}">\n',
        f'<meta name="generator" content="scholar {escape(data.version)}">\n',
        f"<title>{escape(heading)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        _header(data, per_year),
        '<nav aria-label="Sections"><p class="note"><a href="#per-year">Works per year</a> · '
        '<a href="#coauthors">Coauthors</a> · <a href="#all-works">All works</a> · '
        '<a href="#how-built">How this was built</a></p></nav>\n',
        '<section id="per-year" aria-labelledby="per-year-h"><h2 id="per-year-h">Works per year</h2>\n',
    ]
    if per_year:
        out.append(f"<figure>{year_chart(per_year)}</figure>\n")
    undated = sum(1 for w in data.works if w.year is None)
    if undated or not per_year:
        out.append(f'<p class="note">{_plural(undated, "work has", "works have")} no year and no bar.</p>\n')
    out.append("</section>\n")
    out.append('<section id="coauthors" aria-labelledby="coauthors-h"><h2 id="coauthors-h">Coauthors</h2>\n')
    network = data.network
    if network is not None and network.rows:
        layout = layout_network(network.author, [(r.name, r.works) for r in network.rows], network.edges)
        out.append(f"<figure>{network_chart(layout)}<figcaption class=\"note\">{_network_caption(data)}"
                   "</figcaption></figure>\n")
        out.append(_coauthor_table(data, network))
    elif person:
        out.append(f'<p class="note">{escape(person)} has no coauthors with at least '
                   f"{_plural(data.min_works, 'shared work')} in these works.</p>\n")
    else:
        out.append('<p class="note">No work names its authors, so there is no coauthor network.</p>\n')
    out.append("</section>\n")
    out.append(_works_table(data))
    out.append(_build_section(data))
    out.append(f"<script>{script}</script>\n</body>\n</html>\n")
    return "".join(out)


def _header(data: ReportInput, per_year: Counter[int]) -> str:
    works = len(data.works)
    files = list(data.read.files)
    figures: list[tuple[str, str]] = [
        ("Works", f"{works:,}"),
        ("Records", f"{data.read.records:,}"),
        ("Sources", f"{len(files):,}"),
    ]
    if per_year:
        first, last = min(per_year), max(per_year)
        figures.append(("Years active", f"{first}–{last}" if last > first else str(first)))
    cited = data.citations
    if cited is not None:
        figures.append(("Citations", f"{cited[0]:,}"))
        figures.append(("h-index", str(cited[1])))
    if data.network is not None:
        figures.append(("Coauthors", f"{data.coauthors_total:,}"))
    out = [f"<header>\n<h1>{escape(data.person or 'Publication report')}</h1>\n", f'<p class="lead">{_lead(data)}']
    if cited is not None and cited[2] < works:
        out.append(f" Citations are known for {_plural(cited[2], 'work')} of {works:,}.")
    out.append("</p>\n<dl class=\"figures\">")
    out.extend(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in figures)
    out.append("</dl>\n")
    shown = ", ".join(f"<code>{escape(p)}</code>" for p in files[:FILES_IN_HEADER])
    more = f" and {len(files) - FILES_IN_HEADER:,} more" if len(files) > FILES_IN_HEADER else ""
    when = data.generated.strftime("%Y-%m-%d %H:%M %Z").strip()
    out.append(f'<p class="made">Made on {escape(when)} by scholar {escape(data.version)} from {shown}{more} '
               '(see <a href="#how-built">how this was built</a>).</p>\n</header>\n')
    return "".join(out)


def _lead(data: ReportInput) -> str:
    works = len(data.works)
    if data.person is None:
        return f"{_plural(works, 'work')}; no work names its authors."
    who = f"<strong>{escape(data.person)}</strong>"
    filters = f" matching {escape(' '.join(data.filters))}" if data.filters else ""
    if data.person_given:
        return f"{_plural(works, 'work')} by {who}{filters}."
    return (f"{_plural(works, 'work')}{filters}, {data.person_works:,} of them by {who}, who appears in the most "
            "works (choose someone else with <code>--author</code>).")


def _network_caption(data: ReportInput) -> str:
    assert data.network is not None
    shown = len(data.network.rows)
    parts = [f"{escape(data.network.author)} in the middle; each coauthor nearer and larger for more shared works, "
             "lines thicker for more shared works (hover for counts)."]
    if shown < data.coauthors_total:
        parts.append(f"Showing the top {shown:,} of {data.coauthors_total:,} coauthors (<code>--limit</code>).")
    if data.min_works > 1:
        parts.append(f"Only coauthors with at least {data.min_works} shared works (<code>--min-works</code>).")
    if data.network.truncated_works:
        parts.append(f"{_plural(data.network.truncated_works, 'work lists', 'works list')} only some authors, "
                     "so counts may be higher.")
    return " ".join(parts)


def _coauthor_table(data: ReportInput, network: Coauthors) -> str:
    lower = "≥ " if network.truncated_works else ""
    out = [
        '<table class="sortable coauthors">',
        f"<caption>Top coauthors of {escape(network.author)}: {_plural(len(network.rows), 'person', 'people')}"
        "</caption>",
        '<thead><tr><th scope="col">Coauthor</th><th scope="col" class="num" aria-sort="descending">Shared works</th>'
        '<th scope="col" class="num">First year</th><th scope="col" class="num">Last year</th>'
        '<th scope="col">Spellings</th></tr></thead><tbody>',
    ]
    for row in network.rows:
        out.append(
            f'<tr><th scope="row">{escape(row.name)}</th><td class="num" data-sort="{row.works}">{lower}{row.works}'
            f'</td><td class="num">{row.first_year or ""}</td><td class="num">{row.last_year or ""}</td>'
            f"<td>{escape('; '.join(row.variants))}</td></tr>"
        )
    out.append("</tbody></table>\n")
    return "".join(out)


def _title_cell(work: Work) -> str:
    if work.title:
        return escape(work.title)
    opening = " ".join((work.abstract or "").split())
    if len(opening) > 120:
        opening = opening[:120].rsplit(" ", 1)[0] + "…"
    return f'<span class="untitled">No title. {escape(opening)}</span>'


def _authors_cell(work: Work, person: frozenset[str]) -> str:
    names = [f"<strong>{escape(a)}</strong>" if a in person else escape(a) for a in work.authors]
    text = ", ".join(names)
    return text + " et al." if work.authors_truncated and names else text


def _ids_cell(work: Work) -> str:
    parts = []
    for label, url in identifier_links(work.arxiv_id, work.doi, work.pmid):
        parts.append(f'<a href="{escape(url)}">{escape(label)}</a>' if url else escape(label))
    return "<br>".join(parts)


def _sources_cell(work: Work) -> str:
    return "<br>".join(f"{escape(s.path)}:{s.line} ({escape(s.layout)})" for s in work.sources)


def _works_table(data: ReportInput) -> str:
    n = len(data.works)
    out = [
        '<section id="all-works" aria-labelledby="all-works-h"><h2 id="all-works-h">All works</h2>\n',
        '<div class="search" hidden><label for="filter">Filter works</label>'
        '<input type="search" id="filter" placeholder="words in a title, author, venue, year or id" autocomplete="off">'
        f'<span id="filter-status" role="status">Showing all {n:,} works</span></div>\n',
        '<table class="sortable works" id="works">',
        f"<caption>{_plural(n, 'work')}, newest first</caption>",
        '<thead><tr><th scope="col" aria-sort="descending">Year</th><th scope="col">Title</th>'
        '<th scope="col">Authors</th><th scope="col">Venue</th><th scope="col">Identifiers</th>'
        '<th scope="col">Sources</th></tr></thead>\n<tbody>\n',
    ]
    person = data.person_spellings
    for work in data.works:
        when = work.date or (str(work.year) if work.year is not None else "")
        out.append(
            f'<tr><td data-sort="{escape(when)}">{work.year if work.year is not None else ""}</td>'
            f"<td>{_title_cell(work)}</td><td>{_authors_cell(work, person)}</td>"
            f"<td>{escape(work.venue or '')}</td><td>{_ids_cell(work)}</td><td>{_sources_cell(work)}</td></tr>\n"
        )
    out.append('</tbody></table>\n<p class="more" hidden><button type="button" id="more">Show more works</button></p>\n'
               "</section>\n")
    return "".join(out)


def _build_section(data: ReportInput) -> str:
    read = data.read
    merged = read.records - read.works
    out = [
        '<section id="how-built" class="build" aria-labelledby="how-built-h">'
        '<h2 id="how-built-h">How this was built</h2>\n',
        f"<p>scholar {escape(data.version)} read {_plural(read.records, 'record')} from "
        f"{_plural(len(read.files), 'file')} and merged records of the same work (same arXiv id or DOI, or the "
        f"same or nearly the same title): {_plural(merged, 'record was', 'records were')} merged, leaving "
        f"{_plural(read.works, 'work')}.",
    ]
    if data.filters:
        out.append(f" The filters {escape(' '.join(data.filters))} keep {_plural(len(data.works), 'work')}.")
    several = sum(1 for w in data.works if len(w.sources) > 1)
    out.append(f" {_plural(several, 'work shown combines', 'works shown combine')} more than one record.</p>\n")
    out.append('<table class="files"><caption>Files read</caption><thead><tr><th scope="col">File</th>'
               '<th scope="col">Layout</th><th scope="col" class="num">Records</th></tr></thead><tbody>')
    for path, (layout, n) in read.files.items():
        out.append(f'<tr><th scope="row"><code>{escape(path)}</code></th><td>{escape(layout)}</td>'
                   f'<td class="num">{n:,}</td></tr>')
    out.append("</tbody></table>\n<p>Records per layout: ")
    out.append(", ".join(f"{escape(layout)} {n:,}" for layout, n in read.layouts.items()) + ".</p>\n")
    if read.warnings:
        out.append(f"<p>{_plural(len(read.warnings), 'warning')} while reading:</p>\n<ul class=\"warnings\">")
        out.extend(f"<li>{escape(w)}</li>" for w in read.warnings)
        out.append("</ul>\n")
    else:
        out.append("<p>No warnings while reading.</p>\n")
    out.append("</section>\n")
    return "".join(out)
