"""Press releases and topics in the read-only JSON API.

Only `PressRelease.objects.published()`, written in the language of the answer
(`in_language()`: the same as the public lists' `listed()`), is ever served: drafts,
press releases in review, scheduled and withdrawn ones are not found through any
endpoint. The list takes the filters of the public news list (the same FilterSet,
news/filters.py) plus `language`.
"""

import django_filters
from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from mfa_site.api import (
    LANGUAGE_PARAMETER,
    NewestFirstPagination,
    ReadOnlyViewSet,
    cursor_pagination,
)
from partners.api import (
    CountrySerializer,
    EmbassyRefSerializer,
    InstitutionRefSerializer,
    PartnershipRefSerializer,
    PersonRefSerializer,
    UrlSerializer,
)
from partners.models import Figure

from .filters import PressReleaseFilter
from .models import PressRelease, Topic, active_language


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class MissionOnTheDaySerializer(serializers.Serializer):
    mission = EmbassyRefSerializer()
    head_of_mission = PersonRefSerializer(
        allow_null=True, help_text=_("The head of mission on the day of the press release.")
    )


class PersonOnTheDaySerializer(serializers.Serializer):
    person = PersonRefSerializer()
    post = serializers.CharField(
        allow_null=True, help_text=_("The post the person held on the day of the press release.")
    )


class ReportedFigureSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Figure
        fields = ["label", "value", "as_of", "partnership", "institution"]


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField()
    alt = serializers.CharField(help_text=_("Empty for a decorative image."))
    caption = serializers.CharField()
    credit = serializers.CharField()


class PressReleaseSerializer(UrlSerializer, serializers.ModelSerializer):
    image = serializers.SerializerMethodField()
    topics = TopicSerializer(many=True)
    missions = serializers.SerializerMethodField()
    institutions = InstitutionRefSerializer(many=True)
    partnerships = PartnershipRefSerializer(many=True)
    people = serializers.SerializerMethodField()
    countries = CountrySerializer(many=True)
    figures = ReportedFigureSerializer(many=True, help_text=_("The figures it reports."))
    language = serializers.SerializerMethodField(help_text=_("The language of this answer."))
    languages = serializers.SerializerMethodField(
        help_text=_("Every language the press release is written in.")
    )

    class Meta:
        model = PressRelease
        fields = [
            "slug",
            "title",
            "lead",
            "body",
            "dateline",
            "published_at",
            "source",
            "image",
            "topics",
            "missions",
            "institutions",
            "partnerships",
            "people",
            "countries",
            "figures",
            "language",
            "languages",
            "url",
        ]

    def get_language(self, obj) -> str:
        return active_language()

    def get_languages(self, obj) -> list[str]:
        return obj.languages()

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_image(self, obj):
        if not obj.image:
            return None
        request = self.context.get("request")
        url = obj.image.url
        return {
            "url": request.build_absolute_uri(url) if request else url,
            "alt": "" if obj.image_decorative else obj.image_alt,
            "caption": obj.image_caption,
            "credit": obj.image_credit,
        }

    @extend_schema_field(MissionOnTheDaySerializer(many=True))
    def get_missions(self, obj):
        pairs = [{"mission": m, "head_of_mission": head} for m, head in obj.related_embassies()]
        return MissionOnTheDaySerializer(pairs, many=True, context=self.context).data

    @extend_schema_field(PersonOnTheDaySerializer(many=True))
    def get_people(self, obj):
        pairs = [
            {"person": person, "post": str(post.title) if post else None}
            for person, post in obj.related_people()
        ]
        return PersonOnTheDaySerializer(pairs, many=True, context=self.context).data


class PressReleaseApiFilter(PressReleaseFilter):
    """The public news list's filters, unchanged, plus the language of the answer."""

    language = django_filters.ChoiceFilter(
        choices=settings.LANGUAGES,
        method="in_language",
        label=_("Language"),
        help_text=_("Only press releases available in this language (kk, ru, en)."),
    )

    class Meta(PressReleaseFilter.Meta):
        fields = [*PressReleaseFilter.Meta.fields, "language"]

    def in_language(self, queryset, name, value):
        return queryset.in_language(value)


def press_releases_queryset():
    figures = Figure.objects.select_related("partnership", "institution")
    return (
        PressRelease.objects.published()
        .with_related()
        .prefetch_related(Prefetch("figures", queryset=figures))
    )


@extend_schema_view(list=extend_schema(), retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER]))
class PressReleaseViewSet(ReadOnlyViewSet):
    """Published press releases, newest first, with everything they link to."""

    serializer_class = PressReleaseSerializer
    filterset_class = PressReleaseApiFilter
    pagination_class = NewestFirstPagination
    lookup_field = "slug"

    def get_queryset(self):
        # Evaluated per request: published() compares with the current time.
        return press_releases_queryset()

    def filter_queryset(self, queryset):
        """Only press releases written in the language of the answer (title, lead, body).

        `?language=` narrows through the FilterSet; without it, the language comes from
        Accept-Language (LocaleMiddleware), as for the public lists.
        """
        if "language" not in self.request.query_params:
            queryset = queryset.in_language()
        return super().filter_queryset(queryset)


@extend_schema_view(
    list=extend_schema(parameters=[LANGUAGE_PARAMETER]),
    retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER]),
)
class TopicViewSet(ReadOnlyViewSet):
    """Topics of press releases."""

    queryset = Topic.objects.all()
    serializer_class = TopicSerializer
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"
