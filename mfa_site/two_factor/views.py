"""Enrol and verify a second factor after the password (admin login)."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp_webauthn import views as webauthn_views

from mfa_site.audit import record

from . import devices, throttle


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code of your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def safe_next(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': safe_next(request)})}"


def _context(request, **extra):
    return {**admin.site.each_context(request), "next": safe_next(request), **extra}


def locked(request):
    """Sign the user out and say why; they may sign in again after the cool-off."""
    user = request.user
    if user.is_authenticated:
        logout(request)
    response = render(
        request,
        "two_factor/locked.html",
        {
            **admin.site.each_context(request),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff": settings.AXES_COOLOFF_TIME,
        },
        status=429,
    )
    return response


def _signed_in_user(request):
    user = request.user
    return user if user.is_authenticated and user.is_active else None


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """The second step of sign-in: a passkey, an authenticator code or a recovery code."""
    user = _signed_in_user(request)
    if user is None:
        return redirect_to_login(request)
    if user.is_verified():
        return HttpResponseRedirect(safe_next(request))
    if not devices.has_second_factor(user) and not devices.has_recovery_codes(user):
        return redirect(with_next("two_factor:setup", request))
    if throttle.is_locked(user):
        return locked(request)

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = devices.matching_device(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            record("mfa_verified", user=user, device=type(device).__name__)
            return HttpResponseRedirect(safe_next(request))
        record("mfa_failed", user=user)
        if throttle.is_locked(user):
            record("mfa_lockout", user=user)
            return locked(request)
        form.add_error("token", forms.ValidationError(_("That code is not valid."), code="invalid"))
    return render(
        request,
        "two_factor/verify.html",
        _context(request, form=form, has_passkey=devices.has_passkey(user)),
    )


@never_cache
@sensitive_post_parameters("token")
def setup(request):
    """Enrol a first second factor (passkey or authenticator app), then see recovery codes."""
    user = _signed_in_user(request)
    if user is None:
        return redirect_to_login(request)
    if not user.is_verified():
        if devices.has_second_factor(user):
            # A second factor exists: prove it before adding another.
            return redirect(with_next("two_factor:verify", request))
        return _enrol(request, user)
    if not devices.has_recovery_codes(user):
        codes = devices.new_recovery_codes(user)
        return render(request, "two_factor/recovery_codes.html", _context(request, codes=codes))
    return render(
        request,
        "two_factor/manage.html",
        _context(request, has_passkey=devices.has_passkey(user)),
    )


def _enrol(request, user):
    device = devices.pending_totp_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = "".join(form.cleaned_data["token"].split())
        if device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record("mfa_enrolled", user=user, device="TOTPDevice")
            record("mfa_verified", user=user, device="TOTPDevice")
            return redirect(with_next("two_factor:setup", request))
        form.add_error(
            "token",
            forms.ValidationError(
                _("That code is not valid. Check the time on your phone and try again."),
                code="invalid",
            ),
        )
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "two_factor/setup.html",
        _context(
            request,
            form=form,
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            config_url=device.config_url,
        ),
    )


@never_cache
def recovery_codes(request):
    """Replace the recovery codes (verified users only, by POST)."""
    user = _signed_in_user(request)
    if user is None or not user.is_verified():
        return redirect(with_next("two_factor:verify", request))
    if request.method != "POST":
        return redirect("two_factor:setup")
    codes = devices.new_recovery_codes(user)
    record("mfa_recovery_codes", user=user)
    return render(request, "two_factor/recovery_codes.html", _context(request, codes=codes))


def redirect_to_login(request):
    return redirect(f"{reverse('admin:login')}?{urlencode({'next': request.get_full_path()})}")


class CompleteCredentialRegistrationView(webauthn_views.CompleteCredentialRegistrationView):
    """Record a passkey enrolment in the audit log."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            record("mfa_enrolled", user=self.request.user, device="WebAuthnCredential")
        return response


class CompleteCredentialAuthenticationView(webauthn_views.CompleteCredentialAuthenticationView):
    """A passkey as the second step only: for the signed-in user's own passkeys, and
    never while the account's second step is locked."""

    def check_can_authenticate(self):
        from django_otp_webauthn import exceptions

        user = self.get_user()
        if user is None:
            raise exceptions.PasswordlessLoginDisabled()
        if throttle.is_locked(user):
            raise exceptions.UserDisabled()
        super().check_can_authenticate()

    def check_device_usable(self, device):
        from django_otp_webauthn import exceptions

        super().check_device_usable(device)
        if device.user_id != self.request.user.pk:
            raise exceptions.CredentialUserMismatch()

    def complete_auth(self, device):
        super().complete_auth(device)
        record("mfa_verified", user=self.request.user, device="WebAuthnCredential")
