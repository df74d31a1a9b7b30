"""``{% news_card item %}``: the card of one press release in a list, written in Python.

A list shows twenty cards, the home page six and a press release five more. As an include,
a card cost about 0.4 ms of template machinery (context pushes, filter look-ups, lazy
escaping and localisation for every variable), a third of an uncached news list; written
here with the standard library's escaping it costs about a fifth of that. `item` comes from
`PressRelease.objects.cards()`, which loads the fields read here in the page's language.
"""

from html import escape

from django import template
from django.template.defaultfilters import date, truncatewords
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from mfa_site.page_cache import cached_values
from mfa_site.templatetags.images import responsive_image
from news.models import PressRelease, active_language

register = template.Library()

LEAD_WORDS = 40
IMAGE_SIZES = "(max-width: 40rem) 6rem, 8rem"


@register.simple_tag
def news_card(item, level=3, show_topics=False, compact=False):
    """An <article class="card"> with the title as a heading of ``level``, a link to the
    press release, its dateline and date, and unless ``compact`` its image and lead."""
    language = active_language()

    def text(field):  # the page language's column: press releases never fall back
        return getattr(item, build_localized_fieldname(field, language)) or ""

    level = int(level)
    image = (
        ""
        if compact or not item.image
        else responsive_image(item.image, alt="", decorative=True, sizes=IMAGE_SIZES)
    )
    published = localtime(item.published_at)
    dateline = text("dateline")
    parts = [
        f'<article class="card{" card--with-image" if image else ""}">\n  ',
        f'<div class="card__image">{image}</div>\n  ' if image else "",
        f'<h{level} class="card__title"><a href="{escape(item.get_absolute_url())}">'
        f"{escape(text('title'))}</a></h{level}>\n",
        '  <p class="card__meta">',
        f'<span class="card__dateline">{escape(dateline)}</span>, ' if dateline else "",
        f'<time datetime="{published.isoformat()}">{escape(date(published))}</time></p>\n  ',
    ]
    if not compact:
        lead = escape(truncatewords(text("lead"), LEAD_WORDS))
        parts.append(f'<p class="card__lead">{lead}</p>')
    topics = getattr(item, "card_topics", None) if show_topics else None
    if topics:
        names = "".join(f"<li>{escape(topic.name)}</li>" for topic in topics)
        parts.append(f'\n  <ul class="tags" aria-label="{escape(gettext("Topics"))}">{names}</ul>')
    parts.append("\n</article>")
    return mark_safe("".join(parts))


def cached_cards(press_releases, level=3, show_topics=False, compact=False):
    """The cards of `press_releases` (a queryset, in its order), each rendered once per
    language and change: a card is kept in the cache under its press release's tag (any
    change to a public press release, its links or its media purges it) and `directory`
    (its topics' names). The queryset is read for its ids alone; only the press releases
    whose card is not cached are loaded, in one query (and one for their topics)."""
    ids = list(press_releases.values_list("pk", flat=True))
    language = active_language()
    options = f"{level}:{int(bool(show_topics))}:{int(bool(compact))}"
    keys = {pk: (f"news-card:{pk}:{language}:{options}", [f"pr:{pk}", "directory"]) for pk in ids}

    def render(missing):
        items = PressRelease.objects.filter(pk__in=missing).cards(topics=show_topics)
        return {
            item.pk: news_card(item, level=level, show_topics=show_topics, compact=compact)
            for item in items
        }

    cards = cached_values(keys, render)
    return [cards[pk] for pk in ids if pk in cards]
