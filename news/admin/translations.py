"""The languages of a press release in the admin: one section per language, the state of
each translation (list column and change page), and the body shown as formatted text."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from mfa_site.languages import NATIVE_NAMES

from .. import parity
from ..models import PressRelease, active_language, language_codes

STATE_LABELS = {
    "original": gettext_lazy("original"),
    "current": gettext_lazy("translation up to date"),
    "outdated": gettext_lazy("translation outdated"),
    "missing": gettext_lazy("not translated"),
}


class TranslationsMixin:
    """Goes before `admin.ModelAdmin`; adds a `formatted_body_<code>` per language below."""

    @admin.display(description=gettext_lazy("languages"))
    def language_states(self, obj):
        """kk ru en, each marked original, current, outdated or missing."""
        return format_html_join(
            " ",
            '<span class="language-state language-state--{}" title="{}">{}</span>',
            (
                (state, STATE_LABELS[state], code)
                for code, state in obj.translation_states().items()
            ),
        )

    @admin.display(description=gettext_lazy("translations"))
    def translation_check(self, obj):
        """Each translation's state, and what differs from the original (parity)."""
        if obj is None or obj.pk is None:
            return "–"
        states = format_html_join(
            "",
            '<li><span class="language-state language-state--{}">{}</span> {}</li>',
            (
                (state, NATIVE_NAMES[code], STATE_LABELS[state])
                for code, state in obj.translation_states().items()
            ),
        )
        found = parity.differences(obj)
        warnings = format_html_join(
            "", '<li class="parity-warning">{}</li>', ((str(item),) for item in found)
        )
        return format_html(
            '<ul class="translation-states">{}</ul>{}',
            states,
            format_html('<ul class="parity-warnings">{}</ul>', warnings) if found else "",
        )

    def language_fieldsets(self, obj, formatted_body=False):
        """One section per language, the original first; empty translations folded.
        With `formatted_body` (who cannot change it) the body shows as formatted text."""
        original = obj.original_language if obj else active_language()
        states = obj.translation_states() if obj else {}
        order = [original] + [code for code in language_codes() if code != original]
        fieldsets = []
        for code in order:
            state = states.get(code, "original" if code == original else "missing")
            fieldsets.append(
                (
                    format_html(
                        '<span lang="{}">{}</span> – {}',
                        code,
                        NATIVE_NAMES[code],
                        STATE_LABELS[state],
                    ),
                    {
                        "fields": [
                            f"formatted_{name}" if formatted_body and field == "body" else name
                            for field in ("title", "lead", "body", "dateline", "source")
                            for name in [build_localized_fieldname(field, code)]
                        ],
                        "classes": ["collapse"] if state == "missing" else [],
                    },
                )
            )
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and db_field.name.startswith("body") and language:
            # "Body (English)": each editor names its language for screen readers.
            field.widget.attrs["aria-label"] = "{} ({})".format(
                capfirst(PressRelease._meta.get_field("body").verbose_name),
                dict(settings.LANGUAGES)[language],
            )
        return field


def _formatted_body(code):
    name = build_localized_fieldname("body", code)

    @admin.display(description=PressRelease._meta.get_field(name).verbose_name)
    def formatted(self, obj):
        # Sanitised when saved (news/richtext.py): shown as the public sees it, not as tags.
        return format_html('<div class="readonly-body">{}</div>', mark_safe(getattr(obj, name)))

    return formatted


FORMATTED_BODIES = [f"formatted_{build_localized_fieldname('body', c)}" for c in language_codes()]
for _code in language_codes():
    setattr(
        TranslationsMixin,
        f"formatted_{build_localized_fieldname('body', _code)}",
        _formatted_body(_code),
    )
