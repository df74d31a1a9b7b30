"""cleanup_media removes replaced or deleted uploads and their renditions, nothing else."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.factories import image_bytes, make_gallery_image

pytestmark = pytest.mark.django_db


def age(name, hours):
    path = Path(default_storage.location) / name  # test-side only: set an old mtime
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def files():
    root = Path(default_storage.location)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_unreferenced_old_files_and_renditions_go_referenced_and_recent_stay():
    kept = make_gallery_image()
    replaced = make_gallery_image()
    old_name = replaced.image.name
    replaced.delete()
    recent = default_storage.save(f"news/gallery/{'a' * 32}.jpg", ContentFile(image_bytes()))
    unrelated = default_storage.save("exports/report.jpg", ContentFile(image_bytes()))
    hand_named = default_storage.save("news/gallery/press-kit.jpg", ContentFile(image_bytes()))
    for name in files():
        if name != recent:
            age(name, 48)
    stem = old_name.removesuffix(".jpg")

    call_command("cleanup_media", "--dry-run")
    assert old_name in files()

    call_command("cleanup_media")
    remaining = files()
    assert old_name not in remaining
    assert not [n for n in remaining if n.startswith(f"renditions/{stem}")]
    assert kept.image.name in remaining
    assert [n for n in remaining if n.startswith("renditions/" + kept.image.name[:-4])]
    assert recent in remaining and unrelated in remaining and hand_named in remaining
