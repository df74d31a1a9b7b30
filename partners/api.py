"""The partner directory in the read-only JSON API: serializers and view sets.

Every list runs a fixed number of queries whatever its page size: joins through
`select_related`, nested lists through one prefetch each. Press releases appear only
through the one visibility rule, `published()`, reached by the reverse relation so that
partners needs nothing from the news app.
"""

import django_filters
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from mfa_site.api import LANGUAGE_PARAMETER, ReadOnlyViewSet, cursor_pagination

from .filters import CountryFilter, SlugFilter
from .models import (
    CooperationArea,
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
)


class UrlSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField(help_text=_("The public page."))

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class CountrySerializer(serializers.ModelSerializer):
    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))

    class Meta:
        model = Country
        fields = ["code", "name"]


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = CooperationArea
        fields = ["slug", "name"]


class PersonRefSerializer(UrlSerializer, serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name", "honorific", "url"]


class InstitutionRefSerializer(UrlSerializer, serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", help_text=_("ISO code."))

    class Meta:
        model = Institution
        fields = ["slug", "name", "short_name", "country", "url"]


class EmbassyRefSerializer(UrlSerializer, serializers.ModelSerializer):
    class Meta:
        model = Embassy
        fields = ["slug", "name", "kind", "url"]


class PartnershipRefSerializer(UrlSerializer, serializers.ModelSerializer):
    class Meta:
        model = Partnership
        fields = ["slug", "title", "kind", "status", "url"]


class SourceSerializer(serializers.Serializer):
    """A published press release that reported a figure."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return UrlSerializer(context=self.context).get_url(obj)


class FigureSerializer(serializers.ModelSerializer):
    sources = SourceSerializer(
        source="published_sources",
        many=True,
        read_only=True,
        help_text=_("The published press releases that reported this figure."),
    )

    class Meta:
        model = Figure
        fields = ["label", "value", "as_of", "sources"]


class PostSerializer(serializers.ModelSerializer):
    """A post held at a mission or an institution, from the organisation's side."""

    person = PersonRefSerializer()
    current = serializers.BooleanField(source="is_current")

    class Meta:
        model = Position
        fields = ["title", "person", "start_date", "end_date", "current"]


class PersonPostSerializer(serializers.ModelSerializer):
    """A post from the person's side: where it was held."""

    mission = EmbassyRefSerializer(source="embassy", allow_null=True)
    institution = InstitutionRefSerializer(allow_null=True)
    current = serializers.BooleanField(source="is_current")

    class Meta:
        model = Position
        fields = ["title", "mission", "institution", "start_date", "end_date", "current"]


class MissionSerializer(UrlSerializer, serializers.ModelSerializer):
    host_country = CountrySerializer()
    accredited_countries = CountrySerializer(many=True)
    heads_of_mission = PostSerializer(
        source="head_positions",
        many=True,
        help_text=_("Heads of mission over time, the latest first."),
    )

    class Meta:
        model = Embassy
        fields = [
            "slug",
            "name",
            "kind",
            "host_country",
            "accredited_countries",
            "city",
            "address",
            "phone",
            "email",
            "website",
            "heads_of_mission",
            "url",
        ]


class InstitutionSerializer(UrlSerializer, serializers.ModelSerializer):
    country = CountrySerializer()
    parent = InstitutionRefSerializer(
        allow_null=True, help_text=_("The institution it is part of.")
    )
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    posts = PostSerializer(source="all_positions", many=True)
    partnerships = PartnershipRefSerializer(many=True)
    figures = FigureSerializer(many=True)

    class Meta:
        model = Institution
        fields = [
            "slug",
            "name",
            "short_name",
            "aliases",
            "kind",
            "parent",
            "country",
            "city",
            "website",
            "description",
            "posts",
            "partnerships",
            "figures",
            "url",
        ]


class PersonSerializer(UrlSerializer, serializers.ModelSerializer):
    posts = PersonPostSerializer(source="all_positions", many=True)

    class Meta:
        model = Person
        fields = ["slug", "name", "honorific", "bio", "posts", "url"]


class PartnershipSerializer(UrlSerializer, serializers.ModelSerializer):
    members = InstitutionRefSerializer(source="institutions", many=True)
    mission = EmbassyRefSerializer(source="embassy", allow_null=True)
    areas = AreaSerializer(many=True)
    figures = FigureSerializer(many=True)

    class Meta:
        model = Partnership
        fields = [
            "slug",
            "title",
            "kind",
            "status",
            "members",
            "mission",
            "areas",
            "start_date",
            "end_date",
            "description",
            "figures",
            "url",
        ]


# Querysets: everything a serializer above reads, in a fixed number of queries. Built per
# request (get_queryset), never at import: the published sources and the translated
# columns a filter reads depend on the language of the answer.


def _figures():
    return Figure.objects.order_by("label", "as_of").with_published_sources()


def missions_queryset():
    heads = Position.objects.heads().select_related("person")
    return Embassy.objects.select_related("host_country").prefetch_related(
        "accredited_countries",
        Prefetch("positions", queryset=heads, to_attr="head_positions"),
    )


def institutions_queryset():
    return Institution.objects.select_related(
        "country", "parent", "parent__country"
    ).prefetch_related(
        Prefetch(
            "positions", queryset=Position.objects.select_related("person"), to_attr="all_positions"
        ),
        Prefetch("partnerships", queryset=Partnership.objects.order_by("title")),
        Prefetch("figures", queryset=_figures()),
    )


def people_queryset():
    posts = Position.objects.select_related("embassy", "institution", "institution__country")
    return Person.objects.prefetch_related(
        Prefetch("positions", queryset=posts, to_attr="all_positions")
    )


def partnerships_queryset():
    return Partnership.objects.select_related("embassy").prefetch_related(
        Prefetch("institutions", queryset=Institution.objects.select_related("country")),
        "areas",
        Prefetch("figures", queryset=_figures()),
    )


# Filters


class MissionFilter(django_filters.FilterSet):
    country = CountryFilter(
        field_name="host_country", queryset=Country.objects.all(), to_field_name="code"
    )

    class Meta:
        model = Embassy
        fields = ["country", "kind"]


class InstitutionFilter(django_filters.FilterSet):
    country = CountryFilter(queryset=Country.objects.all(), to_field_name="code")
    parent = SlugFilter(queryset=Institution.objects.all(), to_field_name="slug")

    class Meta:
        model = Institution
        fields = ["country", "kind", "parent"]


class PartnershipFilter(django_filters.FilterSet):
    institution = SlugFilter(
        field_name="institutions", queryset=Institution.objects.all(), to_field_name="slug"
    )
    area = SlugFilter(
        field_name="areas", queryset=CooperationArea.objects.all(), to_field_name="slug"
    )

    class Meta:
        model = Partnership
        fields = ["institution", "area", "kind", "status"]


# View sets

LIST_SCHEMA = extend_schema(parameters=[LANGUAGE_PARAMETER])


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class MissionViewSet(ReadOnlyViewSet):
    """Diplomatic missions with their heads of mission over time."""

    serializer_class = MissionSerializer
    filterset_class = MissionFilter
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        return missions_queryset()


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class InstitutionViewSet(ReadOnlyViewSet):
    """Partner institutions with their people's posts, partnerships and figures."""

    serializer_class = InstitutionSerializer
    filterset_class = InstitutionFilter
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        return institutions_queryset()


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class PersonViewSet(ReadOnlyViewSet):
    """People and their posts over time."""

    serializer_class = PersonSerializer
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        return people_queryset()


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class PartnershipViewSet(ReadOnlyViewSet):
    """Partnerships with their members, cooperation areas and figures over time."""

    serializer_class = PartnershipSerializer
    filterset_class = PartnershipFilter
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        return partnerships_queryset()


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class CountryViewSet(ReadOnlyViewSet):
    """Countries by ISO 3166-1 alpha-2 code."""

    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    pagination_class = cursor_pagination("code")
    lookup_field = "code"

    def get_object(self):
        code = self.kwargs[self.lookup_field]
        if len(code) != 2:
            raise Http404
        self.kwargs[self.lookup_field] = code.upper()
        return super().get_object()


@extend_schema_view(list=LIST_SCHEMA, retrieve=LIST_SCHEMA)
class AreaViewSet(ReadOnlyViewSet):
    """Cooperation areas."""

    queryset = CooperationArea.objects.all()
    serializer_class = AreaSerializer
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"
