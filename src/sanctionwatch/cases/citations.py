"""Citations in a finding's text: which sentence cites which evidence.

The syntax, on purpose small enough to state in full:

- A citation is a marker `[ev:ID]` where ID is an evidence id (`ev-...`); a sentence may carry
  several (`... in March [ev:ev-1][ev:ev-2].`). Markers may stand before or right after the
  sentence's final punctuation: `... in March. [ev:ev-1]` cites for that sentence too.
- Paragraphs are separated by blank lines; the lines of a paragraph are joined. A paragraph is
  cut into sentences after `.`, `!` or `?` followed by a space and a capital letter, a digit, a
  quotation mark or a bracket (so write "United States", not "U.S." before a capital).
- Exempt from citing: a heading (a line starting with `#`), a quotation (a line starting with
  `>`: a party's own words, attributed in the sentence before it), and a question (a sentence
  ending with `?`). Every other sentence states a fact and must cite at least one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"\[ev:([A-Za-z0-9][A-Za-z0-9_.-]*)\]")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(\[])")
_TRAILING = re.compile(r"^((?:\s*\[ev:[^\]]*\])+)\s*")


@dataclass(frozen=True)
class Sentence:
    number: int  # 1-based, in reading order
    text: str
    cites: tuple[str, ...]  # evidence ids, in the order written, without repeats
    exempt: str | None = None  # "heading", "quote" or "question"; None: states a fact

    @property
    def factual(self) -> bool:
        return self.exempt is None

    @property
    def short(self) -> str:
        """The sentence without markers, cut to 80 characters (for explanations)."""
        plain = " ".join(MARKER.sub("", self.text).split())
        return plain if len(plain) <= 80 else plain[:77] + "..."


def citations(text: str) -> list[Sentence]:
    """Every sentence of `text` with the evidence it cites."""
    found: list[Sentence] = []
    for kind, chunk in _blocks(text):
        pieces = [chunk] if kind else _sentences(chunk)
        for piece in pieces:
            exempt = kind or ("question" if _plain(piece).endswith("?") else None)
            found.append(Sentence(len(found) + 1, piece, cited(piece), exempt))
    return found


def uncited(text: str) -> list[Sentence]:
    """The sentences that state a fact but cite nothing."""
    return [s for s in citations(text) if s.factual and not s.cites]


def cited(text: str) -> tuple[str, ...]:
    """The evidence ids a text cites, first appearance first."""
    return tuple(dict.fromkeys(MARKER.findall(text)))


def _blocks(text: str) -> list[tuple[str | None, str]]:
    """(exempt kind or None, text) for headings, quotations and joined paragraphs."""
    blocks: list[tuple[str | None, str]] = []
    lines: list[str] = []
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        special = "heading" if line.startswith("#") else "quote" if line.startswith(">") else None
        if (special or not line) and lines:
            blocks.append((None, " ".join(lines)))
            lines = []
        if special:
            blocks.append((special, line))
        elif line:
            lines.append(line)
    return blocks


def _sentences(paragraph: str) -> list[str]:
    parts = [p.strip() for p in _SPLIT.split(paragraph) if p.strip()]
    merged: list[str] = []
    for part in parts:
        trailing = _TRAILING.match(part)
        if trailing and merged:  # markers after a full stop belong to the sentence before
            merged[-1] += " " + trailing.group(1).strip()
            part = part[trailing.end() :]
        if _plain(part):
            merged.append(part)
    return merged


def _plain(text: str) -> str:
    return MARKER.sub("", text).strip()
