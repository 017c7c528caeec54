"""An article pickled in slices, so that unpickling it in a thread leaves the event loop free.

``pickle.loads`` holds the interpreter's lock from its start to its end: a 1 MB text's article
(6,000 sentence objects, a briefing) unpickled whole is a tenth of a second in which the
reader's event loop cannot answer a key, though it runs in another thread. Unpickled a slice
of sentences at a time, in a Python loop, the lock goes to the event loop between slices (the
interpreter hands it over every ``sys.getswitchinterval()``, 5 ms, at the next bytecode).
The document is pickled once; whatever else holds it (the briefing, the analysis) refers to it.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document

# Sentences per slice: a few milliseconds of unpickling each on a slow core.
SLICE = 250


class _Pickler(pickle.Pickler):
    """Pickles a value without ``document``, which goes apart (see pack_document)."""

    def __init__(self, file: io.BytesIO, document: Document) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.document = document

    def persistent_id(self, obj: object) -> str | None:
        return "document" if obj is self.document else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, document: Document) -> None:
        super().__init__(file)
        self.document = document

    def persistent_load(self, pid: object) -> object:
        if pid != "document":
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self.document


def pack(value: object, document: Document) -> bytes:
    """``value`` pickled with every reference to ``document`` left as a reference."""
    buffer = io.BytesIO()
    _Pickler(buffer, document).dump(value)
    return buffer.getvalue()


def unpack(data: bytes, document: Document) -> object:
    """A value packed by ``pack``, its references to the document given back as ``document``."""
    return _Unpickler(io.BytesIO(data), document).load()


def pack_document(document: Document) -> tuple[bytes, list[bytes]]:
    """The document without its sentences, and its sentences in slices of SLICE."""
    head = pickle.dumps(replace(document, sentences=()), protocol=pickle.HIGHEST_PROTOCOL)
    sentences = document.sentences
    return head, [
        pickle.dumps(sentences[start : start + SLICE], protocol=pickle.HIGHEST_PROTOCOL)
        for start in range(0, len(sentences), SLICE)
    ]


def unpack_document(packed: tuple[bytes, list[bytes]]) -> Document:
    """The document ``pack_document`` packed, unpickled a slice at a time."""
    head, slices = packed
    sentences: list = []
    for data in slices:
        sentences.extend(pickle.loads(data))
    return replace(pickle.loads(head), sentences=tuple(sentences))
