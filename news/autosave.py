"""Autosave and presence of the press-release change page (one EditSession per person).

The page's script posts the form every few seconds while it changes and pings otherwise;
each post marks the person present. What was autosaved is offered back when the person
opens the page again, with the version it was opened from, so saving it is merged with
what others saved since (news/merge.py).
"""

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from .models import EditSession

# Buttons, the CSRF token and choices of a conflict screen are not the editor's work.
NOT_SAVED = {"csrfmiddlewaretoken", "_transition", "_save", "_continue", "_addanother"}
NOT_SAVED_PREFIXES = ("resolve_", "merge_conflict", "_autosave")


def _session(press_release, user):
    session, _created = EditSession.objects.get_or_create(press_release=press_release, user=user)
    return session


def open_page(press_release, user):
    """Mark `user` present on the page from now (or since they opened it, if still there)."""
    now = timezone.now()
    with transaction.atomic():
        session = _session(press_release, user)
        if session.seen_at < now - EditSession.PRESENCE_TIMEOUT:
            session.opened_at = now
        session.seen_at = now
        session.save(update_fields=["opened_at", "seen_at"])
    return session


def ping(press_release, user):
    """Still on the page."""
    now = timezone.now()
    updated = EditSession.objects.filter(press_release=press_release, user=user).update(seen_at=now)
    if not updated:
        open_page(press_release, user)


def autosave(press_release, user, data):
    """Keep the posted form (a QueryDict) as the person's unsaved work."""
    form_data = {
        key: data.getlist(key)
        for key in data
        if key not in NOT_SAVED and not key.startswith(NOT_SAVED_PREFIXES)
    }
    try:
        opened_version = int(data.get("opened_version", ""))
    except ValueError:
        opened_version = None
    now = timezone.now()
    with transaction.atomic():
        session = _session(press_release, user)
        session.form_data = form_data
        session.opened_version = opened_version
        session.autosaved_at = session.seen_at = now
        session.save(update_fields=["form_data", "opened_version", "autosaved_at", "seen_at"])
    return session


def leave(press_release, user):
    """The page was closed: no longer present; the autosaved work stays."""
    EditSession.objects.filter(press_release=press_release, user=user).update(
        seen_at=timezone.now() - EditSession.PRESENCE_TIMEOUT * 2
    )


def unsaved_work(press_release, user):
    """The person's autosaved session, or None."""
    return (
        EditSession.objects.filter(
            press_release=press_release, user=user, autosaved_at__isnull=False
        )
        .exclude(form_data={})
        .first()
    )


def discard(press_release, user):
    EditSession.objects.filter(press_release=press_release, user=user).update(
        form_data={}, autosaved_at=None, opened_version=None
    )


def others_present(press_release, user):
    """Sessions of other people who have the page open now, the earliest first."""
    return list(
        EditSession.objects.present()
        .filter(press_release=press_release)
        .exclude(user=user)
        .select_related("user")
    )


def as_querydict(form_data):
    data = QueryDict(mutable=True)
    for key, values in form_data.items():
        data.setlist(key, [str(value) for value in values])
    return data
