"""Create the groups Editors and Publishers with their permissions (DESIGN.md, Roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LINK_MODELS = [
    "pressreleasetopic",
    "pressreleaseembassy",
    "pressreleaseinstitution",
    "pressreleasepartnership",
    "pressreleaseperson",
    "pressreleasecountry",
    "pressreleasefigure",
]
MEDIA_MODELS = ["pressreleaseimage", "pressreleaseattachment"]
DIRECTORY_MODELS = [
    "embassy",
    "person",
    "position",
    "institution",
    "cooperationarea",
    "partnership",
    "figure",
]


def editor_codenames():
    # Deleting a press release is limited to drafts in the admin (has_delete_permission).
    codenames = [
        ("news", f"{action}_pressrelease") for action in ("add", "change", "view", "delete")
    ]
    codenames += [("news", f"{action}_topic") for action in ("add", "change", "view")]
    codenames += [("news", f"{action}_previewtoken") for action in ("add", "change", "view")]
    codenames += [
        ("news", f"{action}_{model}")
        for model in LINK_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    codenames += [
        ("news", f"{action}_{model}")
        for model in MEDIA_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    # Suggested links are decided (accepted or dismissed), never typed in.
    codenames += [("news", "view_linksuggestion"), ("news", "change_linksuggestion")]
    codenames += [
        ("partners", f"{action}_{model}")
        for model in DIRECTORY_MODELS
        for action in ("add", "change", "view")
    ]
    # Country names come from a maintained list: readable, not editable.
    codenames.append(("partners", "view_country"))
    return codenames


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_label in ("news", "partners"):
        app_config = apps.get_app_config(app_label)
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames):
        found = []
        for app_label, codename in codenames:
            found.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return found

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(editor_codenames()))
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.add(
        *permissions(editor_codenames() + [("news", "publish_pressrelease")])
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0002_load_countries"),
        ("news", "0005_workflow_audit_and_preview_links"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
