from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MfaSiteConfig(AppConfig):
    name = "mfa_site"
    verbose_name = _("Site")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib import admin
        from django.contrib.admin.models import LogEntry
        from django.utils.translation import gettext_lazy as _

        # The header and title are set beside the admin's URLs (mfa_site/urls.py).
        admin.site.index_title = _("Press office and partner directory")
        from django.contrib.auth import signals
        from django.db.models.signals import post_save

        from . import audit, middleware

        signals.user_logged_in.connect(audit.on_user_logged_in, dispatch_uid="mfa_login")
        signals.user_logged_in.connect(
            middleware.start_session_clock, dispatch_uid="mfa_session_clock"
        )
        signals.user_logged_out.connect(audit.on_user_logged_out, dispatch_uid="mfa_logout")
        signals.user_login_failed.connect(audit.on_user_login_failed, dispatch_uid="mfa_failed")
        user_locked_out.connect(audit.on_user_locked_out, dispatch_uid="mfa_lockout")
        post_save.connect(audit.on_admin_log_entry, sender=LogEntry, dispatch_uid="mfa_admin_log")
