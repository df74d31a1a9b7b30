"""Two-factor sign-in for staff: enrolment on first sign-in, verification, recovery codes,
limits on failed codes, and the superuser's reset of a lost device (issue 14)."""

import re
import time

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from mfa_site.models import AuditEntry
from tests.factories import make_editor, make_publisher, make_superuser

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-Passw0rd"


@pytest.fixture(autouse=True)
def mfa_on(settings):
    settings.MFA_REQUIRED = True


def totp_now(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def enrolled(user):
    """A user with an authenticator app and recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    static.token_set.create(token="recovery1")
    return device


def sign_in(client, username, next_url=None):
    url = reverse("admin:login") + (f"?next={next_url}" if next_url else "")
    response = client.post(
        url, {"username": username, "password": PASSWORD, "next": next_url or ""}
    )
    assert response.status_code == 302, "the password step failed"
    return client.get(response["Location"])


def test_first_sign_in_requires_enrolment_then_shows_recovery_codes(client):
    make_editor("neweditor", password=PASSWORD)
    response = sign_in(client, "neweditor")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))
    # Nothing of the admin is reachable before enrolment.
    assert client.get(reverse("admin:news_pressrelease_changelist")).status_code == 302

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="passkey-register-button"' in html and "otp_webauthn_register.js" in html
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', html).group(1)
    device = TOTPDevice.objects.get(user__username="neweditor", confirmed=False)
    assert secret.replace(" ", "") in device.config_url

    wrong = client.post(response["Location"], {"token": "000000"})
    assert wrong.status_code == 200 and "not valid" in wrong.content.decode()
    confirmed = client.post(response["Location"], {"token": totp_now(device)})
    assert confirmed.status_code == 302
    codes_page = client.get(confirmed["Location"])
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user__username="neweditor").count() == 10
    assert client.get(reverse("admin:index")).status_code == 200
    actions = set(AuditEntry.objects.filter(username="neweditor").values_list("action", flat=True))
    assert {"login", "mfa_enrolled", "mfa_verified"} <= actions


@pytest.mark.parametrize("next_url", ["/admin/", "/staff/partners/"])
def test_enrolled_staff_verify_a_code_and_land_where_they_were_going(client, next_url):
    editor = make_editor("codeeditor", password=PASSWORD)
    device = enrolled(editor)
    response = sign_in(client, "codeeditor", next_url)
    assert response.status_code == 302
    verify = response["Location"]
    assert verify.startswith(reverse("two_factor:verify"))
    assert client.get(next_url).status_code == 302  # still asks for the second step
    page = client.get(verify)
    assert page.status_code == 200
    assert "passkey-verification-button" not in page.content.decode()  # no passkey enrolled
    done = client.post(verify, {"token": totp_now(device), "next": next_url})
    assert done.status_code == 302 and done["Location"] == next_url
    assert client.get(next_url).status_code == 200


def test_staff_search_asks_for_the_second_factor_but_public_pages_do_not(client):
    editor = make_editor("searcheditor")
    enrolled(editor)
    client.force_login(editor)
    assert client.get("/staff/partners/").status_code == 302
    assert client.get(reverse("news:list")).status_code == 200


def test_verify_page_offers_the_passkey_when_one_is_enrolled(client):
    editor = make_editor("passkeyeditor")
    WebAuthnCredential.objects.create(
        user=editor, name="Laptop", credential_id=b"id", public_key=b"key", confirmed=True
    )
    client.force_login(editor)
    page = client.get(reverse("two_factor:verify"))
    html = page.content.decode()
    assert 'id="passkey-verification-button"' in html
    assert "otp_webauthn_auth.js" in html
    assert "<script>" not in html.replace("<script nonce", "")  # no inline script without nonce


def test_a_recovery_code_works_once(client):
    editor = make_editor("recoveryeditor")
    enrolled(editor)
    client.force_login(editor)
    assert client.post(reverse("two_factor:verify"), {"token": "recovery1"}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    client.force_login(editor)
    again = client.post(reverse("two_factor:verify"), {"token": "recovery1"})
    assert again.status_code == 200 and "not valid" in again.content.decode()


def test_five_wrong_codes_lock_the_account_and_sign_it_out(client, settings):
    editor = make_editor("guessededitor", password=PASSWORD)
    device = enrolled(editor)
    sign_in(client, "guessededitor")
    url = reverse("two_factor:verify")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, {"token": "111111"}).status_code == 200
    locked = client.post(url, {"token": "111111"})
    assert locked.status_code == 429
    assert "Too many failed codes" in locked.content.decode()
    assert AuditEntry.objects.filter(action="mfa_failed", user=editor).count() == 5
    assert AuditEntry.objects.filter(action="mfa_lockout", user=editor).exists()
    # Signed out; signing in again with the password does not reset the count.
    assert client.get(reverse("admin:index")).status_code == 302
    response = client.post(
        reverse("admin:login"), {"username": "guessededitor", "password": PASSWORD}
    )
    assert client.get(response["Location"]).status_code == 429
    client.force_login(editor)
    assert client.post(url, {"token": totp_now(device)}).status_code == 429


def test_the_lock_ends_after_the_cool_off(client, settings):
    import datetime

    import time_machine

    editor = make_editor("patienteditor")
    device = enrolled(editor)
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(editor)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("two_factor:verify"), {"token": "222222"})
    with time_machine.travel(start + settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)):
        client.force_login(editor)
        response = client.post(reverse("two_factor:verify"), {"token": totp_now(device)})
        assert response.status_code == 302


def test_a_passkey_of_someone_else_cannot_be_enrolled_before_verification(client):
    editor = make_editor("sneakyeditor")
    enrolled(editor)
    client.force_login(editor)
    response = client.post(
        "/staff/sign-in/webauthn/registration/begin/", content_type="application/json"
    )
    assert response.status_code == 403  # enrolled but not verified: prove the first factor


def test_superuser_resets_a_lost_device_and_it_is_audited(client):
    editor = make_editor("losteditor")
    enrolled(editor)
    WebAuthnCredential.objects.create(
        user=editor, name="Key", credential_id=b"id2", public_key=b"key", confirmed=True
    )
    superuser = make_superuser("resetsuper")
    enrolled(superuser)
    client.force_login(superuser)
    client.post(reverse("two_factor:verify"), {"token": "recovery1"})
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factors", "_selected_action": [editor.pk]},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert not WebAuthnCredential.objects.filter(user=editor).exists()
    entry = AuditEntry.objects.get(action="mfa_reset")
    assert entry.user == superuser and entry.object_repr == "losteditor"
    assert entry.content_type.model == "user" and entry.object_id == str(editor.pk)
    assert entry.ip_address == "192.0.2.10"
    # The editor enrols again at the next sign-in.
    client.force_login(editor)
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("two_factor:setup"))


def test_only_superusers_may_reset_second_factors(client):
    editor = make_editor("victimeditor")
    enrolled(editor)
    publisher = make_publisher("pushypublisher")
    from django.contrib.auth.models import Permission

    publisher.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(publisher)
    publisher_device = enrolled(publisher)
    client.post(reverse("two_factor:verify"), {"token": totp_now(publisher_device)})
    page = client.get(reverse("admin:auth_user_changelist"))
    assert page.status_code == 200
    assert "reset_second_factors" not in page.content.decode()
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factors", "_selected_action": [editor.pk]},
    )
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_with_mfa_off_the_password_is_enough(client, settings):
    settings.MFA_REQUIRED = False
    make_editor("debugeditor", password=PASSWORD)
    assert sign_in(client, "debugeditor").status_code == 200


def test_the_verify_page_without_a_session_goes_to_the_login(client):
    response = client.get(reverse("two_factor:verify"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_disallowed_next_after_verification_lands_on_the_admin_index(client):
    editor = make_editor("nexteditor2")
    device = enrolled(editor)
    client.force_login(editor)
    response = client.post(
        reverse("two_factor:verify") + "?next=https://evil.example/",
        {"token": totp_now(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("admin:index")


def test_superuser_accounts_need_it_too(admin_client):
    User.objects.filter(username="admin").update(is_superuser=True)
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))


def test_device_secrets_are_not_in_the_admin():
    """Authenticator keys and recovery codes are never shown; devices are not edited by hand."""
    from django.contrib import admin

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)
