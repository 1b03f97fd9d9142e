"""Stage 1: find input files, decode them, and make Documents with exact offsets.

``discover`` says which files to read, ``decode`` turns bytes into safe text, ``formats``
makes Documents by file type (``markup`` for HTML pages), and ``reread`` gives texts back
when claims are judged.
"""

from factdiff.load.decode import BOMS, decode, sanitise, shown_path
from factdiff.load.discover import STDIN, iter_files, read_once, streamed
from factdiff.load.formats import front_matter, make_document, read_file
from factdiff.load.reread import FileTexts, MemoryTexts, located

__all__ = [
    "BOMS",
    "STDIN",
    "FileTexts",
    "MemoryTexts",
    "decode",
    "front_matter",
    "iter_files",
    "located",
    "make_document",
    "read_file",
    "read_once",
    "sanitise",
    "shown_path",
    "streamed",
]
