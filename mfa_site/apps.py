from django.apps import AppConfig


class MfaSiteConfig(AppConfig):
    name = "mfa_site"
    verbose_name = "Site"
