"""Turn detected mentions into links and suggestions, and carry out the editor's decisions.

On import, confident mentions of institutions, missions, people and countries (and
partnerships named by two of their members) become links at once; everything else, and
every figure and new institution, waits as a pending `LinkSuggestion`. A dismissed
suggestion keeps its row, so detection never offers it again.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from partners.models import (
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
)

from .. import page_tags
from ..models import (
    LinkSuggestion,
    PressReleaseCountry,
    PressReleaseEmbassy,
    PressReleaseFigure,
    PressReleaseInstitution,
    PressReleasePartnership,
    PressReleasePerson,
)
from .directory import HOME_COUNTRY
from .language import detect_language
from .mentions import detect_mentions, press_release_text

Kind = LinkSuggestion.Kind
Status = LinkSuggestion.Status

LINKS = {
    Kind.INSTITUTION: (Institution, PressReleaseInstitution, "institutions"),
    Kind.EMBASSY: (Embassy, PressReleaseEmbassy, "embassies"),
    Kind.PERSON: (Person, PressReleasePerson, "people"),
    Kind.COUNTRY: (Country, PressReleaseCountry, "countries"),
    Kind.PARTNERSHIP: (Partnership, PressReleasePartnership, "partnerships"),
}


def detect_for(text, on):
    return detect_mentions(text, on)


def detect_press_release(press_release, on=None):
    """(Re)run detection on a saved press release, at its publication date or today."""
    if on is None and press_release.published_at:
        on = timezone.localtime(press_release.published_at).date()
    if on is None:
        # An imported draft was detected at its dateline's date, kept on its figures.
        on = (
            press_release.link_suggestions.exclude(as_of=None)
            .order_by("as_of")
            .values_list("as_of", flat=True)
            .first()
        ) or timezone.localdate()
    detection = detect_mentions(press_release_text(press_release), on)
    return apply_detection(press_release, detection, link_confident=False)


@dataclass
class Applied:
    linked: int = 0
    pending: int = 0


def _linked_ids(press_release):
    return {
        kind: set(
            link_model.objects.filter(press_release=press_release).values_list(
                "target_id", flat=True
            )
        )  # fmt: skip
        for kind, (_model, link_model, _name) in LINKS.items()
    }


def apply_detection(press_release, detection, *, link_confident, fresh=False):
    """Record a detection: links for confident mentions when `link_confident`, else
    pending suggestions; what the editor dismissed stays dismissed. `fresh` says the
    press release was just created, so it has no links or suggestions to read."""
    if fresh:
        existing, linked = {}, {kind: set() for kind in LINKS}
    else:
        existing = {s.key: s for s in press_release.link_suggestions.all()}
        linked = _linked_ids(press_release)
    result = Applied()
    new_links = {kind: [] for kind in LINKS}
    wanted = []  # (key, fields, status)
    for mention in detection.mentions:
        fields = {
            "kind": mention.kind,
            "object_id": mention.object_id,
            "matched_text": mention.text[:300],
            "sentence": mention.sentence,
            "country_code": mention.country_code,
        }
        if mention.kind == Kind.NEW_INSTITUTION:
            fields["matched_text"] = mention.name[:300]
            # Another name of a known institution: accepting adds it to its aliases.
            fields["object_id"] = mention.alias_of
            fields["organisation"] = mention.alias_of_name[:300]
            wanted.append((mention.key, fields, Status.PENDING))
            continue
        if mention.kind == Kind.NEW_PERSON:
            fields["matched_text"] = mention.name[:300]
            fields["role"] = mention.role[:200]
            fields["organisation"] = mention.organisation[:300]
            wanted.append((mention.key, fields, Status.PENDING))
            continue
        if mention.object_id in linked[mention.kind]:
            continue
        if link_confident and mention.confident and _not_dismissed(existing, mention.key):
            new_links[mention.kind].append(mention.object_id)
            linked[mention.kind].add(mention.object_id)
            wanted.append((mention.key, fields, Status.ACCEPTED))
        else:
            wanted.append((mention.key, fields, Status.PENDING))
    linked_figures = set()
    if detection.figures and not fresh:
        linked_figures = set(
            press_release.figures.values_list("partnership_id", "institution_id", "label", "value")
        )
    for figure in detection.figures:
        partnership_id = figure.subject_id if figure.subject_kind == "partnership" else None
        institution_id = figure.subject_id if figure.subject_kind == "institution" else None
        if (partnership_id, institution_id, figure.label, figure.value) in linked_figures:
            continue
        fields = {
            "kind": Kind.FIGURE,
            "object_id": figure.subject_id,
            "subject_kind": figure.subject_kind,
            "subject_name": figure.subject_name[:300],
            "approximate": figure.approximate,
            "matched_text": figure.text[:300],
            "sentence": figure.sentence,
            "label": figure.label,
            "value": figure.value,
            "as_of": detection.on,
        }
        wanted.append((figure.key, fields, Status.PENDING))

    with transaction.atomic(savepoint=False):
        for kind, ids in new_links.items():
            if not ids:
                continue
            link_model = LINKS[kind][1]
            link_model.objects.bulk_create(
                [link_model(press_release=press_release, target_id=pk) for pk in ids],
                ignore_conflicts=True,
            )
            result.linked += len(ids)
            if page_tags.is_public(press_release.status):
                # bulk_create() sends no signal: purge the pages that now show the links.
                linked = page_tags.link_tags(link_model, ids)
                page_tags.purge_press_release(press_release.pk, linked)
        to_create, to_update = [], []
        keys = set()
        for key, fields, status in wanted:
            if key in keys:
                continue
            keys.add(key)
            suggestion = existing.get(key)
            if suggestion is None:
                to_create.append(
                    LinkSuggestion(press_release=press_release, key=key, status=status, **fields)
                )
            elif suggestion.status != Status.DISMISSED:
                changed = suggestion.status != status and status == Status.ACCEPTED
                for name, value in fields.items():
                    if getattr(suggestion, name) != value:
                        setattr(suggestion, name, value)
                        changed = True
                if status == Status.ACCEPTED:
                    suggestion.status = status
                if changed:
                    to_update.append(suggestion)
            if status == Status.PENDING and (suggestion is None or suggestion.status == status):
                result.pending += 1
        LinkSuggestion.objects.bulk_create(to_create, ignore_conflicts=True)
        if to_update:
            LinkSuggestion.objects.bulk_update(
                to_update,
                ["status", "object_id", "matched_text", "sentence", "country_code", "subject_kind",
                 "label", "value", "as_of", "subject_name", "approximate", "role",
                 "organisation"],
            )  # fmt: skip
        # Pending suggestions the text no longer supports go; decisions stay.
        stale = [s.pk for k, s in existing.items() if k not in keys and s.status == Status.PENDING]
        if stale:
            LinkSuggestion.objects.filter(pk__in=stale).delete()
    return result


def _not_dismissed(existing, key):
    suggestion = existing.get(key)
    return suggestion is None or suggestion.status != Status.DISMISSED


def _decide(suggestion, status):
    suggestion.status = status
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])


@transaction.atomic
def accept(suggestion):
    """Carry out a suggestion: link the entry, create the figure or the new institution.
    Returns what it linked, as (link field name, entry) pairs, the main entry first."""
    press_release = suggestion.press_release
    if suggestion.kind in LINKS:
        model, link_model, name = LINKS[suggestion.kind]
        target = model.objects.get(pk=suggestion.object_id)
        link_model.objects.get_or_create(press_release=press_release, target=target)
        linked = [(name, target)]
    elif suggestion.kind == Kind.FIGURE:
        figure = accept_figure(suggestion)
        PressReleaseFigure.objects.get_or_create(press_release=press_release, target=figure)
        linked = [("figures", figure), (f"{suggestion.subject_kind}s", figure.subject)]
    elif suggestion.kind == Kind.NEW_INSTITUTION and suggestion.object_id:
        institution = add_alias(suggestion)
        PressReleaseInstitution.objects.get_or_create(
            press_release=press_release, target=institution
        )
        linked = [("institutions", institution)]
    elif suggestion.kind == Kind.NEW_INSTITUTION:
        institution = create_institution(suggestion)
        PressReleaseInstitution.objects.get_or_create(
            press_release=press_release, target=institution
        )
        suggestion.object_id = institution.pk
        suggestion.save(update_fields=["object_id"])
        linked = [("institutions", institution)]
    elif suggestion.kind == Kind.NEW_PERSON:
        person = create_person(suggestion)
        PressReleasePerson.objects.get_or_create(press_release=press_release, target=person)
        suggestion.object_id = person.pk
        suggestion.save(update_fields=["object_id"])
        linked = [("people", person)]
    else:
        linked = []
    _decide(suggestion, Status.ACCEPTED)
    return linked


def _name_columns(model):
    present = {f.name for f in model._meta.get_fields()}
    return [c for c in ("name_en", "name_kk", "name_ru") if c in present] or ["name"]


def named(model, name):
    """Entries of `model` called `name` in any of the site's languages."""
    query = Q()
    for column in _name_columns(model):
        query |= Q(**{f"{column}__iexact": name})
    return model.objects.filter(query)


def name_in(model, name, suggestion):
    """The name field to fill for a new entry: a name in Latin letters is its English name
    (English is every language's fallback), a Cyrillic one its name in the press release's
    language."""
    language = "en"
    if re.search(r"[\u0400-\u04ff]", name):
        original = getattr(suggestion.press_release, "original_language", "")
        language = original if original in ("ru", "kk") else detect_language(name)
    column = f"name_{language}"
    if column not in _name_columns(model):
        return {"name": name}
    if language == "en":
        return {"name": name, "name_en": name}  # the active language's column too
    return {column: name}


class FigureWithoutSubject(ValueError):
    """A figure of the press release alone: the directory keeps figures of a partnership
    or an institution, so the editor links one first."""


def add_alias(suggestion):
    """Accepting another name of a known institution: it joins that institution's aliases."""
    institution = Institution.objects.get(pk=suggestion.object_id)
    name = suggestion.matched_text.strip()
    names = [line.strip().lower() for line in institution.aliases.splitlines()]
    if name.lower() not in names and name.lower() != institution.name.lower():
        institution.aliases = "\n".join(filter(None, [institution.aliases.strip(), name]))
        institution.save(update_fields=["aliases"])
    return institution


def create_person(suggestion):
    """The person a new-person suggestion proposes, with their post where the organisation
    is an institution of the directory (or an existing person of that name)."""
    name = " ".join(suggestion.matched_text.split())
    person = named(Person, name).first()
    if person is None:
        base = slugify(name)[:240] or "person"
        slug, n = base, 2
        while Person.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        person = Person.objects.create(slug=slug, **name_in(Person, name, suggestion))
    institution = None
    if suggestion.organisation:
        institution = named(Institution, suggestion.organisation).first()
    if institution is None and suggestion.object_id:  # detection found it in the directory
        institution = Institution.objects.filter(pk=suggestion.object_id).first()
    if institution is not None and suggestion.role:
        Position.objects.get_or_create(
            person=person, institution=institution, title=suggestion.role[:100], end_date=None
        )
    return person


def accept_figure(suggestion):
    subject = {"partnership": None, "institution": None}
    if suggestion.subject_kind == "new_institution":
        institution = create_institution(suggestion, name=suggestion.subject_name)
        suggestion.subject_kind, suggestion.object_id = "institution", institution.pk
        suggestion.save(update_fields=["subject_kind", "object_id"])
    if suggestion.subject_kind not in ("partnership", "institution"):
        raise FigureWithoutSubject
    if suggestion.subject_kind == "partnership":
        subject["partnership"] = Partnership.objects.get(pk=suggestion.object_id)
        link_model = PressReleasePartnership
    else:
        subject["institution"] = Institution.objects.get(pk=suggestion.object_id)
        link_model = PressReleaseInstitution
    link_model.objects.get_or_create(
        press_release=suggestion.press_release, target=subject[suggestion.subject_kind]
    )
    as_of = suggestion.as_of or timezone.localdate()
    figure, _created = Figure.objects.get_or_create(
        label=suggestion.label, as_of=as_of, **subject, defaults={"value": suggestion.value}
    )
    if figure.value != suggestion.value:
        figure.value = suggestion.value
        figure.save(update_fields=["value"])
    return figure


def guess_institution_kind(name):
    lowered = name.lower()
    if "business school" in lowered or "management school" in lowered:
        return Institution.Kind.BUSINESS_SCHOOL
    if any(word in lowered for word in ("centre", "center", "laboratory")):
        return Institution.Kind.RESEARCH_CENTRE
    return Institution.Kind.UNIVERSITY


def create_institution(suggestion, name=None, country_code=None):
    """The institution a new-institution suggestion proposes (or the existing one)."""
    name = (name or suggestion.matched_text).strip()
    existing = named(Institution, name).first()
    if existing:
        return existing
    code = (country_code or suggestion.country_code or "").upper()
    country = Country.objects.filter(code=code).first()
    if country is None:
        country = Country.objects.get(code=HOME_COUNTRY)
    base = slugify(name)[:240] or "institution"
    slug, n = base, 2
    while Institution.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return Institution.objects.create(
        slug=slug,
        country=country,
        kind=guess_institution_kind(name),
        **name_in(Institution, name, suggestion),
    )


def dismiss(suggestion):
    _decide(suggestion, Status.DISMISSED)
    return suggestion
