"""Three-way merge of a save made from a page someone else saved over.

The change form carries the `lock_version` it was opened at. When the press release has moved
on since, the version it was opened from (its django-reversion revision) is the common base:
what only this editor changed is applied, what only the other person changed is kept, and only
what both changed differently is a conflict, shown side by side to choose from. The merged
result is expressed as a form posted against the current version, so the usual form and
formset machinery saves it, and a second round (someone saves again meanwhile) merges again.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import BooleanField
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from reversion.models import Version

from mfa_site.languages import localized_names

from .models import PressRelease, PressReleaseAttachment, PressReleaseImage
from .services import LINK_MODELS

# The inlines whose rows are merged field by field: prefix → (model, fields an editor types).
ROW_INLINES = {
    "images": (
        PressReleaseImage,
        [*localized_names("alt"), "decorative", *localized_names("caption", "credit"), "position"],
    ),
    "attachments": (PressReleaseAttachment, [*localized_names("title"), "position"]),
}
MISSING = object()


def normalise(value):
    """One comparable form for values from the form, the database and a revision."""
    if value is None:
        return ""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    return value


def raw_flag(value):
    return str(value).lower() in ("on", "true", "1")


@dataclass
class Base:
    """The press release as it was at the version the editor opened."""

    fields: dict
    links: dict  # link name → set of target ids
    rows: dict  # inline prefix → {pk: {field: value}}


def opened_base(press_release, lock_version):
    """The revision recorded at `lock_version`, or None when none was kept."""
    if lock_version is None:
        return None
    versions = Version.objects.get_for_object(press_release).select_related("revision")
    for version in versions.order_by("-pk").iterator(chunk_size=20):
        data = version.field_dict
        if data.get("lock_version") != lock_version:
            if data.get("lock_version", 0) < lock_version:
                return None  # versions are newest first: it is not there
            continue
        related = list(version.revision.version_set.select_related("content_type"))
        links = {}
        for name, model in LINK_MODELS.items():
            links[name] = {
                v.field_dict["target_id"] for v in related if v.content_type.model_class() is model
            }
        rows = {}
        for prefix, (model, names) in ROW_INLINES.items():
            rows[prefix] = {
                int(v.object_id): {name: v.field_dict.get(name) for name in names}
                for v in related
                if v.content_type.model_class() is model
            }
        return Base(fields=data, links=links, rows=rows)
    return None


@dataclass
class FieldConflict:
    """A field both people changed, each to something else."""

    name: str
    label: str
    mine: object
    theirs: object
    choosable: bool = True
    merged: bool = False  # the form holds both people's changes (a link set)

    @property
    def mine_text(self):
        return display(self.mine)

    @property
    def theirs_text(self):
        return display(self.theirs)


def display(value):
    """A value as readable text for the side-by-side view."""
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = normalise(value)
    if isinstance(text, str) and "<" in text:
        text = strip_tags(re.sub(r"</p>|<br\s*/?>", "\n", text))
    return str(text)


@dataclass
class InlineConflict:
    """A gallery image or attachment both people changed, or one changed and one removed."""

    label: str
    field_label: str
    mine: str
    theirs: str


@dataclass
class InlineMerge:
    """Formset data rebased on the current version, and what could not be merged."""

    data: object
    files: object
    conflicts: list = field(default_factory=list)
    kept_theirs: list = field(default_factory=list)


def _management(data, prefix):
    def number(key):
        try:
            return max(0, min(int(data.get(f"{prefix}-{key}", 0)), 1000))
        except (TypeError, ValueError):
            return 0

    return number("TOTAL_FORMS"), number("INITIAL_FORMS")


def _posted_forms(data, files, prefix):
    """Each posted form of a formset as (index, pk or None, {key suffix: values}, files)."""
    total, initial = _management(data, prefix)
    forms = []
    for index in range(total):
        start = f"{prefix}-{index}-"
        values = {k[len(start) :]: data.getlist(k) for k in data if k.startswith(start)}
        uploads = {k[len(start) :]: files.getlist(k) for k in files if k.startswith(start)}
        pk = None
        if index < initial:
            try:
                pk = int((values.get("id") or [""])[0])
            except ValueError:
                pk = None
        forms.append((index, pk, values, uploads))
    return forms, initial


def _write_forms(data, files, prefix, forms, initial):
    for key in [k for k in data if k.startswith(f"{prefix}-")]:
        del data[key]
    for key in [k for k in files if k.startswith(f"{prefix}-")]:
        del files[key]
    data[f"{prefix}-TOTAL_FORMS"] = str(len(forms))
    data[f"{prefix}-INITIAL_FORMS"] = str(initial)
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    for index, (values, uploads) in enumerate(forms):
        for suffix, value_list in values.items():
            data.setlist(f"{prefix}-{index}-{suffix}", value_list)
        for suffix, file_list in uploads.items():
            files.setlist(f"{prefix}-{index}-{suffix}", file_list)


def _deleted(values):
    return raw_flag((values.get("DELETE") or [""])[0])


def current_links(press_release, name):
    """The ids of the entries a press release is linked to through link field `name`."""
    model = LINK_MODELS[name]
    return set(
        model.objects.filter(press_release=press_release).values_list("target_id", flat=True)
    )


def merge_links(mine, theirs, base):
    """A link set merged as a set: what only this editor added or removed is applied to
    theirs, what only they added or removed stays."""
    return (theirs - (base - mine)) | (mine - base)


def link_names(name, ids):
    """The entries of link field `name` by their full names, one a line, for the
    side-by-side view."""
    target = LINK_MODELS[name]._meta.get_field("target").related_model
    names = sorted(str(entry) for entry in target.objects.filter(pk__in=ids))
    return "\n".join(names) or "–"


def _row_field_raw(model, name, value):
    """A stored value as the string an inline form posts."""
    if isinstance(model._meta.get_field(name), BooleanField):
        return ["on"] if value else []
    return ["" if value is None else str(value)]


def _row_norm(model, name, values):
    if isinstance(model._meta.get_field(name), BooleanField):
        return raw_flag((values or [""])[0])
    return normalise((values or [""])[0])


def _rebase_rows(merge, data, files, press_release, base, prefix, model, names):
    if f"{prefix}-TOTAL_FORMS" not in data:
        return
    posted, _initial = _posted_forms(data, files, prefix)
    current = {row.pk: row for row in model.objects.filter(press_release=press_release)}
    base_rows = base.rows.get(prefix, {}) if base is not None else None
    by_pk = {pk: (values, uploads) for _i, pk, values, uploads in posted if pk is not None}
    forms = []
    for pk, row in sorted(current.items()):
        theirs = {name: _row_field_raw(model, name, getattr(row, name)) for name in names}
        if pk not in by_pk:  # added by them after the page was opened
            forms.append(
                ({"id": [str(pk)], "press_release": [str(press_release.pk)], **theirs}, {})
            )
            continue
        values, uploads = by_pk[pk]
        values = dict(values)
        opened = base_rows.get(pk) if base_rows is not None else None
        they_changed = []
        for name in names:
            mine_v, theirs_v = (
                _row_norm(model, name, values.get(name)),
                _row_norm(model, name, theirs[name]),
            )
            if mine_v == theirs_v:
                continue
            base_v = (
                _row_norm(model, name, _row_field_raw(model, name, opened[name]))
                if opened is not None
                else MISSING
            )
            if mine_v == base_v:
                values[name] = theirs[name]
                they_changed.append(name)
            elif theirs_v == base_v:
                continue
            else:
                merge.conflicts.append(
                    InlineConflict(
                        label=f"{model._meta.verbose_name} “{row}”",
                        field_label=str(model._meta.get_field(name).verbose_name),
                        mine=str((values.get(name) or [""])[0]),
                        theirs=str(theirs[name][0] if theirs[name] else ""),
                    )
                )
        if they_changed and _deleted(values):
            # They edited what this editor removed: keep it until the editor sees their edit.
            values.pop("DELETE", None)
            merge.conflicts.append(
                InlineConflict(
                    label=f"{model._meta.verbose_name} “{row}”",
                    field_label=_("removed by you, changed by them"),
                    mine=_("removed"),
                    theirs=", ".join(
                        str(model._meta.get_field(name).verbose_name) for name in they_changed
                    ),
                )
            )
        elif they_changed:
            merge.kept_theirs.append(f"{model._meta.verbose_name} “{row}”")
        forms.append((values, uploads))
    for pk, (values, _uploads) in by_pk.items():
        if pk in current or _deleted(values):
            continue
        opened = base_rows.get(pk) if base_rows is not None else None
        changed = opened is None or any(
            _row_norm(model, name, values.get(name))
            != _row_norm(model, name, _row_field_raw(model, name, v))
            for name, v in opened.items()
        )
        if changed:
            merge.conflicts.append(
                InlineConflict(
                    label=str(model._meta.verbose_name),
                    field_label=_("removed by them, changed by you"),
                    mine=str((values.get(names[0]) or [""])[0]),
                    theirs=_("removed"),
                )
            )
    initial = len(forms)
    for _index, pk, values, uploads in posted:
        if pk is None:  # a new row of this editor
            forms.append((values, uploads))
    _write_forms(data, files, prefix, forms, initial)


def rebase_inlines(data, files, press_release, opened_version):
    """Gallery and attachment rows of a page opened at `opened_version`, rewritten against the
    current rows (the links are fields of the form, merged there)."""
    merge = InlineMerge(data=data.copy(), files=files.copy())
    base = opened_base(press_release, opened_version)
    for prefix, (model, names) in ROW_INLINES.items():
        _rebase_rows(merge, merge.data, merge.files, press_release, base, prefix, model, names)
    return merge


def parse_version(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def inline_merge_for(request, press_release):
    """The rebased formset data of this request, or None when the page is not stale.

    Kept on the request: the admin builds the formsets and the form checks their conflicts."""
    opened = parse_version(request.POST.get("opened_version"))
    current = (
        PressRelease.objects.filter(pk=press_release.pk)
        .values_list("lock_version", flat=True)
        .first()
    )
    if opened is None or current is None or opened == current:
        return None
    key = (press_release.pk, opened, current)
    cached = getattr(request, "_press_release_merge", None)
    if cached is None or cached[0] != key:
        cached = (key, rebase_inlines(request.POST, request.FILES, press_release, opened))
        request._press_release_merge = cached
    return cached[1]
