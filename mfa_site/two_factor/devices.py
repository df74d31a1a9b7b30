"""The second factors of a user: queries and the few changes made to them."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def has_second_factor(user):
    """Whether the user has enrolled a passkey or an authenticator app."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def has_passkey(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def code_devices(user):
    """The devices that accept a typed code: authenticator apps, then recovery codes."""
    return [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]


def matching_device(user, token):
    """The device that accepts `token` (and consumes it, for a recovery code), or None."""
    token = "".join(str(token).split()).lower()
    if not token or len(token) > 16:
        return None
    for device in code_devices(user):
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    return None


def pending_totp_device(user):
    """The authenticator app being enrolled: unconfirmed, made once and reused."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones; return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def has_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()


def reset(user):
    """Remove every second factor of `user` (a lost phone or key); they enrol again."""
    removed = {
        "authenticator_apps": TOTPDevice.objects.filter(user=user).delete()[0],
        "recovery_codes": StaticDevice.objects.filter(user=user).delete()[0],
        "passkeys": WebAuthnCredential.objects.filter(user=user).delete()[0],
    }
    return removed
