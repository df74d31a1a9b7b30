"""Which press-release fields are written in each language (django-modeltranslation).

Press releases never fall back: a page in Russian shows the Russian text or says where the
press release is available, never the Kazakh text under a Russian heading. A gallery photo's
words and a document's title do (the site's order, MODELTRANSLATION_FALLBACK_LANGUAGES): a photo
described in another language is better than one not described at all for a reader who cannot
see it.

The reason for a withdrawal is written in each language the press release is written in (the
model's constraint and the workflow ask for it), so its page in that language explains itself.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import PressRelease, PressReleaseAttachment, PressReleaseImage, Topic

PRESS_RELEASE_FIELDS = (
    "title",
    "lead",
    "body",
    "dateline",
    "source",
    "image_alt",
    "image_caption",
    "image_credit",
    "withdrawn_reason",
)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = PRESS_RELEASE_FIELDS
    fallback_languages = {"default": ()}


@register(PressReleaseImage)
class PressReleaseImageTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(PressReleaseAttachment)
class PressReleaseAttachmentTranslation(TranslationOptions):
    fields = ("title",)
