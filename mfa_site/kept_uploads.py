"""A file chosen in a form that comes back with errors elsewhere is not lost.

Browsers never re-send a file input: when the admin redisplays a form with an error in
another field, the chosen image would have to be chosen again. `KeptFileWidget` keeps it:
when it renders a form that was posted with a file, it stores the upload as it came in a
temporary folder of the default storage and renders a signed token in a hidden input, with
"Chosen: name.jpg" and the file input to replace it. Posted back with the token and no new
file, the widget hands the kept file to the field, which checks and stores it as if it had
just been uploaded. The kept files are never served (their extension is not a media type);
`cleanup_media` deletes them after a day, when the tokens have expired too.
"""

import logging
import uuid

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile

logger = logging.getLogger(__name__)

FOLDER = "kept-uploads"
MAX_AGE = 24 * 3600  # seconds; cleanup_media's default age is the same day
SALT = "mfa_site.kept_uploads"
MAX_NAME = 200


def keep(upload):
    """Store `upload` in the temporary folder; its signed token (once per upload)."""
    token = getattr(upload, "kept_token", None)
    if token:
        return token
    upload.seek(0)
    name = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}.upload", upload)
    token = signing.dumps({"name": name, "original": upload.name[:MAX_NAME]}, salt=SALT)
    upload.kept_token = token
    return token


def restore(token):
    """The upload a token stands for, or None when it is forged, expired or gone."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        name, original = data["name"], data["original"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    if not (isinstance(name, str) and name.startswith(f"{FOLDER}/")):
        return None
    try:
        with default_storage.open(name, "rb") as stored:
            content = stored.read()
    except OSError:
        return None
    upload = SimpleUploadedFile(str(original), content)
    upload.kept_token = token
    return upload


class KeepUploadsForm:
    """A form mixin: a file that is itself refused (not an image, too large) is not kept."""

    def _post_clean(self):
        super()._post_clean()
        for name, field in self.fields.items():
            if name in self._errors and isinstance(field.widget, KeptFileWidget):
                field.widget.refused = True


class KeptFileWidget(AdminFileWidget):
    """The admin's file input, keeping a chosen file across a redisplay of its form."""

    template_name = "admin/widgets/kept_file_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.chosen = None
        self.refused = False

    def kept_name(self, name):
        return f"{name}-kept"

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value is None:  # no new file and "clear" not ticked: a kept one, if any
            token = data.get(self.kept_name(name))
            value = restore(token) if token else None
        if isinstance(value, UploadedFile):
            self.chosen = value
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        token = None
        if self.chosen is not None and not self.refused:
            try:
                token = keep(self.chosen)
            except OSError:
                logger.exception("Could not keep an upload for the redisplayed form")
        if token:
            # Chosen already: the browser must not ask for a file again.
            context["widget"]["attrs"].pop("required", None)
        context["widget"].update(
            kept_token=token,
            kept_input_name=self.kept_name(name),
            kept_file_name=self.chosen.name if token else "",
        )
        return context
