"""Saved HTML pages read as the text a browser copy gives: the HTML version of every seed and sample gives the
same records as its text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, SAMPLES, SEEDS, invoke
from scholarcli.reading.html import html_to_text, is_html
from site_html import site_html

PAGES = Path(__file__).resolve().parent / "pages"
TEXTS = sorted([*SEEDS.glob("*.txt"), *SAMPLES.glob("*.txt"), *PAGES.glob("*/*.txt")])


def _records(path: Path) -> list[dict[str, Any]]:
    result = invoke("list-works", "--json", "--no-dedupe", "--as-of", AS_OF, str(path))
    assert result.code == 0, result.stderr
    works: list[dict[str, Any]] = result.json()
    return works


def _comparable(works: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**{k: v for k, v in w.items() if k != "sources"}, "layouts": [s["layout"] for s in w["sources"]]}
            for w in works]


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_html_version_gives_the_same_records_as_the_text(text: Path, tmp_path: Path) -> None:
    page = tmp_path / (text.stem + ".html")
    page.write_text(site_html(text.read_text("utf-8"), title=text.stem), encoding="utf-8")
    expected = _records(text)
    assert expected
    assert _comparable(_records(page)) == _comparable(expected)


def test_blocks_break_lines_and_inline_elements_do_not() -> None:
    html = ("<div><p>Deep <a href='/p/1'>Residual</a> <span class='x'>Learning</span> for <em>Image</em> "
            "Recognition</p><div>Kaiming He,<a href='/a'>Xiangyu Zhang</a></div><ul><li>one</li><li>two</li></ul>"
            "first<br>second<h2>Heading</h2><table><tr><td>a</td><td>b</td></tr></table></div>")
    assert html_to_text(html) == (
        "Deep Residual Learning for Image Recognition\n\nKaiming He,Xiangyu Zhang\none\ntwo\nfirst\nsecond\n\n"
        "Heading\n\na\tb")
    assert html_to_text("<span>Authors:</span><div>Qi Qian</div>tail") == "Authors:\nQi Qian\ntail"


def test_scripts_styles_noscript_and_hidden_elements_give_no_text() -> None:
    html = ("<html><head><title>T</title><style>p {}</style></head><body><script>var t = 'Decoy';</script>"
            "<noscript>Enable JS</noscript><p hidden>hidden</p><div style='display: none'>none</div>"
            "<span style='visibility:hidden'>invisible</span><input type='hidden' value='x'>"
            "<p>Visible</p><template><p>Later</p></template></body></html>")
    assert html_to_text(html) == "Visible"


def test_entities_are_decoded_and_spaces_collapse_as_browsers_show_them() -> None:
    html = "<p>Herv&eacute; J&#233;gou &amp; Matthijs&nbsp;Douze\n   &lt;TPAMI&gt;   &#x2014; 2011</p>"
    assert html_to_text(html) == "Hervé Jégou & Matthijs\u00a0Douze <TPAMI> — 2011"


def test_html_is_recognised_by_its_opening_or_by_its_name() -> None:
    assert is_html("page.txt", b"\xef\xbb\xbf  <!DOCTYPE html><html>")
    assert is_html("page.txt", b"<!-- saved from url=(0042)https://arxiv.org/ -->\n<html lang='en'>")
    assert is_html("page.HTM", b"<div>Deep learning</div>")
    assert not is_html("page.html", b"Deep learning\nYann LeCun, Yoshua Bengio\n")  # a copy saved as .html
    assert not is_html("page.txt", b"Deep learning uses <b> tags in its abstract")
