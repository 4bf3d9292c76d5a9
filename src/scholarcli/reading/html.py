"""Saved web pages (HTML) to the text a browser copy of the page gives, so the page layouts can read them.

selectolax (the lexbor HTML5 parser) builds the tree and decodes entities; this module walks it: block
elements end lines, `<br>` breaks one, paragraphs and headings stand apart by a blank line, table cells are
separated by tabs, and inline elements (links, spans, emphasis) run on within their line. Scripts, styles,
`<noscript>`, `<template>`, the `<head>` and hidden elements give no text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scholarcli import lazyre as re  # patterns compiled on first use (start-up)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

    from scholarcli.reading import LineInput

_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_NAME = re.compile(r"\.(?:html?|xhtml)$", re.IGNORECASE)
_TAG = re.compile(rb"<[a-zA-Z!/]")

#: Elements that give no text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe",
                     "object", "embed", "canvas", "audio", "video", "select", "datalist"})
#: Elements that stand on lines of their own.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    "caption", "label", "textarea", "input",
})
#: Blocks that a blank line sets apart, as browsers copy paragraphs and headings.
SPACED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f]+")


def is_html(path: str, head: bytes) -> bool:
    """Whether an input is a saved web page: it opens with `<!DOCTYPE html` or `<html`, or has an .html/.htm
    name and holds tags (a copied page saved under an .html name is left as text)."""
    if _HTML_START.match(head[:4096]):
        return True
    return bool(_HTML_NAME.search(path)) and bool(_TAG.search(head[:65536]))


def html_input(path: str, data: bytes) -> LineInput:
    """A saved page's bytes as an input of its text (decoded as any input is; see `reading.decode_input`)."""
    from scholarcli.reading import LineInput, decode_input, normalise_text

    text, encoding, note = decode_input(data, path)
    return LineInput.from_text(path, normalise_text(html_to_text(text)), encoding, note)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("type") or "").lower() == "hidden":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Text:
    """Lines being built: runs of inline text, with the breaks that blocks ask for between them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.pending = 0  # line breaks owed before the next text: 1 for a block, 2 for a paragraph

    def text(self, value: str) -> None:
        if value:
            self._settle()
            self.current.append(value)

    def brk(self, count: int = 1) -> None:
        self.pending = max(self.pending, count)

    def line_break(self) -> None:
        """`<br>`: ends the line, even an empty one."""
        self._settle()
        self.lines.append(self._joined())
        self.current = []

    def _settle(self) -> None:
        """Make the breaks owed: end the current line, and leave a blank line before a paragraph."""
        if self.pending:
            self._flush()
            if self.pending > 1 and self.lines and self.lines[-1] != "":
                self.lines.append("")
            self.pending = 0

    def _flush(self) -> None:
        if self.current:
            self.lines.append(self._joined())
            self.current = []

    def _joined(self) -> str:
        return "".join(self.current).strip(" ")

    def result(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def html_to_text(html: str) -> str:
    """The text of a saved page, one line per block, as a browser copy gives it."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    out = _Text()
    root = tree.body or tree.root
    if root is not None:
        _walk(root, out, preformatted=False)
    return out.result()


def _walk(node: LexborNode, out: _Text, preformatted: bool) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            value = child.text_content or ""
            if not preformatted:
                value = _SPACES.sub(" ", value)
                if not out.current or out.pending or out.current[-1].endswith(" "):
                    value = value.lstrip(" ")
                out.text(value)
            else:
                for n, part in enumerate(value.split("\n")):
                    if n:
                        out.line_break()
                    out.text(part)
            continue
        if tag is None or tag.startswith("-") or tag in SKIPPED or _hidden(child):
            continue
        if tag == "br":
            out.line_break()
            continue
        if tag in _CELLS:
            if out.current and not out.pending:
                out.text("\t")
            _walk(child, out, preformatted)
            continue
        if tag in SPACED:
            out.brk(2)
        elif tag in BLOCKS:
            out.brk(1)
        _walk(child, out, preformatted or tag in ("pre", "textarea"))
        if tag in SPACED:
            out.brk(2)
        elif tag in BLOCKS:
            out.brk(1)
