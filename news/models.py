"""Press releases and what they are about."""

import datetime
import functools
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from mfa_site.media_fields import DocumentField, SafeImageField, UploadTo
from partners.models import (
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
    held_on,
)

from .richtext import BODY_EXTENSIONS, sanitize_body


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('news:list')}?topic={self.slug}"


# What a news card shows in the page's language (`PressReleaseQuerySet.cards()`).
CARD_FIELDS = ("title", "lead", "dateline")

# A press release is available in a language when these three are written in it.
LANGUAGE_REQUIRED_FIELDS = ("title", "lead", "body")


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


_SLUG_MARK = "slug-mark"


@functools.cache
def _detail_url(language, _prefix, _urlconf):
    """The path of a press release in ``language`` with `_SLUG_MARK` for its slug."""
    with override(language):
        return reverse("news:detail", args=[_SLUG_MARK])


def active_language():
    """The active language if it is one of the site's, else the default one."""
    language = (get_language() or "")[:2]
    return language if language in language_codes() else settings.LANGUAGE_CODE


def in_sql(constant):
    """A constant of this module written into the SQL itself, not bound as a parameter.

    The per-language indexes' conditions (`news_pr_listed_<code>`) are written with
    constants. SQLite leaves out a condition the index already holds only when the query
    writes the same constants; with bound parameters it reads each row's record (and its
    body) to test them again: page 50 of the news list at 50,000 press releases took 0.9 ms
    in SQLite instead of 0.05."""
    if "'" in constant:
        raise ValueError("Only plain constants are written into the SQL.")
    return RawSQL(f"'{constant}'", ())


def written_in(language, constants_in_sql=False):
    """Q: the press release has its title, lead and body in ``language``.

    "Greater than the empty string" is "neither NULL nor empty" in one lookup a field (no
    text sorts before the empty one; PostgreSQL breaks collation ties by bytes): building
    and compiling `isnull=False` and a negated `= ''` cost about 1 ms on every list, feed
    and search. Queries write the empty string into the SQL (`in_sql`); the indexes'
    conditions keep the plain value, which their migration records."""
    empty = in_sql("") if constants_in_sql else ""
    names = (build_localized_fieldname(field, language) for field in LANGUAGE_REQUIRED_FIELDS)
    return Q(**{f"{name}__gt": empty for name in names})


def withdrawal_explained():
    """Q: a reason for withdrawal in every language the press release is written in, since
    its page in each of them shows the reason."""
    condition = Q()
    for code in language_codes():
        reason = build_localized_fieldname("withdrawn_reason", code)
        condition &= ~written_in(code) | Q(**{f"{reason}__isnull": False, f"{reason}__gt": ""})
    return condition


class PressReleaseQuerySet(models.QuerySet):
    def in_language(self, language=None):
        """Those written in ``language`` (the active one by default): listed, fed, searched."""
        return self.filter(written_in(language or active_language(), constants_in_sql=True))

    def outdated_translations(self):
        """Those with a translation made from an older version of the original."""
        return self.filter(
            models.Exists(
                PressReleaseTranslation.objects.filter(
                    press_release=models.OuterRef("pk"),
                    based_on_version__lt=models.OuterRef("original_version"),
                )
            )
        )

    def cards(self, topics=True, language=None):
        """Only what a news card shows (`{% news_card %}`), in ``language``, with its
        topics as `card_topics` unless ``topics`` is False: 6 of the 48 columns per row (the
        three bodies are among those left out)."""
        language = language or active_language()
        cards = self.only(
            "slug",
            "published_at",
            "image",
            *(build_localized_fieldname(field, language) for field in CARD_FIELDS),
        )
        if topics:
            cards = cards.prefetch_related(Prefetch("topics", to_attr="card_topics"))
        return cards

    def published(self):
        """What the public may see listed: published, and not scheduled for later."""
        return self.filter(status=PressRelease.Status.PUBLISHED).up_to_now()

    def listed(self, language=None):
        """What the public sees listed, fed and searched in ``language`` (default: active)."""
        return self.listed_at_any_time(language).up_to_now()

    def listed_at_any_time(self, language=None):
        """`listed()` but for the time: the part `PressRelease.objects` keeps per language.
        The status is written into the SQL as the language's index writes it (`in_sql`)."""
        return self.filter(status=in_sql(PressRelease.Status.PUBLISHED)).in_language(language)

    def up_to_now(self):
        """Published now or earlier: scheduled press releases appear at their time."""
        return self.filter(published_at__lte=timezone.now())

    def withdrawn(self):
        """Withdrawn after publication: the page stays with a notice, but is listed nowhere."""
        return self.filter(status=PressRelease.Status.WITHDRAWN).up_to_now()

    def public(self):
        """Every press release with a public page: published or withdrawn (not later).

        One condition, not `published() | withdrawn()`: the same rows, a third of the cost of
        building the query on every press release page."""
        return self.public_at_any_time().up_to_now()

    def public_at_any_time(self):
        return self.filter(
            status__in=[PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN]
        )

    def months(self):
        """(year, month, count) for each month with press releases, newest first."""
        return (
            self.annotate(year=ExtractYear("published_at"), month=ExtractMonth("published_at"))
            .values_list("year", "month")
            .annotate(count=Count("pk"))
            .order_by("-year", "-month")
        )

    def with_related(self):
        """Everything the public page of a press release shows, in a fixed number of queries.

        Heads of mission and people's posts are prefetched whole, so the page picks the
        one held on the day of the press release in Python (`PressRelease.related_*`).
        """
        return self.prefetch_related(
            "topics",
            "countries",
            Prefetch(
                "embassies",
                queryset=Embassy.objects.select_related("host_country").prefetch_related(
                    Prefetch(
                        "positions",
                        queryset=Position.objects.heads().select_related("person"),
                        to_attr="head_positions",
                    )
                ),
            ),
            Prefetch(
                "institutions", queryset=Institution.objects.select_related("parent", "country")
            ),
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.prefetch_related(
                    Prefetch("figures", queryset=Figure.objects.order_by("label", "-as_of")),
                    "areas",
                ),
            ),
            Prefetch(
                "people",
                queryset=Person.objects.prefetch_related(
                    Prefetch(
                        "positions",
                        queryset=Position.objects.select_related("embassy", "institution"),
                        to_attr="all_positions",
                    )
                ),
            ),
        )

    def scheduled(self):
        """Published with a publication time still to come: appears by itself then."""
        return self.filter(status=PressRelease.Status.PUBLISHED, published_at__gt=timezone.now())


class PressReleaseManager(models.Manager.from_queryset(PressReleaseQuerySet)):
    """`PressRelease.objects`. `listed()` and `public()` called on it (every list, feed,
    search and press release page) start from filters built once per process and language:
    only the time is added per request. Building the lookups of `listed()` cost 145 us of
    an uncached news list's 2 ms, cloning the kept queryset 25 us. The kept querysets are
    only ever cloned, never evaluated."""

    def listed(self, language=None):
        if not self._plain():
            return super().listed(language)
        language = language or active_language()
        return self._kept(f"listed:{language}", lambda q: q.listed_at_any_time(language))

    def public(self):
        if not self._plain():
            return super().public()
        return self._kept("public", lambda q: q.public_at_any_time())

    def _plain(self):
        """`PressRelease.objects` itself, not a related manager (`institution.press_releases`
        filters by its instance: its querysets are not everybody's)."""
        return self is PressRelease.objects

    def _kept(self, key, build):
        base = _KEPT_QUERYSETS.get(key)
        if base is None:
            base = _KEPT_QUERYSETS[key] = build(self.get_queryset())
        return base.up_to_now()


_KEPT_QUERYSETS = {}


class PressRelease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    lead = models.TextField(_("lead"), help_text=_("The first paragraph: who, what, where, when."))
    body = ProseEditorField(
        _("body"), extensions=BODY_EXTENSIONS, sanitize=sanitize_body, blank=True
    )
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("The city the news comes from.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the press release."),
    )
    withdrawn_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown to the public on the page in this language."),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            'Attribution, e.g. "Ministry of Foreign Affairs of the Republic of Kazakhstan".'
        ),
    )
    import_source = models.CharField(
        _("import source"),
        max_length=500,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The file this press release was imported from; re-imports update it."),
    )
    image = SafeImageField(
        _("featured image"),
        upload_to=UploadTo("news"),
        blank=True,
        width_field="image_width",
        height_field="image_height",
        alt_field="image_alt",
        decorative_field="image_decorative",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location data is removed."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(_("image alt text"), max_length=300, blank=True)
    image_decorative = models.BooleanField(
        _("image is decorative"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; it then gets no alt text."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)

    topics = models.ManyToManyField(
        Topic,
        through="PressReleaseTopic",
        blank=True,
        related_name="press_releases",
        verbose_name=_("topics"),
    )
    embassies = models.ManyToManyField(
        Embassy,
        through="PressReleaseEmbassy",
        blank=True,
        related_name="press_releases",
        verbose_name=_("missions"),
    )
    institutions = models.ManyToManyField(
        Institution,
        through="PressReleaseInstitution",
        blank=True,
        related_name="press_releases",
        verbose_name=_("institutions"),
    )
    partnerships = models.ManyToManyField(
        Partnership,
        through="PressReleasePartnership",
        blank=True,
        related_name="press_releases",
        verbose_name=_("partnerships"),
    )
    people = models.ManyToManyField(
        Person,
        through="PressReleasePerson",
        blank=True,
        related_name="press_releases",
        verbose_name=_("people"),
    )
    countries = models.ManyToManyField(
        Country,
        through="PressReleaseCountry",
        blank=True,
        related_name="press_releases",
        verbose_name=_("countries"),
    )
    figures = models.ManyToManyField(
        Figure,
        through="PressReleaseFigure",
        blank=True,
        related_name="press_releases",
        verbose_name=_("figures"),
        help_text=_("The counted facts this press release reports."),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Workflow audit: who did what and when (the revision history keeps every step too).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted for review by"),
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    publish_action_at = models.DateTimeField(
        _("publish action taken"),
        null=True,
        blank=True,
        help_text=_("When the publisher pressed publish (the publication time may be later)."),
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    review_comment = models.TextField(
        _("review comment"),
        blank=True,
        help_text=_("What a publisher asked to change when returning it to draft."),
    )
    second_review_waiver_reason = models.TextField(
        _("reason for publishing without a second review"),
        blank=True,
        help_text=_("Recorded when a publisher publishes a press release they submitted."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=active_language,
        help_text=_("The language it was written in; the others are translations of it."),
    )
    original_version = models.PositiveIntegerField(
        _("version of the original"),
        default=1,
        editable=False,
        help_text=_("Raised by one whenever the text in the original language changes."),
    )
    lock_version = models.PositiveIntegerField(
        _("edit version"),
        default=0,
        editable=False,
        help_text=_("Raised by one on every save; a save from an older version is refused."),
    )

    objects = PressReleaseManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        permissions = [("publish_pressrelease", _("Can publish, schedule and withdraw"))]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="news_pr_status_pub_idx"),
            # What `listed()` reads in each language, newest first: a language few press
            # releases are written in (English among 50,000 Kazakh ones) is not found by
            # reading the whole table (17 ms at 50,000 on PostgreSQL, against 0.1 ms).
            *(
                models.Index(
                    fields=["-published_at", "-id"],
                    condition=Q(status="published") & written_in(code),
                    name=f"news_pr_listed_{code}",
                )
                for code, _name in settings.LANGUAGES
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["published", "withdrawn"]) | Q(published_at__isnull=False),
                name="pressrelease_published_has_time",
                violation_error_message=_("A published press release needs a publication time."),
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | withdrawal_explained(),
                name="pressrelease_withdrawn_has_reason",
                violation_error_message=_(
                    "A withdrawal needs a reason in each language the press release is written in."
                ),
            ),
        ]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        # One reverse per language and process, not one per card on every list.
        return _detail_url(get_language(), get_script_prefix(), get_urlconf()).replace(
            _SLUG_MARK, self.slug
        )

    @property
    def display_title(self):
        """The title in the active language, else in the original language (admin, logs)."""
        return self.title or self.localized("title", self.original_language) or self.slug

    def localized(self, field, language):
        """A translated field's value in ``language`` (no fallback), "" when unwritten."""
        return getattr(self, build_localized_fieldname(field, language)) or ""

    def is_written_in(self, language):
        return all(self.localized(field, language) for field in LANGUAGE_REQUIRED_FIELDS)

    def languages(self):
        """The site's languages this press release is written in, original first."""
        codes = [code for code in language_codes() if self.is_written_in(code)]
        return sorted(codes, key=lambda code: code != self.original_language)

    def translation_states(self):
        """{language: "original" | "current" | "outdated" | "missing"} for every language.

        A translation written without a record of its source version counts as outdated:
        nobody has confirmed it matches the original.
        """
        based_on = {t.language: t.based_on_version for t in self.translations.all()}
        states = {}
        for code in language_codes():
            if code == self.original_language:
                states[code] = "original"
            elif not self.is_written_in(code):
                states[code] = "missing"
            elif based_on.get(code, 0) < self.original_version:
                states[code] = "outdated"
            else:
                states[code] = "current"
        return states

    def outdated_languages(self):
        return [code for code, state in self.translation_states().items() if state == "outdated"]

    def note_edit(self, changed_fields, user=None):
        """Record which languages an edit touched (``changed_fields``: localized names).

        An edit of the original raises ``original_version``, which outdates translations;
        an edit of a translation records it as made from the current original.
        Call after the press release is saved.
        """
        from modeltranslation.translator import translator

        # The reason for a withdrawal is the workflow's word, not the text translated.
        translated = [
            name
            for name in translator.get_options_for_model(type(self)).get_field_names()
            if name != "withdrawn_reason"
        ]
        touched = {
            code
            for code in language_codes()
            for field in translated
            if build_localized_fieldname(field, code) in changed_fields
        }
        if self.original_language in touched:
            type(self).objects.filter(pk=self.pk).update(
                original_version=models.F("original_version") + 1
            )
            self.refresh_from_db(fields=["original_version"])
        for code in touched - {self.original_language}:
            self.confirm_translation(code, user)

    def confirm_translation(self, language, user=None):
        """Mark the ``language`` translation as matching the current original."""
        PressReleaseTranslation.objects.update_or_create(
            press_release=self,
            language=language,
            defaults={"based_on_version": self.original_version, "confirmed_by": user},
        )

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN

    # The related section of the public page. These work on what `with_related()`
    # prefetched, so the page costs the same number of queries however much it links.

    def related_embassies(self):
        """(mission, head of mission on the day of this press release) pairs."""
        return [
            (embassy, _person_of(held_on(_head_positions(embassy), self.published_at)))
            for embassy in self.embassies.all()
        ]

    def related_people(self):
        """(person, the post they held on the day of this press release) pairs."""
        return [
            (person, held_on(_all_positions(person), self.published_at))
            for person in self.people.all()
        ]

    def related_partnerships(self):
        """(partnership, its latest figure for each label) pairs."""
        return [
            (partnership, latest_figures(partnership.figures.all()))
            for partnership in self.partnerships.all()
        ]

    # Editorial workflow: which state may follow which, and who may move it there.
    TRANSITIONS = {
        Status.DRAFT: (Status.REVIEW,),
        Status.REVIEW: (Status.DRAFT, Status.PUBLISHED),
        Status.PUBLISHED: (Status.WITHDRAWN, Status.DRAFT),
        Status.WITHDRAWN: (),
    }
    PUBLISHER_PERMISSION = "news.publish_pressrelease"

    def transition_refusal(self, to, user):
        """Why `user` may not move this press release to state `to`, or None if they may."""
        to = self.Status(to)
        if to not in self.TRANSITIONS[self.Status(self.status)]:
            return _("A press release that is %(current)s cannot become %(target)s.") % {
                "current": self.get_status_display().lower(),
                "target": to.label.lower(),
            }
        if (
            self.status == self.Status.PUBLISHED
            and to == self.Status.DRAFT
            and not self.is_scheduled
        ):
            return _("A press release that is already public can only be withdrawn.")
        if not user.has_perm("news.change_pressrelease"):
            return _("You may not change press releases.")
        publisher_only = to in (self.Status.PUBLISHED, self.Status.WITHDRAWN) or (
            self.status in (self.Status.REVIEW, self.Status.PUBLISHED) and to == self.Status.DRAFT
        )
        if publisher_only and not user.has_perm(self.PUBLISHER_PERMISSION):
            return _("Only publishers may publish, schedule, return or withdraw press releases.")
        return None

    def can_transition(self, to, user):
        return self.transition_refusal(to, user) is None

    def available_transitions(self, user):
        targets = self.TRANSITIONS[self.Status(self.status)]
        return [to for to in targets if self.can_transition(to, user)]

    def needs_second_review_waiver(self, user):
        """Four eyes: publishing what you submitted yourself needs a recorded reason."""
        return self.submitted_by_id is not None and self.submitted_by_id == user.pk

    def is_deletable(self):
        """Only drafts are ever deleted; anything that was public is withdrawn instead."""
        return self.status == self.Status.DRAFT and self.publish_action_at is None

    @property
    def workflow_label(self):
        """The status as editors say it: a future publication time reads "Scheduled"."""
        return _("Scheduled") if self.is_scheduled else self.get_status_display()


def _head_positions(embassy):
    # Prefetched by with_related(); a queryset without it still gets the right answer.
    if hasattr(embassy, "head_positions"):
        return embassy.head_positions
    return list(embassy.positions.heads().select_related("person"))


def _all_positions(person):
    if hasattr(person, "all_positions"):
        return person.all_positions
    return list(person.positions.select_related("embassy", "institution"))


def _person_of(position):
    return position.person if position else None


def latest_figures(figures):
    """The most recent figure for each label, in label order."""
    latest = {}
    for figure in figures:
        current = latest.get(figure.label)
        if current is None or figure.as_of > current.as_of:
            latest[figure.label] = figure
    return [latest[label] for label in sorted(latest)]


class PressReleaseLink(models.Model):
    """A link from a press release to what it is about; PROTECT keeps the target alive."""

    press_release = models.ForeignKey(PressRelease, models.CASCADE)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.press_release} → {self.target}"


class PressReleaseTopic(PressReleaseLink):
    target = models.ForeignKey(Topic, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a topic")
        verbose_name_plural = _("links to topics")
        constraints = [models.UniqueConstraint("press_release", "target", name="uniq_pr_topic")]


class PressReleaseEmbassy(PressReleaseLink):
    target = models.ForeignKey(Embassy, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a mission")
        verbose_name_plural = _("links to missions")
        constraints = [models.UniqueConstraint("press_release", "target", name="uniq_pr_embassy")]


class PressReleaseInstitution(PressReleaseLink):
    target = models.ForeignKey(Institution, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to an institution")
        verbose_name_plural = _("links to institutions")
        constraints = [
            models.UniqueConstraint("press_release", "target", name="uniq_pr_institution")
        ]


class PressReleasePartnership(PressReleaseLink):
    target = models.ForeignKey(Partnership, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a partnership")
        verbose_name_plural = _("links to partnerships")
        constraints = [
            models.UniqueConstraint("press_release", "target", name="uniq_pr_partnership")
        ]


class PressReleasePerson(PressReleaseLink):
    target = models.ForeignKey(Person, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a person")
        verbose_name_plural = _("links to people")
        constraints = [models.UniqueConstraint("press_release", "target", name="uniq_pr_person")]


class PressReleaseCountry(PressReleaseLink):
    target = models.ForeignKey(Country, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a country")
        verbose_name_plural = _("links to countries")
        constraints = [models.UniqueConstraint("press_release", "target", name="uniq_pr_country")]


class PressReleaseFigure(PressReleaseLink):
    target = models.ForeignKey(Figure, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("link to a figure")
        verbose_name_plural = _("links to figures")
        constraints = [models.UniqueConstraint("press_release", "target", name="uniq_pr_figure")]


class PressReleaseImage(models.Model):
    """A photo in the gallery of a press release, in the order the editor chose."""

    press_release = models.ForeignKey(
        PressRelease, models.CASCADE, related_name="images", verbose_name=_("press release")
    )
    image = SafeImageField(
        _("image"),
        upload_to=UploadTo("news/gallery"),
        width_field="width",
        height_field="height",
        alt_field="alt",
        decorative_field="decorative",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location data is removed."),
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; it then gets no alt text."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.caption or self.alt or self.image.name


class PressReleaseAttachment(models.Model):
    """A document published with a press release, such as a joint statement as PDF."""

    press_release = models.ForeignKey(
        PressRelease, models.CASCADE, related_name="attachments", verbose_name=_("press release")
    )
    title = models.CharField(_("title"), max_length=300)
    file = DocumentField(
        _("file"),
        upload_to=UploadTo("news/documents"),
        original_name_field="original_name",
        size_field="size",
        content_type_field="content_type",
        help_text=_("A PDF, at most 20 MB."),
    )
    original_name = models.CharField(_("original file name"), max_length=200, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return {"application/pdf": "PDF"}.get(self.content_type, self.content_type)


class LinkSuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=LinkSuggestion.Status.PENDING)


class LinkSuggestion(models.Model):
    """Something a press release mentions that an editor may link, create or dismiss.

    `key` identifies what is suggested (e.g. "institution:12" or "figure:partnership:3:
    master's students:8"); it is unique per press release, so a dismissed suggestion is
    remembered and detection never offers it again.
    """

    class Kind(models.TextChoices):
        INSTITUTION = "institution", _("Institution")
        EMBASSY = "embassy", _("Mission")
        PERSON = "person", _("Person")
        COUNTRY = "country", _("Country")
        PARTNERSHIP = "partnership", _("Partnership")
        FIGURE = "figure", _("Figure")
        NEW_INSTITUTION = "new_institution", _("New institution")
        NEW_PERSON = "new_person", _("New person")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    press_release = models.ForeignKey(
        PressRelease,
        models.CASCADE,
        related_name="link_suggestions",
        verbose_name=_("press release"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    key = models.CharField(_("key"), max_length=400)
    object_id = models.PositiveIntegerField(
        _("object id"),
        null=True,
        blank=True,
        help_text=_("The directory entry suggested; for a figure, its partnership or institution."),
    )
    subject_kind = models.CharField(
        _("figure subject kind"),
        max_length=20,
        blank=True,
        help_text=_(
            "partnership, institution or new_institution; empty when the figure belongs to "
            "the press release alone"
        ),
    )
    subject_name = models.CharField(
        _("figure subject name"),
        max_length=300,
        blank=True,
        help_text=_("For a figure of a suggested new institution: that institution's name."),
    )
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("For a figure the text gives as an approximation (“more than 100”)."),
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For a new person: their post.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        help_text=_("For a new person: where they hold their post, as the text names it."),
    )
    matched_text = models.CharField(_("matched text"), max_length=300)
    sentence = models.TextField(_("sentence"), blank=True)
    label = models.CharField(_("figure label"), max_length=100, blank=True)
    value = models.PositiveIntegerField(_("figure value"), null=True, blank=True)
    as_of = models.DateField(_("figure date"), null=True, blank=True)
    country_code = models.CharField(
        _("guessed country"), max_length=2, blank=True, help_text=_("For a new institution.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = LinkSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["press_release", "kind", "pk"]
        verbose_name = _("link suggestion")
        verbose_name_plural = _("link suggestions")
        constraints = [
            models.UniqueConstraint("press_release", "key", name="uniq_link_suggestion_key"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="link_suggestion_value_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.matched_text}"


def _preview_token():
    return secrets.token_urlsafe(32)


def _in_a_week():
    return timezone.now() + datetime.timedelta(days=7)


class PreviewTokenQuerySet(models.QuerySet):
    def valid(self):
        """Tokens that still open a preview: not revoked, not expired, not yet published."""
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            press_release__status__in=[PressRelease.Status.DRAFT, PressRelease.Status.REVIEW],
        )


class PreviewToken(models.Model):
    """A shareable, unguessable link to read an unpublished press release for 7 days."""

    press_release = models.ForeignKey(
        PressRelease, models.CASCADE, related_name="preview_tokens", verbose_name=_("press release")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_preview_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=_in_a_week)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return _("Preview link for %(title)s") % {"title": self.press_release}

    def get_absolute_url(self):
        return reverse("news:preview-token", args=[self.token])

    def is_valid(self):
        return (
            self.revoked_at is None
            and self.expires_at > timezone.now()
            and self.press_release.status in (PressRelease.Status.DRAFT, PressRelease.Status.REVIEW)
        )


class EditSessionQuerySet(models.QuerySet):
    def present(self):
        """Sessions of change pages open now: seen within the presence timeout."""
        return self.filter(seen_at__gte=timezone.now() - EditSession.PRESENCE_TIMEOUT)


class EditSession(models.Model):
    """One person's open change page of a press release: since when, last seen (presence),
    and the form as last autosaved, offered back after a crash or a closed tab."""

    PRESENCE_TIMEOUT = datetime.timedelta(seconds=45)

    press_release = models.ForeignKey(
        PressRelease, models.CASCADE, related_name="edit_sessions", verbose_name=_("press release")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user")
    )
    opened_at = models.DateTimeField(_("open since"), default=timezone.now)
    seen_at = models.DateTimeField(_("last seen"), default=timezone.now)
    form_data = models.JSONField(_("unsaved form"), default=dict, blank=True)
    opened_version = models.PositiveIntegerField(_("version opened"), null=True, blank=True)
    autosaved_at = models.DateTimeField(_("autosaved"), null=True, blank=True)

    objects = EditSessionQuerySet.as_manager()

    class Meta:
        ordering = ["opened_at", "pk"]
        verbose_name = _("edit session")
        verbose_name_plural = _("edit sessions")
        constraints = [
            models.UniqueConstraint("press_release", "user", name="uniq_edit_session_per_user")
        ]

    def __str__(self):
        return f"{self.user} → {self.press_release}"


class PressReleaseTranslation(models.Model):
    """Which version of the original a translation of a press release was made from."""

    press_release = models.ForeignKey(
        PressRelease, models.CASCADE, related_name="translations", verbose_name=_("press release")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    based_on_version = models.PositiveIntegerField(
        _("made from version"),
        help_text=_("The version of the original this translation matches."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["press_release", "language"]
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["press_release", "language"], name="news_translation_unique_language"
            )
        ]

    def __str__(self):
        return f"{self.press_release_id} {self.language} v{self.based_on_version}"
