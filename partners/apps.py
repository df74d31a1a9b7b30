from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner directory")

    def ready(self):
        # Connects the receivers that keep the staff search's folded text current.
        from . import search  # noqa: F401
