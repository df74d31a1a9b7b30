"""Backup and restore with natural keys: dump, empty the database, load, dump again."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command

from news.models import PressRelease
from partners.models import Country
from tests.factories import make_representative_site

# What the README's backup command leaves out: rows the migrations create
# (content types, permissions) and state that is worthless after a restore.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes"]


def dump():
    out = StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=EXCLUDE,
        format="json",
        stdout=out,
    )
    return json.loads(out.getvalue())


@pytest.mark.django_db(transaction=True)
def test_dump_flush_load_gives_an_identical_dump(tmp_path):
    site = make_representative_site()
    publishers = Group.objects.create(name="Backup test group")
    publishers.permissions.add(Permission.objects.get(codename="publish_pressrelease"))
    user = User.objects.create_user("backup-editor", password="not used here 42")
    user.groups.add(publishers)

    before = dump()
    models = {entry["model"] for entry in before}
    assert {"news.pressrelease", "news.pressreleaseinstitution", "partners.country"} <= models
    assert {"partners.partnership", "partners.figure", "auth.user", "auth.group"} <= models

    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(before))
    call_command("flush", interactive=False, verbosity=0)
    assert not PressRelease.objects.exists() and not Country.objects.exists()

    call_command("loaddata", str(backup), verbosity=0)

    assert dump() == before
    restored = PressRelease.objects.get(pk=site["press_releases"][0].pk)
    assert restored.institutions.count() == 3
    assert {str(c.code) for c in restored.countries.all()} == {"BE", "KZ"}
    assert User.objects.get(username="backup-editor").has_perm("news.publish_pressrelease")
