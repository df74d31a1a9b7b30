from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def ensure_search_index(sender, using="default", **kwargs):
    from django.db import connections

    from .sqlite_search import ensure_index

    ensure_index(connections[using])


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # Mention detection keeps an automaton of directory names per process; any change
        # to the directory bumps a shared version token so every process rebuilds it.
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from partners import models as partners

        from . import page_tags
        from .linking import bump_directory_version

        page_tags.connect()
        # SQLite drops a table's triggers when a migration rebuilds the table: put the
        # search index's back after every migrate (news/sqlite_search.py).
        post_migrate.connect(ensure_search_index, sender=self, dispatch_uid="news-sqlite-fts")

        for model in (
            partners.Country,
            partners.Embassy,
            partners.Person,
            partners.Position,
            partners.Institution,
            partners.Partnership,
        ):
            post_save.connect(
                bump_directory_version, sender=model, dispatch_uid=f"mentions-{model}"
            )
            post_delete.connect(
                bump_directory_version, sender=model, dispatch_uid=f"mentions-del-{model}"
            )
        for through in (
            partners.Partnership.institutions.through,
            partners.Embassy.accredited_countries.through,
        ):
            m2m_changed.connect(
                bump_directory_version, sender=through, dispatch_uid=f"mentions-m2m-{through}"
            )
