"""The partner directory: countries, missions, people, institutions, partnerships, figures."""

import datetime
import re

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from mfa_site.media_fields import SafeImageField, UploadTo

IMAGE_HELP = _("JPEG, PNG or WebP, at most 10 MB. Location data is removed.")
DECORATIVE_HELP = _("Tick only if the image adds nothing to the text; it then gets no alt text.")


def end_not_before_start(name):
    return models.CheckConstraint(
        condition=Q(end_date__isnull=True)
        | Q(start_date__isnull=True)
        | Q(end_date__gte=F("start_date")),
        name=name,
        violation_error_message=_("The end date cannot be before the start date."),
    )


class CountryManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Country(models.Model):
    name = models.CharField(_("name"), max_length=100)
    code = CountryField(_("ISO code"), unique=True, help_text=_("ISO 3166-1 alpha-2 code."))

    objects = CountryManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('partners:institution-list')}?country={str(self.code).lower()}"

    def natural_key(self):
        return (str(self.code),)


class Embassy(models.Model):
    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("Embassy")
        CONSULATE_GENERAL = "consulate_general", _("Consulate General")
        CONSULATE = "consulate", _("Consulate")
        PERMANENT_MISSION = "permanent_mission", _("Permanent Mission")
        HONORARY_CONSULATE = "honorary_consulate", _("Honorary Consulate")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind, default=Kind.EMBASSY)
    host_country = models.ForeignKey(
        Country, models.PROTECT, related_name="embassies", verbose_name=_("host country")
    )
    accredited_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="accredited_embassies",
        verbose_name=_("further accreditations"),
        help_text=_("Other countries this mission also covers."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = SafeImageField(
        _("photo"),
        upload_to=UploadTo("missions"),
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        alt_field="photo_alt",
        decorative_field="photo_decorative",
        help_text=IMAGE_HELP,
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("photo alt text"), max_length=300, blank=True)
    photo_decorative = models.BooleanField(
        _("photo is decorative"), default=False, help_text=DECORATIVE_HELP
    )
    # When the entry last changed: the lastmod of its page in the sitemap.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("diplomatic mission")
        verbose_name_plural = _("diplomatic missions")
        indexes = [models.Index(fields=["name"], name="partners_embassy_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:embassy-detail", args=[self.slug])

    def head_of_mission(self, on=None):
        """The ambassador in post on the given date (today by default), or None."""
        position = self.positions.heads().at(on).select_related("person").first()
        return position.person if position else None


class Person(models.Model):
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    honorific = models.CharField(
        _("honorific"), max_length=50, blank=True, help_text=_("For example: Prof., Dr., H.E.")
    )
    photo = SafeImageField(
        _("photo"),
        upload_to=UploadTo("people"),
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        alt_field="photo_alt",
        decorative_field="photo_decorative",
        help_text=IMAGE_HELP,
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("photo alt text"), max_length=300, blank=True)
    photo_decorative = models.BooleanField(
        _("photo is decorative"), default=False, help_text=DECORATIVE_HELP
    )
    bio = models.TextField(_("biography"), blank=True)
    # When the entry last changed: the lastmod of its page in the sitemap.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:person-detail", args=[self.slug])

    def position_at(self, on=None):
        """The person's post on a date (today by default), or None."""
        return self.positions.at(on).select_related("embassy", "institution").first()


class Institution(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        BUSINESS_SCHOOL = "business_school", _("Business school")
        RESEARCH_CENTRE = "research_centre", _("Research centre")
        GOVERNMENT_BODY = "government_body", _("Government body")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("Abbreviation, e.g. AMS.")
    )
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other names the institution goes by, one per line (e.g. UAntwerp)."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind, default=Kind.UNIVERSITY)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("part of"),
        help_text=_("For a unit such as a research centre: the institution it belongs to."),
    )
    country = models.ForeignKey(
        Country, models.PROTECT, related_name="institutions", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = SafeImageField(
        _("logo"),
        upload_to=UploadTo("logos"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        alt_field="logo_alt",
        decorative_field="logo_decorative",
        help_text=IMAGE_HELP,
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(
        _("logo alt text"),
        max_length=300,
        blank=True,
        help_text=_("Usually the institution's name as written in the logo."),
    )
    logo_decorative = models.BooleanField(
        _("logo is decorative"), default=False, help_text=DECORATIVE_HELP
    )
    description = models.TextField(_("description"), blank=True)
    # When the entry last changed: the lastmod of its page in the sitemap.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Accent-stripped, casefolded copies for the staff search (partners/search.py keeps
    # them current); they let SQLite match what PostgreSQL's unaccent would.
    search_names = models.TextField(_("search names"), blank=True, default="", editable=False)
    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    # PostgreSQL only (stays empty on SQLite): the full-text vector of the fields above.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        # The public list is ordered by name and filtered by kind or country.
        indexes = [
            models.Index(fields=["name"], name="partners_inst_name_idx"),
            models.Index(fields=["kind", "name"], name="partners_inst_kind_name_idx"),
            models.Index(fields=["country", "name"], name="partners_inst_ctry_name_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:institution-detail", args=[self.slug])

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


# The word for an ambassador's post in the title columns of the languages other than English.
HEAD_OF_MISSION_WORDS = {"title_ru": "посол", "title_kk": "елші"}


def is_head_of_mission_title(titles):
    """The same rule as ``PositionQuerySet.heads()`` for titles already loaded.

    ``titles``: {"title_en": ..., "title_ru": ..., "title_kk": ...}.
    """
    if (titles.get("title_en") or "").lower().startswith("ambassador"):
        return True
    return any(
        re.search(rf"(^|\s){word}(\s|$)", (titles.get(column) or "").lower())
        for column, word in HEAD_OF_MISSION_WORDS.items()
    )


class PositionQuerySet(models.QuerySet):
    def at(self, on=None):
        """Posts held on a date: started on or before it, not ended before it."""
        on = on or timezone.localdate()
        if isinstance(on, datetime.datetime):
            on = timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=on),
            Q(end_date__isnull=True) | Q(end_date__gte=on),
        ).order_by(F("start_date").desc(nulls_last=True))

    def current(self):
        return self.filter(end_date__isnull=True)

    def past(self, on=None):
        """Posts that ended before a date (today by default), the latest first."""
        on = on or timezone.localdate()
        return self.filter(end_date__lt=on).order_by("-end_date")

    def heads(self):
        """Heads of mission: the ambassadors, whichever language their post is written in.

        Each language's own title column is read: the plain ``title`` means the active
        language, so "ambassador" alone would make every Russian page say the post is vacant.
        """
        is_ambassador = Q(title_en__istartswith="ambassador")
        for column, word in HEAD_OF_MISSION_WORDS.items():
            # A whole word anywhere: "Посол", "Чрезвычайный и Полномочный Посол", not "Посольство".
            is_ambassador |= Q(**{f"{column}__iregex": rf"(^|\s){word}(\s|$)"})
        return self.filter(is_ambassador, embassy__isnull=False)


def held_on(positions, on):
    """The post among already-loaded `positions` held on `on` (today by default).

    The same answer as `PositionQuerySet.at(on).first()`, without a query: pages that show
    many dates (news, dossiers) prefetch the posts once and pick here.
    """
    if on is None:
        on = timezone.localdate()
    elif isinstance(on, datetime.datetime):
        on = timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
    held = [
        p
        for p in positions
        if (p.start_date is None or p.start_date <= on) and (p.end_date is None or p.end_date >= on)
    ]
    # Latest start first, undated starts last: the same order as `at()`.
    held.sort(key=lambda p: (p.start_date is not None, p.start_date or datetime.date.min))
    return held[-1] if held else None


class Position(models.Model):
    person = models.ForeignKey(
        Person, models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    title = models.CharField(
        pgettext_lazy("position", "title"),
        max_length=200,
        help_text=_('The post, e.g. "Ambassador", "Rector".'),
    )
    embassy = models.ForeignKey(
        Embassy,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("mission"),
    )
    institution = models.ForeignKey(
        Institution,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("institution"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while the post is held.")
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "person__name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(embassy__isnull=False) & Q(institution__isnull=True))
                | (Q(embassy__isnull=True) & Q(institution__isnull=False)),
                name="position_exactly_one_organisation",
                violation_error_message=_(
                    "A position belongs to exactly one of a mission or an institution."
                ),
            ),
            end_not_before_start("position_end_not_before_start"),
        ]

    def __str__(self):
        return f"{self.person}, {self.title}, {self.organisation}"

    @property
    def organisation(self):
        return self.embassy or self.institution

    @property
    def is_current(self):
        return self.end_date is None


class CooperationArea(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('partners:partnership-list')}?area={self.slug}"


class PartnershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Partnership.Status.ACTIVE)


class Partnership(models.Model):
    class Kind(models.TextChoices):
        DOUBLE_DEGREE = "double_degree", _("Double degree")
        JOINT_PROGRAMME = "joint_programme", _("Joint programme")
        ACADEMIC_MOBILITY = "academic_mobility", _("Academic mobility")
        JOINT_RESEARCH = "joint_research", _("Joint research")
        JOINT_COURSE = "joint_course", _("Joint course")
        MEMORANDUM = "memorandum", _("Memorandum")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind, default=Kind.OTHER)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ACTIVE)
    institutions = models.ManyToManyField(
        Institution,
        related_name="partnerships",
        verbose_name=_("institutions"),
        help_text=_("The partner institutions: two or more."),
    )
    embassy = models.ForeignKey(
        Embassy,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("facilitating mission"),
    )
    areas = models.ManyToManyField(
        CooperationArea,
        blank=True,
        related_name="partnerships",
        verbose_name=_("cooperation areas"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    # When the entry last changed: the lastmod of its page in the sitemap.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [end_not_before_start("partnership_end_not_before_start")]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["title"], name="partners_pship_title_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:partnership-detail", args=[self.slug])


class FigureQuerySet(models.QuerySet):
    def with_published_sources(self):
        """Figures with `published_sources`: the press releases that reported them, as listed
        to the public in the active language (published, and written in that language).

        The press-release model is reached through the reverse relation (partners depends
        on nothing in the news app); one query for all figures, only what the public sees.
        """
        press_releases = self.model._meta.get_field("press_releases").related_model
        return self.prefetch_related(
            models.Prefetch(
                "press_releases",
                queryset=press_releases.objects.listed().only(
                    "pk", "slug", "title", "published_at"
                ),
                to_attr="published_sources",
            )
        )


class Figure(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("partnership"),
    )
    institution = models.ForeignKey(
        Institution,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("institution"),
    )
    label = models.CharField(
        _("label"), max_length=100, help_text=_('What is counted, e.g. "Kazakh students".')
    )
    value = models.PositiveIntegerField(_("value"))
    as_of = models.DateField(_("as of"), help_text=_("The date the count refers to."))
    # When the figure last changed: the "last updated" date of the open data downloads.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["label", "as_of"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="figure_value_not_negative",
                violation_error_message=_("A figure cannot be negative."),
            ),
            models.CheckConstraint(
                condition=(Q(partnership__isnull=False) & Q(institution__isnull=True))
                | (Q(partnership__isnull=True) & Q(institution__isnull=False)),
                name="figure_exactly_one_subject",
                violation_error_message=_(
                    "A figure belongs to exactly one of a partnership or an institution."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["partnership", "label", "as_of"], name="partners_fig_ps_label_idx"
            ),
            models.Index(
                fields=["institution", "label", "as_of"], name="partners_fig_inst_label_idx"
            ),
        ]

    def __str__(self):
        # Named with what it counts for, as editors pick it in the links panel: lists that
        # show many select_related("partnership", "institution").
        subject = self.subject
        about = f" — {subject}" if subject else ""
        return f"{self.value} {self.label}{about} ({self.as_of:%Y-%m-%d})"

    @property
    def subject(self):
        return self.partnership or self.institution
