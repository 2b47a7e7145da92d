"""One word's characters: HTML entities decoded, mojibake repaired (ftfy), invisible
characters dropped, NFC; what is unchanged stays copied one to one in the offset map."""

import html
import re
import unicodedata
from os.path import commonprefix

import ftfy
from ftfy.badness import is_bad

from .charclasses import COMBINERS, INVISIBLE, SINGLETONS
from .pieces import Piece

# ftfy repairs mojibake only: NFC, entities, controls and quotes are this module's own decisions.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_VISIBLE = re.compile(f"[^{INVISIBLE}]+")
_INVISIBLES = re.compile(f"[{INVISIBLE}]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLUSTER = re.compile(f"[^{COMBINERS}]?[{COMBINERS}]+|[{SINGLETONS}]")


def repair(word: str, begin: int, end: int, start: int) -> list[Piece]:
    """Pieces of word[begin:end], where `word` starts at raw offset `start`."""
    pieces: list[Piece] = []
    position = begin
    for entity in _ENTITY.finditer(word, begin, end):
        pieces += _repaired(word[position : entity.start()], start + position)
        pieces += _decoded(entity.group(), start + entity.start())
        position = entity.end()
    return pieces + _repaired(word[position:end], start + position)


def _decoded(entity: str, start: int) -> list[Piece]:
    text = html.unescape(entity)
    if text.isspace():
        return [Piece(" ", start, start + len(entity), False)]
    if _INVISIBLES.fullmatch(text):
        return []
    return [Piece(unicodedata.normalize("NFC", text), start, start + len(entity), False)]


def _repaired(text: str, start: int) -> list[Piece]:
    """Mojibake fixed by ftfy, invisible characters dropped, NFC applied."""
    if not text:
        return []
    if not text.isascii() and is_bad(text):
        fixed = unicodedata.normalize("NFC", ftfy.fix_text(text, _FTFY))
        return _diff(text, _INVISIBLES.sub("", fixed), start)
    pieces = []
    for visible in _VISIBLE.finditer(text):
        pieces += _composed(visible.group(), start + visible.start())
    return pieces


def _composed(text: str, start: int) -> list[Piece]:
    """NFC by clusters: unchanged stretches stay copied one to one."""
    if unicodedata.is_normalized("NFC", text):
        return [Piece(text, start, start + len(text), True)]
    pieces, position = [], 0
    for cluster in _CLUSTER.finditer(text):
        pieces += _repaired_slice(text, position, cluster.start(), start)
        composed = unicodedata.normalize("NFC", cluster.group())
        copied = composed == cluster.group()
        pieces.append(Piece(composed, start + cluster.start(), start + cluster.end(), copied))
        position = cluster.end()
    return pieces + _repaired_slice(text, position, len(text), start)


def _repaired_slice(text: str, begin: int, end: int, start: int) -> list[Piece]:
    return [Piece(text[begin:end], start + begin, start + end, True)] if end > begin else []


def _diff(old: str, new: str, start: int) -> list[Piece]:
    """Pieces of `new`: the prefix and suffix it shares with `old` copied, the middle replaced."""
    if new == old:
        return [Piece(old, start, start + len(old), True)]
    head = len(commonprefix([old, new]))
    tail = len(commonprefix([old[head:][::-1], new[head:][::-1]]))
    pieces = _repaired_slice(old, 0, head, start)
    if middle := new[head : len(new) - tail]:
        pieces.append(Piece(middle, start + head, start + len(old) - tail, False))
    return pieces + _repaired_slice(old, len(old) - tail, len(old), start)
