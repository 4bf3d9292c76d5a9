"""Saved-page versions of copied texts, written the way publication sites write their pages.

`site_html(text)` wraps a page's text in what a browser would have shown around it and behind it: a navigation
bar and a footer of icon links (their labels are in `aria-label`, SVG titles and `alt`, which a copy leaves out;
any words the site showed around the records are part of the copied text already), scripts holding a decoy
record, a stylesheet, a `<noscript>` notice and hidden elements. Blank-
line-separated blocks become paragraphs (lines inside one joined by `<br>`), a line with tabs a table row, names
links, the first word of longer lines a `<span>`; `&`, `<`, `>` and every non-ASCII letter are entities
(`&amp;`, `&eacute;`), runs of spaces `&nbsp;`. Reading it back must give the text's records.
"""

from __future__ import annotations

import re
from html.entities import codepoint2name

from scholarcli.normalise.names import looks_like_name

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | Example Scholar</title>
  <link rel="stylesheet" href="/static/site.css">
  <style>.lead {{ font-weight: 600 }} .sr-only {{ display: none }}</style>
  <script>window.__STATE__ = {{"title": "A Decoy Title That Is Not On The Page", "authors": ["Decoy Person"]}};</script>
</head>
<body>
  <header class="site-header">
    <nav aria-label="Main">
      <a href="/" aria-label="Home"><svg viewBox="0 0 24 24"><title>Home</title><path d="M3 12l9-9 9 9"/></svg></a>
      <a href="/search" aria-label="Search"><svg viewBox="0 0 24 24"><title>Search</title><circle r="7"/></svg></a>
    </nav>
  </header>
  <noscript><p>This site works best with JavaScript enabled. arXiv:2101.00001</p></noscript>
  <div hidden><p>Hidden duplicate: 2101.00002 Decoy Paper Title</p></div>
  <div class="sr-only" style="display:none">Skip to content</div>
  <main id="content">
"""
_FOOT = """  </main>
  <script src="/static/app.js"></script>
  <script type="application/ld+json">{"@type": "ScholarlyArticle", "name": "Decoy Structured Data"}</script>
  <footer class="site-footer">
    <a href="/terms" aria-label="Terms"><svg viewBox="0 0 24 24"><title>Terms &amp; conditions</title></svg></a>
    <a href="/feed.xml" aria-label="Feed"><img src="/static/rss.svg" alt="RSS feed"></a>
  </footer>
</body>
</html>
"""


def entities(text: str) -> str:
    """Text as HTML source: `&`, `<`, `>` escaped, non-ASCII letters as named (or numeric) entities."""
    out = []
    for ch in text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"):
        if ord(ch) < 128:
            out.append(ch)
        else:
            name = codepoint2name.get(ord(ch))
            out.append(f"&{name};" if name else f"&#{ord(ch)};")
    return re.sub(r" {2,}", lambda m: " " + "&nbsp;" * (len(m[0]) - 1), "".join(out))


def _segment(segment: str) -> str:
    bare = segment.strip()
    if bare and looks_like_name(bare):
        slug = re.sub(r"\W+", "-", bare.lower())
        lead = segment[: len(segment) - len(segment.lstrip())]
        return f'{entities(lead)}<a href="/author/{slug}" class="author">{entities(bare)}</a>'
    return entities(segment)


def _line(line: str) -> str:
    line = line.strip()
    if "\t" in line:
        cells = "".join(f"<td>{entities(c.strip())}</td>" for c in line.split("\t"))
        return f"<table><tr>{cells}</tr></table>"
    parts = line.split(",")
    html = ",".join(_segment(p) for p in parts)
    words = line.split(" ")
    if len(parts) == 1 and len(words) > 3:  # the first word in a styled span, as headings often are
        html = f'<span class="lead">{entities(words[0])}</span> {entities(" ".join(words[1:]))}'
    return html


def site_html(text: str, title: str = "Publications") -> str:
    """The page as a site would serve it (see the module docstring)."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    body = []
    for block in (b for b in blocks if b):
        if any("\t" in line for line in block):
            body.append("    <div class=\"row\">" + "".join(
                _line(line) if "\t" in line else f"<div>{_line(line)}</div>" for line in block) + "</div>")
            body.append("    <p></p>")
        else:
            body.append("    <p>" + "<br>\n      ".join(_line(line) for line in block) + "</p>")
    return _HEAD.format(title=entities(title)) + "\n".join(body) + "\n" + _FOOT
