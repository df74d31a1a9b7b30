from django.core.management.base import BaseCommand

from news.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: the world of the seed press release (the embassy of "
        "Kazakhstan in Belgium, the University of Antwerp, AlmaU, AMS, their people, "
        "partnerships and figures), the press release itself, a few fictional items and, "
        "with DEBUG on only, demo accounts. Safe to run again: a second run changes nothing."
    )

    def handle(self, *args, **options):
        load_demo(report=self.stdout.write)
