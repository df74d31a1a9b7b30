"""Print the current authenticator code of the demo accounts (debug only)."""

import base64
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from news.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Print the current 6-digit code of the demo accounts' authenticator key (made by "
        "load_demo while DEBUG is on). Refuses to run with DEBUG off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp runs only with DJANGO_DEBUG=1.")
        totp = TOTP(base64.b32decode(DEMO_TOTP_SECRET))
        totp.time = time.time()
        remaining = 30 - int(time.time()) % 30
        self.stdout.write(f"{totp.token():06d}  (valid for {remaining} more seconds)")
