from django.contrib import admin

from .admin_media import MEDIA_INLINES
from .models import (
    PressRelease,
    PressReleaseCountry,
    PressReleaseEmbassy,
    PressReleaseFigure,
    PressReleaseInstitution,
    PressReleasePartnership,
    PressReleasePerson,
    PressReleaseTopic,
    Topic,
)
from .suggestions_admin import SuggestedLinksMixin


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


def link_inline(link_model):
    """A compact inline with autocomplete for one kind of press-release link."""
    target = link_model._meta.get_field("target").related_model
    return type(
        f"{link_model.__name__}Inline",
        (admin.TabularInline,),
        {
            "model": link_model,
            "extra": 0,
            "autocomplete_fields": ["target"],
            "verbose_name": target._meta.verbose_name,
            "verbose_name_plural": target._meta.verbose_name_plural,
        },
    )


@admin.register(PressRelease)
class PressReleaseAdmin(SuggestedLinksMixin, admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "dateline"]
    list_filter = ["status", "topics"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        link_inline(model)
        for model in (
            PressReleaseTopic,
            PressReleaseEmbassy,
            PressReleaseInstitution,
            PressReleasePartnership,
            PressReleasePerson,
            PressReleaseCountry,
            PressReleaseFigure,
        )
    ] + MEDIA_INLINES
