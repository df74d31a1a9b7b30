"""Recompute the staff search's folded text of every institution."""

from django.core.management.base import BaseCommand

from partners.models import Institution
from partners.search import refresh_search_text


class Command(BaseCommand):
    help = (
        "Recompute the staff search text (and on PostgreSQL the search vector) of every "
        "institution: needed after bulk writes that bypass save(), such as bulk_create."
    )

    def handle(self, *args, **options):
        ids = list(Institution.objects.values_list("pk", flat=True))
        refresh_search_text(ids)
        message = f"Refreshed the search text of {len(ids)} institutions."
        self.stdout.write(self.style.SUCCESS(message))
