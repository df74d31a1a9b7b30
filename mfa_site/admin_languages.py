"""The admin of translated models: a field per language, none of them required alone.

django-modeltranslation requires the default language's field (Kazakh) wherever the
model field is required; a ministry's editors write many entries first in English or
Russian, so here a required field must be written in at least one language instead.
Each field carries its language in `lang`, for the browser's spellcheck and screen readers.
"""

from django import forms
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from mfa_site.languages import language_codes


class TranslatedAdmin(TranslationAdmin):
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            field.required = False
            field.widget.attrs["lang"] = language
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        required = [
            name for name in self.trans_opts.fields if not self.model._meta.get_field(name).blank
        ]
        return type(form.__name__, (AnyLanguageRequired, form), {"any_language_required": required})


class AnyLanguageRequired(forms.ModelForm):
    any_language_required = ()

    def clean(self):
        cleaned_data = super().clean()
        for field in self.any_language_required:
            names = [
                name
                for name in (build_localized_fieldname(field, code) for code in language_codes())
                if name in self.fields
            ]
            if names and not any((cleaned_data.get(name) or "").strip() for name in names):
                self.add_error(
                    names[0],
                    forms.ValidationError(
                        _("Write this in at least one language."), code="required_in_a_language"
                    ),
                )
        return cleaned_data
