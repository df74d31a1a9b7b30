"""Linking: import press releases, detect what they mention, suggest and apply links.

This package is the one way in to import, mention and figure detection and suggestions:
the `import_press_releases` command, the evaluation command and the admin call the names
below; the package calls the models. Inside it, dependencies point one way:

    importer -> suggestions -> mentions -> figures -> directory -> models
    admin    -> suggestions

Its stable interface is the JSON report of `import_press_releases --dry-run --format json`
(see `report.py` and the README).
"""

from .admin import SuggestedLinksMixin
from .directory import (
    HOME_COUNTRY,
    bump_directory_version,
    directory_version,
    get_index,
)
from .importer import (
    ImportFailed,
    ImportResult,
    collect_files,
    detection_date,
    import_file,
    parse_file,
    parse_text,
)
from .language import detect_language
from .mentions import Detection, Mention, detect_mentions, press_release_text
from .report import build_report
from .suggestions import accept, apply_detection, detect_press_release, dismiss

__all__ = [
    "HOME_COUNTRY",
    "Detection",
    "ImportFailed",
    "ImportResult",
    "Mention",
    "SuggestedLinksMixin",
    "accept",
    "build_report",
    "apply_detection",
    "bump_directory_version",
    "collect_files",
    "detect_language",
    "detect_mentions",
    "detect_press_release",
    "detection_date",
    "directory_version",
    "dismiss",
    "get_index",
    "import_file",
    "parse_file",
    "parse_text",
    "press_release_text",
]
