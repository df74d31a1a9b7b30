from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as webauthn_views

from . import views

app_name = "two_factor"

# django-otp-webauthn's endpoints under its own namespace (its template tags reverse
# "otp_webauthn:..."), with the two completions replaced by ours (audit, own passkeys only).
webauthn_patterns = (
    [
        path(
            "registration/begin/",
            webauthn_views.BeginCredentialRegistrationView.as_view(),
            name="credential-registration-begin",
        ),
        path(
            "registration/complete/",
            views.CompleteCredentialRegistrationView.as_view(),
            name="credential-registration-complete",
        ),
        path(
            "authentication/begin/",
            webauthn_views.BeginCredentialAuthenticationView.as_view(),
            name="credential-authentication-begin",
        ),
        path(
            "authentication/complete/",
            views.CompleteCredentialAuthenticationView.as_view(),
            name="credential-authentication-complete",
        ),
        path(
            "jsi18n/",
            JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
            name="js-i18n-catalog",
        ),
    ],
    "otp_webauthn",
)

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("setup/", views.setup, name="setup"),
    path("recovery-codes/", views.recovery_codes, name="recovery-codes"),
]

root_patterns = [
    path("staff/sign-in/", include((urlpatterns, app_name))),
    path("staff/sign-in/webauthn/", include(webauthn_patterns)),
]
