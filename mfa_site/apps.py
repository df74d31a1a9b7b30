from django.apps import AppConfig


class MfaSiteConfig(AppConfig):
    name = "mfa_site"
    verbose_name = "Site"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib import admin
        from django.utils.translation import gettext_lazy as _

        # The admin speaks for the ministry, not for "Django administration".
        admin.site.site_header = _("Ministry of Foreign Affairs of the Republic of Kazakhstan")
        admin.site.site_title = _("Ministry of Foreign Affairs")
        admin.site.index_title = _("Press office and partner directory")
        from django.contrib.auth import signals

        from . import audit

        signals.user_logged_in.connect(audit.on_user_logged_in, dispatch_uid="mfa_login")
        signals.user_logged_out.connect(audit.on_user_logged_out, dispatch_uid="mfa_logout")
        signals.user_login_failed.connect(audit.on_user_login_failed, dispatch_uid="mfa_failed")
        user_locked_out.connect(audit.on_user_locked_out, dispatch_uid="mfa_lockout")
