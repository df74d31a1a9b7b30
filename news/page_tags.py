"""Which cached pages show what: the tags public pages carry and the purges that match them.

Tags (see mfa_site/page_cache.py):
- `news`: the set of listed press releases (lists, feeds, home, sitemap, archive, menus);
- `directory`: any directory entry (partner pages and lists, menus, home, sitemap);
- `pr:<pk>`: one press release's page;
- `<kind>:<pk>` (`topic`, `embassy`, `institution`, `partnership`, `person`, `country`):
  the page of that subject, its feeds, and the pages of press releases that link to it.

A press release purges when it is public (published, scheduled or withdrawn) before or
after a change: its own tag, `news`, and the tags of everything it links to (their pages
list it). A directory entry purges `directory` and its own tag. The receivers below are
connected in `NewsConfig.ready()`; bulk writes that bypass signals call `purge_everything()`.
"""

import datetime

from mfa_site import page_cache
from partners import models as partners

from . import models as news

PUBLIC_STATES = (news.PressRelease.Status.PUBLISHED, news.PressRelease.Status.WITHDRAWN)

# Link table -> the kind of subject it links to.
LINK_KINDS = {
    news.PressReleaseTopic: "topic",
    news.PressReleaseEmbassy: "embassy",
    news.PressReleaseInstitution: "institution",
    news.PressReleasePartnership: "partnership",
    news.PressReleasePerson: "person",
    news.PressReleaseCountry: "country",
    news.PressReleaseFigure: "figure",
}
DIRECTORY_MODELS = [
    partners.Country,
    partners.Embassy,
    partners.Person,
    partners.Institution,
    partners.CooperationArea,
    partners.Partnership,
    news.Topic,
]


def subject_tag(obj):
    """`institution:12`: the same name partners' pages tag themselves with."""
    return page_cache.object_tag(obj)


def figure_tags(figure_ids):
    """A figure shows on its partnership's or institution's page."""
    tags = set()
    for partnership_id, institution_id in partners.Figure.objects.filter(
        pk__in=figure_ids
    ).values_list("partnership_id", "institution_id"):
        if partnership_id:
            tags.add(f"partnership:{partnership_id}")
        if institution_id:
            tags.add(f"institution:{institution_id}")
    return tags


def link_tags(link_model, target_ids):
    kind = LINK_KINDS[link_model]
    if kind == "figure":
        return figure_tags(target_ids)
    return {f"{kind}:{pk}" for pk in target_ids}


def press_release_tags(pk):
    """The press release's page, the lists, and the pages of everything it links to."""
    tags = {"news", f"pr:{pk}"}
    for link_model in LINK_KINDS:
        targets = link_model.objects.filter(press_release_id=pk).values_list("target_id", flat=True)
        tags |= link_tags(link_model, list(targets))
    return tags


def is_public(status):
    return status in PUBLIC_STATES


def purge_press_release(pk, extra=()):
    page_cache.purge(*press_release_tags(pk), *extra)


def purge_everything():
    """After bulk writes (imports, generated data, data migrations): every cached page."""
    page_cache.purge(page_cache.SITE_TAG)


def next_scheduled_publication():
    """The publication time of the next scheduled press release, as a timestamp, or None."""
    moment = (
        news.PressRelease.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return moment.timestamp() if isinstance(moment, datetime.datetime) else None


# Receivers


def remember_state(sender, instance, raw=False, **kwargs):
    """Before a save: was the press release public? (Then its old pages must go too.)"""
    if raw or instance.pk is None:
        instance._page_was_public = False
        return
    old = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    instance._page_was_public = is_public(old)


def press_release_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "_page_was_public", False) or is_public(instance.status):
        purge_press_release(instance.pk)


def press_release_deleting(sender, instance, **kwargs):
    if is_public(instance.status):
        instance._page_tags = press_release_tags(instance.pk)


def press_release_deleted(sender, instance, **kwargs):
    tags = getattr(instance, "_page_tags", None)
    if tags:
        page_cache.purge(*tags)


def _public_press_release(pk):
    status = news.PressRelease.objects.filter(pk=pk).values_list("status", flat=True).first()
    return is_public(status)


def link_changed(sender, instance, raw=False, **kwargs):
    """A link row saved or deleted directly (restore, suggestions, admin inlines)."""
    if raw or not _public_press_release(instance.press_release_id):
        return
    purge_press_release(instance.press_release_id, link_tags(sender, [instance.target_id]))


def links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """`press_release.topics.add(...)`, `.set()`, `.clear()` and the reverse relations."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        press_release_ids = [instance.pk]
        if action == "pre_clear":
            pk_set = set(
                sender.objects.filter(press_release_id=instance.pk).values_list(
                    "target_id", flat=True
                )
            )
        target_ids = list(pk_set or ())
    else:
        target_ids = [instance.pk]
        if action == "pre_clear":
            pk_set = set(
                sender.objects.filter(target_id=instance.pk).values_list(
                    "press_release_id", flat=True
                )
            )
        press_release_ids = list(pk_set or ())
    public = news.PressRelease.objects.filter(
        pk__in=press_release_ids, status__in=PUBLIC_STATES
    ).values_list("pk", flat=True)
    tags = set()
    for pk in public:
        tags |= press_release_tags(pk)
    if tags:
        page_cache.purge(*tags, *link_tags(sender, target_ids))


def directory_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page_cache.purge("directory", subject_tag(instance))


def position_changed(sender, instance, raw=False, **kwargs):
    """A post shows on its person's, mission's or institution's page and their news."""
    if raw:
        return
    tags = {"directory", f"person:{instance.person_id}"}
    if instance.embassy_id:
        tags.add(f"embassy:{instance.embassy_id}")
    if instance.institution_id:
        tags.add(f"institution:{instance.institution_id}")
    page_cache.purge(*tags)


def figure_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    tags = {"directory"}
    if instance.partnership_id:
        tags.add(f"partnership:{instance.partnership_id}")
    if instance.institution_id:
        tags.add(f"institution:{instance.institution_id}")
    page_cache.purge(*tags)


def directory_links_changed(sender, instance, action, **kwargs):
    """Partnership members and areas, missions' accredited countries."""
    if action in ("post_add", "post_remove", "post_clear") and instance.pk:
        page_cache.purge("directory", subject_tag(instance))


def media_changed(sender, instance, raw=False, **kwargs):
    """A gallery image or attachment of a press release."""
    if raw or not _public_press_release(instance.press_release_id):
        return
    page_cache.purge(f"pr:{instance.press_release_id}")


def connect():
    """Connect the receivers (called once from `NewsConfig.ready()`)."""
    from django.db.models.signals import (
        m2m_changed,
        post_delete,
        post_save,
        pre_delete,
        pre_save,
    )

    PressRelease = news.PressRelease
    pre_save.connect(remember_state, sender=PressRelease, dispatch_uid="pages-pr-pre")
    post_save.connect(press_release_saved, sender=PressRelease, dispatch_uid="pages-pr-save")
    pre_delete.connect(press_release_deleting, sender=PressRelease, dispatch_uid="pages-pr-pdel")
    post_delete.connect(press_release_deleted, sender=PressRelease, dispatch_uid="pages-pr-del")
    for link_model in LINK_KINDS:
        uid = f"pages-link-{link_model.__name__}"
        post_save.connect(link_changed, sender=link_model, dispatch_uid=uid)
        post_delete.connect(link_changed, sender=link_model, dispatch_uid=f"{uid}-del")
        m2m_changed.connect(links_changed, sender=link_model, dispatch_uid=f"{uid}-m2m")
    for model in DIRECTORY_MODELS:
        uid = f"pages-dir-{model.__name__}"
        post_save.connect(directory_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(directory_changed, sender=model, dispatch_uid=f"{uid}-del")
    for model, receiver in (
        (partners.Position, position_changed),
        (partners.Figure, figure_changed),
    ):
        uid = f"pages-dir-{model.__name__}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-del")
    for through in (
        partners.Partnership.institutions.through,
        partners.Partnership.areas.through,
        partners.Embassy.accredited_countries.through,
    ):
        m2m_changed.connect(
            directory_links_changed, sender=through, dispatch_uid=f"pages-dir-m2m-{through}"
        )
    for model in (news.PressReleaseImage, news.PressReleaseAttachment):
        uid = f"pages-media-{model.__name__}"
        post_save.connect(media_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(media_changed, sender=model, dispatch_uid=f"{uid}-del")
    if next_scheduled_publication not in page_cache.horizons:
        page_cache.horizons.append(next_scheduled_publication)
