"""Model and form fields for uploaded images and documents.

The model fields are the single place where uploads are checked and processed: their
``clean()`` (run by every ModelForm, so the admin shows the errors at the field) and, for
code that saves without a form, their ``pre_save()``, both through the same functions.
"""

import logging
import uuid
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from . import attachments, images
from .uploads import current_guard, delete_quietly

logger = logging.getLogger(__name__)

STORAGE_ERROR = _(
    "The file could not be stored (the file storage is unavailable or full). Nothing was "
    "saved; please try again later."
)


@deconstructible
class UploadTo:
    """Store every upload under a generated name in a folder; the given name is ignored
    except for an extension we produced ourselves."""

    safe_extensions = {"jpg", "png", "webp", "pdf"}

    def __init__(self, folder):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename):
        ext = PurePosixPath(filename).suffix.lower().lstrip(".")
        ext = ext if ext in self.safe_extensions else "bin"
        return f"{self.folder}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


class ImageUploadFormField(forms.FileField):
    """A plain file input that asks browsers for the accepted types. The content checks
    happen in the model field, so Django's ImageField (which opens any format) is not used."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs.setdefault("accept", "image/jpeg,image/png,image/webp")
        return attrs


class DocumentUploadFormField(forms.FileField):
    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            types = ",".join(kind.content_type for kind in attachments.allowed_kinds())
            attrs.setdefault("accept", types)
        return attrs


class ProcessedFileMixin:
    """Process an uncommitted upload once, then store it: during validation when an upload
    guard is active (storage errors become form errors), otherwise in ``pre_save``."""

    def process(self, fieldfile, instance):  # pragma: no cover - abstract
        raise NotImplementedError

    def after_store(self, fieldfile, instance, written):
        """Hook for derived files (renditions) once the original is stored."""

    def _is_processed(self, fieldfile):
        return getattr(fieldfile.file, "mfa_processed", False)

    def _store(self, fieldfile, instance):
        name = self.generate_filename(instance, fieldfile.name)
        try:
            stored = self.storage.save(name, fieldfile.file, max_length=self.max_length)
        except Exception:
            delete_quietly(self.storage, name)
            raise
        fieldfile.name = stored
        fieldfile._committed = True
        written = []
        try:
            self.after_store(fieldfile, instance, written)
        except Exception:
            for derived in written:
                delete_quietly(self.storage, derived)
            delete_quietly(self.storage, stored)
            fieldfile.name = None
            raise
        return stored, written

    def clean(self, value, model_instance):
        value = super().clean(value, model_instance)
        if value and not value._committed:
            if not self._is_processed(value):
                self.process(value, model_instance)
            guard = current_guard()
            if guard is not None:
                try:
                    stored, written = self._store(value, model_instance)
                # Any backend's failure (OSError on disk, botocore errors on S3).
                except Exception as exc:  # noqa: BLE001
                    logger.exception("Storage failed while saving an upload")
                    raise ValidationError(STORAGE_ERROR, code="storage") from exc
                guard.record(self.storage, stored, written)
        return value

    def pre_save(self, model_instance, add):
        fieldfile = getattr(model_instance, self.attname)
        if fieldfile and not fieldfile._committed:
            if not self._is_processed(fieldfile):
                self.process(fieldfile, model_instance)
            stored, written = self._store(fieldfile, model_instance)
            guard = current_guard()
            if guard is not None:
                guard.record(self.storage, stored, written)
        guard = current_guard()
        if fieldfile and guard is not None:
            guard.claim(self.storage, fieldfile.name)
        return fieldfile


class SafeImageField(ProcessedFileMixin, models.ImageField):
    """An image checked by content, re-encoded without metadata, stored under a generated
    name, with renditions made when it is stored; alt text required unless decorative."""

    def __init__(self, *args, alt_field=None, decorative_field=None, **kwargs):
        self.alt_field = alt_field
        self.decorative_field = decorative_field
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for option in ("alt_field", "decorative_field"):
            if getattr(self, option):
                kwargs[option] = getattr(self, option)
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})

    def process(self, fieldfile, instance):
        uploaded_name = fieldfile.name
        processed = images.clean_and_process(fieldfile.file)
        processed.content.mfa_processed = processed
        processed.content.original_name = uploaded_name
        fieldfile.file = processed.content
        fieldfile.name = processed.content.name
        fieldfile._dimensions_cache = (processed.width, processed.height)
        if self.width_field:
            setattr(instance, self.width_field, processed.width)
        if self.height_field:
            setattr(instance, self.height_field, processed.height)

    def after_store(self, fieldfile, instance, written):
        processed = getattr(fieldfile.file, "mfa_processed", None)
        image = processed.image if processed else None
        images.make_renditions(self.storage, fieldfile.name, image=image, written=written)
        images.forget_renditions(self.storage, fieldfile.name)

    def clean(self, value, model_instance):
        original_name = value.name if value and not value._committed else None
        value = super().clean(value, model_instance)
        if value:
            self.check_alt(model_instance, original_name)
        return value

    def check_alt(self, instance, original_name=None):
        """Alt text is required unless the image is decorative; a file name as alt text
        is allowed but gives the editor a warning."""
        if not self.alt_field:
            return
        if self.decorative_field and getattr(instance, self.decorative_field):
            return
        alt = (getattr(instance, self.alt_field) or "").strip()
        alt_label = instance._meta.get_field(self.alt_field).verbose_name
        if not alt:
            raise ValidationError(
                _("Describe this image in “%(alt)s”, or mark it as decorative."),
                code="alt_required",
                params={"alt": alt_label},
            )
        if images.alt_looks_like_filename(alt, original_name):
            guard = current_guard()
            if guard is not None:
                guard.warn(
                    _(
                        "The alt text “%(alt)s” looks like a file name. Describe what the "
                        "image shows for people who cannot see it."
                    )
                    % {"alt": alt}
                )

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Reading dimensions opens the file; a missing or hostile file must not break
        # loading or assigning a record. Dimensions of uploads are set by process().
        fieldfile = getattr(instance, self.attname) if self.attname in instance.__dict__ else None
        if force and fieldfile and not fieldfile._committed and not self._is_processed(fieldfile):
            return
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except Exception:  # noqa: BLE001 - any Pillow or storage error
            logger.warning("Could not read the dimensions of %s", getattr(fieldfile, "name", ""))


class DocumentField(ProcessedFileMixin, models.FileField):
    """A document checked by content (PDF by default), stored under a generated name; its
    cleaned original name, size and content type are copied to sibling fields."""

    def __init__(
        self,
        *args,
        original_name_field=None,
        size_field=None,
        content_type_field=None,
        **kwargs,
    ):
        self.original_name_field = original_name_field
        self.size_field = size_field
        self.content_type_field = content_type_field
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for option in ("original_name_field", "size_field", "content_type_field"):
            if getattr(self, option):
                kwargs[option] = getattr(self, option)
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DocumentUploadFormField, **kwargs})

    def process(self, fieldfile, instance):
        uploaded = fieldfile.file
        kind = attachments.validate_attachment(uploaded)
        uploaded.seek(0)
        original = attachments.clean_original_name(fieldfile.name)
        fieldfile.file.mfa_processed = True
        fieldfile.name = attachments.generated_name(kind)
        for option, value in (
            (self.original_name_field, original),
            (self.size_field, uploaded.size),
            (self.content_type_field, kind.content_type),
        ):
            if option:
                setattr(instance, option, value)
