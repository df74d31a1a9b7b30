"""Publishers may read the audit log (superusers may anyway); nobody may write it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("mfa_site")
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="mfa_site", codename="view_auditentry")
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.add(view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Publishers"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="mfa_site", codename="view_auditentry"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mfa_site", "0001_audit_entry"),
        ("news", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
