"""`scholar report`: the page's content, its escaping, self-containment and determinism (no browser needed)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import AS_OF, ROOT, SEEDS, invoke
from scholarcli.model import Source, Work
from scholarcli.normalise.names import PersonIndex
from scholarcli.query.report import ReadStats, citation_figures, gather, h_index
from scholarcli.render.network_layout import layout_network
from scholarcli.render.report import identifier_links, render_report
from scholarcli.render.report_svg import year_chart

HOSTILE = ROOT / "tests" / "data" / "hostile_markup.txt"
FIXED = {"SOURCE_DATE_EPOCH": "1795392000"}  # 2026-11-23 00:00 UTC


class _Cells(HTMLParser):
    """Collects the text of each works-table row, and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self._in_works = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self._in_works = dict(attrs).get("id") == "works"
        elif self._in_works and tag == "tr":
            self.rows.append([])
        elif self._in_works and tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_works = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def _report(tmp_path: Path, *args: str | Path) -> tuple[str, str]:
    out = tmp_path / "report.html"
    result = invoke("report", "--as-of", AS_OF, "-o", out, *args, env=FIXED)
    assert result.code == 0, result.stderr
    return out.read_text("utf-8"), result.stderr


def test_report_of_the_seeds_holds_every_work(tmp_path: Path) -> None:
    html, stderr = _report(tmp_path, SEEDS)
    works = invoke("list-works", "--json", "--as-of", AS_OF, SEEDS).json()
    rows = _parse(html).rows[1:]  # the header row has no <td>
    assert len(rows) == len(works) == 68
    titles = {r[1] for r in rows if not r[1].startswith("No title.")}
    assert titles == {w["title"] for w in works if w["title"]}
    assert f"wrote {tmp_path / 'report.html'}: 68 works" in stderr
    bars = re.findall(r'<rect class="bar" data-year="(\d+)" data-count="(\d+)"', html)
    years = {w["year"] for w in works if w["year"] is not None}
    assert {int(y) for y, _ in bars} == years
    assert sum(int(n) for _, n in bars) == sum(1 for w in works if w["year"] is not None)
    assert "<h1>Juhua Hu</h1>" in html and "20 of them by <strong>Juhua Hu</strong>" in html
    assert "Made on 2026-11-23 00:00 UTC" in html
    assert "3 works have no year" in html


def test_identifiers_become_links_and_sources_are_listed(tmp_path: Path) -> None:
    html, _ = _report(tmp_path, SEEDS)
    assert '<a href="https://arxiv.org/abs/2103.13559">arXiv:2103.13559</a>' in html
    assert re.search(r"seeds/001_b8832e2ac9d70d9f\.txt:\d+ \(arxiv-listing\)", html)
    built = html.split('id="how-built"', 1)[1]
    assert "72 records from 5 files" in built and "4 records were merged, leaving 68 works" in built
    assert "arxiv-abstracts 10, arxiv-listing 20, feed 32, paper-page 6, profile 4" in built


def test_hostile_markup_is_escaped(tmp_path: Path) -> None:
    html, _ = _report(tmp_path, HOSTILE)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    parsed = _parse(html)
    titles = [r[1] for r in parsed.rows[1:]]
    assert "<script>alert(1)</script>" in titles
    assert any('<img src=x onerror="window.pwned=1">' in r[2] for r in parsed.rows[1:])
    scripts = [t for t, _ in parsed.tags if t == "script"]
    assert len(scripts) == 1  # the page's own
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)


def test_the_page_needs_no_network(tmp_path: Path) -> None:
    html, _ = _report(tmp_path, SEEDS, HOSTILE)
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag not in {"link", "iframe", "img", "object", "embed", "base"}, tag
        if tag == "script":
            assert "src" not in attrs
        if tag != "a":
            assert not any(v and re.match(r"\s*(https?:)?//", v) for v in attrs.values()), (tag, attrs)
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    policy = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    hashes = re.fullmatch(r"default-src 'none'; style-src '(sha256-\S+)'; script-src '(sha256-\S+)'; "
                          r"img-src data:; base-uri 'none'; form-action 'none'", policy or "")
    assert hashes is not None, policy
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    for text, expected in ((style, hashes[1]), (script, hashes[2])):
        assert "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() == expected


def test_same_input_same_page(tmp_path: Path) -> None:
    first, _ = _report(tmp_path, SEEDS)
    second, _ = _report(tmp_path, SEEDS)
    assert first == second
    files = sorted(SEEDS.glob("*.txt"))
    reordered, _ = _report(tmp_path, *reversed(files))

    def network(html: str) -> str:
        return html.split('<svg class="chart network"', 1)[1].split("</svg>", 1)[0]

    assert network(reordered) == network(first)


def test_author_picks_the_person_and_filters_the_works(tmp_path: Path) -> None:
    html, _ = _report(tmp_path, "--author", "qi qian", "--min-works", "2", "--limit", "3", SEEDS)
    works = invoke("list-works", "--json", "--author", "Qi Qian", SEEDS).json()
    assert len(_parse(html).rows) - 1 == len(works)
    assert "<h1>Qi Qian</h1>" in html
    table = html.split('<table class="sortable coauthors">', 1)[1].split("</table>", 1)[0]
    assert table.count('<th scope="row">') == 3
    assert "Showing the top 3 of" in html and "at least 2 shared works" in html


def test_report_to_stdout_and_errors(tmp_path: Path) -> None:
    result = invoke("report", "-o", "-", "--as-of", AS_OF, SEEDS)
    assert result.code == 0 and result.stdout.startswith("<!doctype html>") and result.stdout.endswith("</html>\n")
    missing = invoke("report", "--author", "Nobody Atall", "-o", tmp_path / "x.html", SEEDS)
    assert missing.code == 1 and "no author matches" in missing.stderr
    unwritable = invoke("report", "-o", tmp_path / "no" / "such" / "dir.html", SEEDS)
    assert unwritable.code == 4 and "cannot write" in unwritable.stderr and "Traceback" not in unwritable.stderr
    none = invoke("report", "--since", "2099", "-o", tmp_path / "x.html", SEEDS)
    assert none.code == 1 and "no works match" in none.stderr


def test_warnings_are_shown_in_how_this_was_built(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    html, stderr = _report(tmp_path, SEEDS, empty)
    assert "is empty" in stderr
    built = html.split('id="how-built"', 1)[1]
    assert "1 warning while reading" in built and "empty.txt: is empty" in built


# ------------------------------------------------------------------------------------------- pieces


def test_h_index_and_citation_figures() -> None:
    assert h_index([]) == 0
    assert h_index([0, 0]) == 0
    assert h_index([10, 8, 5, 4, 3]) == 4
    assert h_index([25, 8, 5, 3, 3]) == 3
    assert h_index([1, 1, 1]) == 1
    assert citation_figures([None, None]) is None
    assert citation_figures([3, None, 1, 0]) == (4, 1, 3)


def test_identifier_links_are_quoted() -> None:
    links = identifier_links("hep-th/9711200", '10.1002/(SICI)1097-4571"<x>', "31452104")
    assert links[0] == ("arXiv:hep-th/9711200", "https://arxiv.org/abs/hep-th/9711200")
    assert links[1][1] == "https://doi.org/10.1002/(SICI)1097-4571%22%3Cx%3E"
    assert links[2] == ("PMID:31452104", "https://pubmed.ncbi.nlm.nih.gov/31452104/")
    assert identifier_links(None, "not a doi", "PMC123")[0][1] is None
    assert identifier_links(None, None, "PMC123") == [("PMID:PMC123", None)]


def test_year_chart_has_one_bar_per_year_with_works() -> None:
    svg = year_chart({2019: 3, 2021: 1, 2024: 12})
    assert svg.count('<rect class="bar"') == 3
    assert "<title>2020" not in svg and "<title>2024: 12 works</title>" in svg and "<title>2021: 1 work</title>" in svg
    assert ">2020</text>" in svg  # an empty year keeps its place on the axis
    assert "<title id=\"years-title\">" in svg and 'role="img"' in svg
    assert year_chart({}) == ""


def _work(title: str, authors: tuple[str, ...], year: int) -> Work:
    return Work(title=title, authors=authors, year=year, sources=(Source("feed", "f.txt", 1),))


def test_network_layout_is_deterministic_and_orders_by_shared_works() -> None:
    people = [(f"Person {n:02d}", 1 + (n * 7) % 11) for n in range(60)]
    edges = {(people[n][0], people[n + 1][0]): 1 + n % 3 for n in range(0, 59, 2)}
    one = layout_network("Ada Lovelace", people, edges)
    two = layout_network("Ada Lovelace", list(reversed(people)), dict(reversed(list(edges.items()))))
    assert one == two
    assert (one.centre.x, one.centre.y) == (0.0, 0.0)
    by_name = {n.name: n for n in one.nodes}
    distance = {name: (n.x**2 + n.y**2) ** 0.5 for name, n in by_name.items()}
    most, least = max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1])
    assert distance[most[0]] < distance[least[0]] and by_name[most[0]].r > by_name[least[0]].r
    nodes = [*one.nodes, one.centre]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 > a.r + b.r, (a.name, b.name)
    x, y, w, h = one.view_box
    assert all(x <= n.x - n.r and n.x + n.r <= x + w and y <= n.y - n.r and n.y + n.r <= y + h for n in nodes)
    assert len(one.edges) == 60 + 30


def test_render_report_of_synthetic_works_with_no_authors() -> None:
    works = [Work(abstract="An abstract with no title.", year=2020, sources=(Source("paper-page", "p.txt", 3),))]
    data = gather(works, 1, works, PersonIndex([]), generated=datetime(2026, 1, 2, tzinfo=UTC), version="9")
    html = render_report(data)
    assert "No work names its authors" in html and "No title. An abstract with no title." in html
    assert data.read == ReadStats(1, 1, {"paper-page": 1}, {"p.txt": ("paper-page", 1)}, ())


@pytest.mark.parametrize("limit", [1, 5])
def test_gather_thins_the_network(limit: int) -> None:
    works = [_work(f"Paper {n}", ("Ada Lovelace", f"Helper {n % 7}", f"Helper {(n + 1) % 7}"), 2000 + n)
             for n in range(20)]
    index = PersonIndex(a for w in works for a in w.authors)
    data = gather(works, 20, works, index, limit=limit, version="9", generated=datetime(2026, 1, 2, tzinfo=UTC))
    assert data.person == "Ada Lovelace" and not data.person_given
    assert data.network is not None and len(data.network.rows) == limit and data.coauthors_total == 7
    names = {r.name for r in data.network.rows} | {"Ada Lovelace"}
    assert all(a in names and b in names for a, b in data.network.edges)


def test_header_shows_citations_and_h_index_when_known() -> None:
    works = [_work(f"Paper {n}", ("Ada Lovelace",), 2020) for n in range(6)]
    data = gather(works, 6, works, PersonIndex(["Ada Lovelace"]), generated=datetime(2026, 1, 2, tzinfo=UTC),
                  version="9")
    html = render_report(data)
    assert "<dt>h-index</dt>" not in html and "<dt>Citations</dt>" not in html  # no page gave counts
    html = render_report(replace(data, citations=(1234, 4, 5)))
    assert "<dt>Citations</dt><dd>1,234</dd>" in html and "<dt>h-index</dt><dd>4</dd>" in html
    assert "Citations are known for 5 works of 6." in html


def test_tables_and_charts_are_accessible(tmp_path: Path) -> None:
    html, _ = _report(tmp_path, SEEDS)
    parsed = _parse(html)
    headers = [attrs for tag, attrs in parsed.tags if tag == "th"]
    assert headers and all(a.get("scope") in {"col", "row"} for a in headers)
    assert [t for t, _ in parsed.tags].count("caption") == [t for t, _ in parsed.tags].count("table") == 3
    charts = [a for t, a in parsed.tags if t == "svg"]
    assert len(charts) == 2 and all(a.get("role") == "img" and a.get("aria-labelledby") for a in charts)
    for chart in charts:
        for label in (chart["aria-labelledby"] or "").split():
            assert f'<title id="{label}">' in html or f'<desc id="{label}">' in html
    assert '<html lang="en">' in html and '<label for="filter">' in html


def test_site_pages_give_citations_h_index_and_pubmed_links(tmp_path: Path) -> None:
    pages = [ROOT / "tests" / "pages" / "google-scholar" / "crispr_biologist_tabs.txt",
             ROOT / "tests" / "pages" / "pubmed" / "crispr_biologist.txt"]
    html, _ = _report(tmp_path, *pages)
    works = invoke("list-works", "--json", "--as-of", AS_OF, *pages).json()
    counts = sorted((w["citations"] for w in works if w["citations"] is not None), reverse=True)
    h = max((rank for rank, count in enumerate(counts, start=1) if count >= rank), default=0)
    assert counts and f"<dt>Citations</dt><dd>{sum(counts):,}</dd>" in html and f"<dt>h-index</dt><dd>{h}</dd>" in html
    pmids = [w["pmid"] for w in works if w["pmid"]]
    assert pmids
    for pmid in pmids:
        assert f'<a href="https://pubmed.ncbi.nlm.nih.gov/{pmid}/">PMID:{pmid}</a>' in html


def test_an_empty_output_name_is_a_usage_error() -> None:
    result = invoke("report", "-o", "", SEEDS)
    assert result.code == 2 and "--output: give a file name" in result.stderr, result.stderr
