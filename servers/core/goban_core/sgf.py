"""SGF export and import of records: the names that both servers import."""

from goban_core.sgf_export import download_filename_header, export_sgf
from goban_core.sgf_import import ImportedGame, SgfImportError, import_sgf
from goban_core.sgf_info import GameInfo

__all__ = [
    "GameInfo",
    "ImportedGame",
    "SgfImportError",
    "download_filename_header",
    "export_sgf",
    "import_sgf",
]
