"""Delete stored uploads that no record references any more (replaced or deleted images and
documents, with their renditions)."""

import datetime
import re
from pathlib import PurePosixPath

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone

from mfa_site import kept_uploads
from mfa_site.images import RENDITION_DIR
from mfa_site.media_fields import ProcessedFileMixin

RENDITION_SUFFIX = re.compile(r"-\d+w\.[a-z]+$")
GENERATED_NAME = re.compile(r"^[0-9a-f]{32}(-\d+w)?\.[a-z]+$")


def media_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, ProcessedFileMixin):
                yield model, field


def referenced_stems():
    """Stored names in use, without extension (renditions share the original's stem)."""
    stems = set()
    for model, field in media_fields():
        names = model._default_manager.exclude(**{field.attname: ""}).values_list(
            field.attname, flat=True
        )
        stems.update(str(PurePosixPath(name).with_suffix("")) for name in names.iterator())
    return stems


def walk(storage, folder, recursive):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        if GENERATED_NAME.match(name):
            yield f"{folder}/{name}"
    if recursive:
        for sub in folders:
            yield from walk(storage, f"{folder}/{sub}", recursive)


def stored_uploads(storage):
    """Files with generated names directly in an upload folder or among the kept uploads of
    redisplayed forms (mfa_site/kept_uploads.py), and all renditions."""
    folders = {
        field.upload_to.folder
        for _model, field in media_fields()
        if hasattr(field.upload_to, "folder")
    }
    for folder in sorted(folders | {kept_uploads.FOLDER}):
        yield from walk(storage, folder, recursive=False)
    yield from walk(storage, RENDITION_DIR, recursive=True)


def unreferenced(storage, stems, older_than):
    for name in stored_uploads(storage):
        stem = str(PurePosixPath(name).with_suffix(""))
        if name.startswith(f"{RENDITION_DIR}/"):
            stem = RENDITION_SUFFIX.sub("", name.removeprefix(f"{RENDITION_DIR}/"))
        if stem in stems:
            continue
        try:
            modified = storage.get_modified_time(name)
        except (NotImplementedError, OSError):
            continue
        if modified < older_than:
            yield name


class Command(BaseCommand):
    help = (
        "Delete uploaded files (and renditions) that no record references, once they are "
        "older than --min-age-hours so uploads in progress are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-hours", type=float, default=24)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, min_age_hours, dry_run, **options):
        older_than = timezone.now() - datetime.timedelta(hours=min_age_hours)
        storages = {field.storage for _model, field in media_fields()}
        stems = referenced_stems()
        count = 0
        for storage in storages:
            for name in list(unreferenced(storage, stems, older_than)):
                count += 1
                if not dry_run:
                    storage.delete(name)
                self.stdout.write(("would delete " if dry_run else "deleted ") + name)
        self.stdout.write(f"{count} unreferenced file(s)" + (" (dry run)" if dry_run else ""))
