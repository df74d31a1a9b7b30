"""Admin inlines for a press release's gallery and attachments."""

from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mfa_site.images import renditions_for
from mfa_site.kept_uploads import KeepUploadsForm, KeptFileWidget
from mfa_site.languages import localized_names
from mfa_site.media_fields import SafeImageField

from ..models import PressReleaseAttachment, PressReleaseImage


@admin.display(description=_("preview"))
def image_preview(fieldfile):
    renditions = renditions_for(fieldfile) if fieldfile else None
    if not renditions:
        return "—"
    smallest = renditions.of("jpg")[0]
    return format_html(
        '<img src="{}" width="160" height="{}" alt="">',
        fieldfile.storage.url(smallest.name),
        round(160 * smallest.height / smallest.width),
    )


# A chosen image survives an error elsewhere on the page (mfa_site/kept_uploads.py).
KEEP_CHOSEN_IMAGES = {SafeImageField: {"widget": KeptFileWidget}}


class GalleryImageForm(KeepUploadsForm, forms.ModelForm):
    pass


class PressReleaseImageInline(admin.StackedInline):
    model = PressReleaseImage
    form = GalleryImageForm
    formfield_overrides = KEEP_CHOSEN_IMAGES
    extra = 0
    # A photo's words in each language, as the press release's own featured image has them.
    fields = [
        "image",
        "preview",
        *localized_names("alt"),
        "decorative",
        *localized_names("caption", "credit"),
        "position",
    ]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return image_preview(obj.image)


class AttachmentForm(forms.ModelForm):
    """A document's title per language: one is required, the others fall back to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in localized_names("title"):
            self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        titles = localized_names("title")
        if self.has_changed() and not any((cleaned_data.get(n) or "").strip() for n in titles):
            self.add_error(titles[0], _("Give the document a title in at least one language."))
        return cleaned_data


class PressReleaseAttachmentInline(admin.StackedInline):
    # Stacked: three titles and the file do not fit one row of a table beside the form.
    model = PressReleaseAttachment
    form = AttachmentForm
    extra = 0
    fields = [*localized_names("title"), "file", "original_name", "size_display", "position"]
    readonly_fields = ["original_name", "size_display"]

    @admin.display(description=_("size"))
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.pk else "—"


MEDIA_INLINES = [PressReleaseImageInline, PressReleaseAttachmentInline]
