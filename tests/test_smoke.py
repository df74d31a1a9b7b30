import pytest

from tests.factories import make_press_release


@pytest.mark.django_db
def test_published_press_release_is_listed(client):
    make_press_release(title="Visible news")
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert "Visible news" in response.content.decode()
