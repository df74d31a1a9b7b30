"""User files served by the application: only known types, never sniffed or run."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import image_bytes, pdf_bytes


@pytest.fixture
def stored():
    return {
        "image": default_storage.save("news/a.jpg", ContentFile(image_bytes())),
        "pdf": default_storage.save("news/documents/b.pdf", ContentFile(pdf_bytes())),
        "html": default_storage.save("news/evil.html", ContentFile(b"<script>x</script>")),
    }


def test_image_is_served_with_nosniff_and_a_sandboxing_policy(client, stored):
    response = client.get(f"/media/{stored['image']}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert b"".join(response.streaming_content) == image_bytes()


def test_document_is_a_download(client, stored):
    response = client.get(f"/media/{stored['pdf']}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["news/evil.html", "../settings.py", "news/../../etc/passwd", "news/nothing.jpg"]
)
def test_unknown_types_traversal_and_missing_files_are_404(client, stored, path):
    assert client.get(f"/media/{path}").status_code == 404
