"""Mark every cached public page stale: after bulk writes that bypass the model signals."""

from django.core.management.base import BaseCommand

from news.page_tags import purge_everything


class Command(BaseCommand):
    help = (
        "Purge every cached public page (page cache and derived menus, archive, sitemap "
        "dates). Run it after bulk writes that bypass save(): update(), bulk_create(), "
        "data migrations, restores."
    )

    def handle(self, *args, **options):
        purge_everything()
        self.stdout.write("Every cached public page is purged.")
