"""Helpers to post the press-release admin form the way the browser does."""

from django.urls import reverse
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from news.models import language_codes
from news.services import LINK_MODELS
from news.translation import PRESS_RELEASE_FIELDS


def change_url(press_release):
    return reverse("admin:news_pressrelease_change", args=[press_release.pk])


def form_data(press_release=None, *, publisher=False, **overrides):
    """POST data of the change (or add) form: the fields, the hidden version, the links,
    empty gallery and attachment inlines."""
    pr = press_release
    new = {
        "title": "A new press release",
        "lead": "Lead.",
        "body": "<p>Body.</p>",
        "dateline": "Astana",
    }
    data = {
        "slug": pr.slug if pr else "a-new-press-release",
        "original_language": pr.original_language if pr else "en",
        "change_note": "",
    }
    # Every language's fields, as the browser posts them (English in new ones).
    for field in PRESS_RELEASE_FIELDS:
        if field == "withdrawn_reason":  # a publisher's field, below
            continue
        for code in language_codes():
            name = build_localized_fieldname(field, code)
            if pr is not None:
                data[name] = getattr(pr, name) or ""
            else:
                data[name] = new.get(field, "") if code == "en" else ""
    if pr is not None:
        data["opened_version"] = str(pr.lock_version)
    if publisher:
        when = timezone.localtime(pr.published_at) if pr and pr.published_at else None
        data["published_at_0"] = when.strftime("%Y-%m-%d") if when else ""
        data["published_at_1"] = when.strftime("%H:%M:%S") if when else ""
        if pr is not None and pr.status in ("published", "withdrawn"):
            for code in language_codes():
                name = build_localized_fieldname("withdrawn_reason", code)
                data[name] = getattr(pr, name) or ""
    # The links panel: one multi-select per kind of link, holding the linked ids.
    for name, link_model in LINK_MODELS.items():
        existing = link_model.objects.filter(press_release=pr) if pr else []
        data[name] = [str(link.target_id) for link in existing]
    for prefix in ("images", "attachments"):  # the gallery and documents inlines, empty
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    # form_data(body=...) means the English field, the language tests write in.
    data.update(
        {
            build_localized_fieldname(key, "en") if key in PRESS_RELEASE_FIELDS else key: value
            for key, value in overrides.items()
        }
    )
    return data


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []
