"""Rebuild the SQLite full-text index of press releases (nothing to do on PostgreSQL)."""

from django.core.management.base import BaseCommand
from django.db import connection

from news.sqlite_search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the SQLite FTS5 index of press releases from their rows (after restoring a "
        "database file, for example). PostgreSQL keeps its own search indexes: nothing to do."
    )

    def handle(self, *args, **options):
        if connection.vendor != "sqlite":
            self.stdout.write("PostgreSQL searches with its own indexes: nothing to rebuild.")
            return
        rebuild_index()
        self.stdout.write(self.style.SUCCESS("Rebuilt the full-text index of press releases."))
