from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner directory")

    def ready(self):
        # Connects the receivers that keep the staff search's folded text current.
        from . import search  # noqa: F401
        from .models import Embassy, Partnership

        # Django names a many-to-many field's table "<model>-<model> relationship", formatted
        # once at start-up in the language active then: delete pages showed that name to
        # every editor. These names follow the editor's language.
        for field, one, many in (
            (Embassy.accredited_countries, _("accredited country"), _("accredited countries")),
            (Partnership.institutions, _("member of a partnership"), _("members of partnerships")),
            (
                Partnership.areas,
                _("cooperation area of a partnership"),
                _("cooperation areas of partnerships"),
            ),
        ):
            field.through._meta.verbose_name = one
            field.through._meta.verbose_name_plural = many
