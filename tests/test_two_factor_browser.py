"""A passkey in a real browser: Chromium's virtual authenticator (DevTools protocol) creates
one at first sign-in and signs in with it the next time, under the enforced CSP."""

import pytest
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from mfa_site.models import AuditEntry
from tests.csp_probe import ViolationRecorder
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-enough-Passw0rd"


@pytest.fixture
def authenticator(page):
    """A platform authenticator with user verification, as in a laptop with a fingerprint."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield cdp, added["authenticatorId"]
    cdp.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": added["authenticatorId"]})


def password_step(recorder, base_url, next_path=""):
    page = recorder.page
    url = base_url + reverse("admin:login") + (f"?next={next_path}" if next_path else "")
    recorder.visit(url)
    page.fill("#id_username", "passkeyeditor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")


def test_passkey_enrolment_and_sign_in_in_chromium(live_server, page, settings, authenticator):
    settings.MFA_REQUIRED = True
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url.replace("127.0.0.1", "localhost")]
    base_url = settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]
    editor = make_editor("passkeyeditor", password=PASSWORD)
    cdp, authenticator_id = authenticator
    recorder = ViolationRecorder(page)

    # First sign-in: the password, then enrolment is required.
    password_step(recorder, base_url)
    assert reverse("two_factor:setup") in page.url
    page.click("#passkey-register-button")
    page.wait_for_selector("ul.recovery-codes li", timeout=15_000)
    assert page.locator("ul.recovery-codes li").count() == 10
    assert WebAuthnCredential.objects.filter(user=editor, confirmed=True).count() == 1
    assert (
        len(
            cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})[
                "credentials"
            ]
        )
        == 1
    )
    with page.expect_navigation():
        page.click("text=I have saved them, continue")
    page.wait_for_load_state("networkidle")
    assert page.url.rstrip("/").endswith(reverse("admin:index").rstrip("/"))
    assert page.locator("#site-name").count() == 1

    # Sign out, and in again: this time the passkey is the second step.
    with page.expect_navigation():
        page.click("#logout-form button")
    page.wait_for_load_state("networkidle")
    password_step(recorder, base_url, "/staff/partners/")
    assert reverse("two_factor:verify") in page.url
    page.click("#passkey-verification-button")
    page.wait_for_url("**/staff/partners/", timeout=15_000)
    assert page.locator("h1").first.is_visible()
    assert AuditEntry.objects.filter(
        user=editor, action="mfa_verified", details__device="WebAuthnCredential"
    ).exists()
    assert AuditEntry.objects.filter(
        user=editor, action="mfa_enrolled", details__device="WebAuthnCredential"
    ).exists()
    assert recorder.violations() == []
