"""Readable differences between stored versions of a press release (django-reversion)."""

import datetime
import difflib
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

from mfa_site.languages import localized_names

from .models import PressRelease
from .services import LINK_MODELS

# Fields a reader of the history cares about, in the order of the form.
DIFF_FIELDS = [
    "title",
    "slug",
    "lead",
    "body",
    "dateline",
    "source",
    "status",
    "published_at",
    *localized_names("withdrawn_reason"),
    "review_comment",
    "second_review_waiver_reason",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
]
_TOKENS = re.compile(r"<[^>]*>|\s+|[^\s<]+|<")


@dataclass
class FieldChange:
    label: str
    html: str


@dataclass
class HistoryEntry:
    version: object
    changes: list = field(default_factory=list)


def snapshot(version):
    """Field label → readable text of one version, its links included."""
    data = version.field_dict
    values = {}
    for name in DIFF_FIELDS:
        model_field = PressRelease._meta.get_field(name)
        value = data.get(name)
        if name == "status" and value:
            value = PressRelease.Status(value).label
        elif isinstance(value, datetime.datetime):
            value = date_format(timezone.localtime(value), "DATETIME_FORMAT")
        values[str(model_field.verbose_name)] = "" if value in (None, "") else str(value)
    for name, link_model in LINK_MODELS.items():
        label = str(PressRelease._meta.get_field(name).verbose_name)
        targets = sorted(
            v.object_repr.split(" → ", 1)[-1]
            for v in version.revision.version_set.all()
            if v.content_type.model_class() is link_model
        )
        values[label] = ", ".join(targets)
    return values


def inline_diff(old, new):
    """Word-level difference with <del> and <ins>; HTML in the text is shown, not run."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def version_diffs(versions):
    """History entries, newest first, each with what changed against the version before."""
    snapshots = [snapshot(version) for version in versions]
    entries = []
    for index, version in enumerate(versions):
        before = snapshots[index + 1] if index + 1 < len(versions) else {}
        after = snapshots[index]
        changes = [
            FieldChange(label, inline_diff(before.get(label, ""), text))
            for label, text in after.items()
            if before.get(label, "") != text
        ]
        entries.append(HistoryEntry(version=version, changes=changes))
    return entries
