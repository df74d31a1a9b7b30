"""What a press release is about: one panel of autocomplete multi-selects, one per kind of
link (missions, institutions, partnerships, people, countries, topics, figures).

Each is the press release's many-to-many field over its through model (`PressReleaseEmbassy`
...); saving the form adds and removes through rows, keeping the rows that stay. Their
options are the entries' full names (`str()`), searched through each entry's admin.
"""

from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy

from ..services import LINK_MODELS

# The panel's order: who and what first, the counted facts last.
PANEL_FIELDS = [
    "embassies",
    "institutions",
    "partnerships",
    "people",
    "countries",
    "topics",
    "figures",
]


class LinksPanelMixin:
    """Goes before `admin.ModelAdmin`; `links_fieldset()` is the panel for `get_fieldsets`."""

    links_fieldset_title = gettext_lazy("What this press release is about")

    def links_fieldset(self):
        return (
            self.links_fieldset_title,
            {"classes": ["links-panel"], "fields": PANEL_FIELDS},
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name not in LINK_MODELS:
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        # Django's admin leaves out a many-to-many with its own through model; these have
        # no extra fields, so the form's set() keeps, adds and removes their rows.
        kwargs.setdefault(
            "widget",
            AutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using")),
        )
        kwargs.setdefault("required", False)
        if db_field.name == "figures":  # each named with its subject, in one query
            kwargs.setdefault(
                "queryset",
                db_field.related_model.objects.select_related("partnership", "institution"),
            )
        return db_field.formfield(**kwargs)
