"""Staff pages need a verified second factor once DJANGO_MFA_REQUIRED is on."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import devices, throttle, views

SIGN_IN_PREFIX = "/staff/sign-in/"


class MFARequiredMiddleware:
    """After the password, the admin and /staff/ pages ask for the second factor: enrolment
    on first sign-in, verification afterwards. Read per request (settings.MFA_REQUIRED),
    so tests turn it on and off with override_settings. Public pages are not affected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MFA_REQUIRED and self._guarded(request.path_info):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                if throttle.is_locked(user):
                    return views.locked(request)
                has_factor = devices.has_second_factor(user) or devices.has_recovery_codes(user)
                target = reverse("two_factor:verify" if has_factor else "two_factor:setup")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _guarded(path):
        admin_index = reverse("admin:index")
        if path.startswith(admin_index):
            return path not in (reverse("admin:logout"), reverse("admin:login"))
        return path.startswith("/staff/") and not path.startswith(SIGN_IN_PREFIX)
