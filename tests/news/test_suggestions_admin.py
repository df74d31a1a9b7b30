import shutil

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from news.linking import detect_press_release, import_file
from news.models import LinkSuggestion, PressRelease
from partners.models import Figure, Institution
from tests.factories import make_institution, make_press_release

from .conftest import CORPUS

pytestmark = pytest.mark.django_db


def change_url(press_release):
    return reverse("admin:news_pressrelease_change", args=[press_release.pk])


def decide_url(suggestion, decision):
    return reverse(
        "admin:news_pressrelease_suggestion",
        args=[suggestion.press_release_id, suggestion.pk, decision],
    )


@pytest.fixture
def seed(corpus_directory, tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    return import_file(tmp_path / "seed.txt").press_release


@pytest.fixture
def delft():
    press_release = make_press_release(
        "Delft visit",
        status="draft",
        lead="The Ambassador visited Delft University of Technology in the Netherlands.",
        body="<p>Students from Kazakhstan study there.</p>",
    )
    detect_press_release(press_release)
    return press_release


def test_change_page_shows_the_panel_with_sentence_and_buttons(admin_client, seed):
    response = admin_client.get(change_url(seed))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suggested links" in html
    assert "<mark>11 students from Kazakhstan</mark>" in html
    figure = seed.link_suggestions.get(kind="figure", value=11)
    assert f'formaction="{decide_url(figure, "accept")}"' in html
    assert 'formmethod="post"' in html
    assert ">Accept all</button>" in html
    # A draft is detected on every save; no button to remember.
    assert "Mentions are detected each time you save." in html


def test_panel_query_count_does_not_grow_with_suggestions(seed, django_assert_num_queries):
    from django.contrib import admin

    model_admin = admin.site._registry[PressRelease]
    with django_assert_num_queries(3):  # pending, partnerships in bulk, dismissed count
        few = model_admin.suggested_links(seed)
    for i in range(12):
        LinkSuggestion.objects.create(
            press_release=seed,
            kind="new_institution",
            key=f"new_institution:college {i}",
            matched_text=f"Example College {i}",
        )
    with django_assert_num_queries(3):
        many = model_admin.suggested_links(seed)
    assert many.count("<tr data-suggestion=") == few.count("<tr data-suggestion=") + 12


def test_accepting_a_figure_creates_it_on_the_partnership_and_links_it(admin_client, seed):
    suggestion = seed.link_suggestions.get(kind="figure", value=11)
    response = admin_client.post(decide_url(suggestion, "accept"))
    assert response.status_code == 302
    assert response["Location"] == change_url(seed)
    figure = Figure.objects.get(label="Kazakh students", value=11)
    assert figure.partnership.slug == "kazakhstan-uantwerp-academic-mobility"
    assert figure.as_of == seed.created_at.astimezone().date() or figure.as_of
    assert list(seed.figures.all()) == [figure]
    assert figure.partnership in seed.partnerships.all()
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"


def test_accepting_a_partnership_suggestion_links_it(admin_client, seed):
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    admin_client.post(decide_url(suggestion, "accept"))
    assert seed.partnerships.filter(pk=suggestion.object_id).exists()


def test_dismissal_is_remembered_after_redetection(admin_client, seed):
    suggestion = seed.link_suggestions.get(kind="figure", value=5)
    admin_client.post(decide_url(suggestion, "dismiss"))
    suggestion.refresh_from_db()
    assert suggestion.status == "dismissed"
    response = admin_client.post(reverse("admin:news_pressrelease_detect_mentions", args=[seed.pk]))
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "dismissed"
    assert seed.link_suggestions.filter(kind="figure", value=5).count() == 1
    html = admin_client.get(change_url(seed)).content.decode()
    assert "5 Kazakh researchers" not in html.replace("<strong>", "").replace("</strong>", "")


def test_dismissed_mention_is_not_linked_by_a_reimport(seed, tmp_path):
    suggestion = seed.link_suggestions.get(kind="figure", value=8)
    suggestion.status = "dismissed"
    suggestion.save()
    result = import_file(tmp_path / "seed.txt")
    assert result.outcome == "unchanged"
    assert seed.link_suggestions.get(pk=suggestion.pk).status == "dismissed"


def test_creating_a_new_institution_in_one_click(admin_client, delft):
    suggestion = delft.link_suggestions.get(kind="new_institution")
    assert suggestion.matched_text == "Delft University of Technology"
    assert suggestion.country_code == "NL"
    response = admin_client.post(decide_url(suggestion, "accept"))
    assert response.status_code == 302
    institution = Institution.objects.get(name="Delft University of Technology")
    assert str(institution.country.code) == "NL"
    assert institution.slug == "delft-university-of-technology"
    assert list(delft.institutions.all()) == [institution]


def test_new_institution_already_in_the_directory_is_linked_not_duplicated(admin_client, delft):
    suggestion = delft.link_suggestions.get(kind="new_institution")
    existing = make_institution("Delft University of Technology", country_code="NL")
    admin_client.post(decide_url(suggestion, "accept"))
    assert Institution.objects.filter(name="Delft University of Technology").count() == 1
    assert list(delft.institutions.all()) == [existing]


def test_detect_mentions_suggests_instead_of_linking_in_the_admin(admin_client, corpus_directory):
    press_release = make_press_release(
        "Visit", status="draft", lead="Roman Vassilenko visited Nazarbayev University."
    )
    admin_client.post(reverse("admin:news_pressrelease_detect_mentions", args=[press_release.pk]))
    assert not press_release.people.exists()
    kinds = set(press_release.link_suggestions.pending().values_list("kind", flat=True))
    assert kinds == {"person", "institution"}


def test_detect_mentions_changelist_action(admin_client, corpus_directory):
    press_release = make_press_release(
        "Visit", status="draft", lead="Roman Vassilenko visited Nazarbayev University."
    )
    response = admin_client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "detect_mentions_action", "_selected_action": [press_release.pk]},
    )
    assert response.status_code == 302
    assert press_release.link_suggestions.pending().count() == 2


def test_decisions_need_post(admin_client, seed):
    suggestion = seed.link_suggestions.pending().first()
    assert admin_client.get(decide_url(suggestion, "accept")).status_code == 405


def test_unknown_decision_or_foreign_suggestion_is_404(admin_client, seed, delft):
    suggestion = seed.link_suggestions.pending().first()
    assert admin_client.post(decide_url(suggestion, "maybe")).status_code == 404
    foreign = reverse(
        "admin:news_pressrelease_suggestion", args=[delft.pk, suggestion.pk, "accept"]
    )
    assert admin_client.post(foreign).status_code == 404


def _staff(client, *codenames):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


def test_staff_without_change_permission_cannot_decide(client, seed):
    _staff(client, "view_pressrelease")
    suggestion = seed.link_suggestions.pending().first()
    assert client.post(decide_url(suggestion, "accept")).status_code == 403
    assert client.post(decide_url(suggestion, "dismiss")).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_editor_with_change_permission_may_accept_a_link(client, seed):
    _staff(client, "change_pressrelease", "view_pressrelease")
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    assert client.post(decide_url(suggestion, "accept")).status_code == 302
    assert seed.partnerships.filter(pk=suggestion.object_id).exists()


def test_creating_an_institution_also_needs_the_add_institution_permission(client, delft):
    _staff(client, "change_pressrelease", "view_pressrelease")
    suggestion = delft.link_suggestions.get(kind="new_institution")
    assert client.post(decide_url(suggestion, "accept")).status_code == 403
    assert not Institution.objects.filter(name="Delft University of Technology").exists()


def test_anonymous_is_sent_to_login(client, seed):
    suggestion = seed.link_suggestions.pending().first()
    response = client.post(decide_url(suggestion, "accept"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert LinkSuggestion.objects.get(pk=suggestion.pk).status == "pending"


def test_csrf_is_enforced(seed):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_superuser("boss", password="x"))
    suggestion = seed.link_suggestions.pending().first()
    assert client.post(decide_url(suggestion, "accept")).status_code == 403


def test_add_page_has_no_panel(admin_client):
    response = admin_client.get(reverse("admin:news_pressrelease_add"))
    assert response.status_code == 200
    assert "Suggested links" not in response.content.decode()


def test_draft_without_directory_has_an_empty_panel(admin_client):
    press_release = make_press_release("Plain", status=PressRelease.Status.DRAFT)
    html = admin_client.get(change_url(press_release)).content.decode()
    assert "No suggestions are waiting." in html


def test_redetection_of_an_imported_draft_keeps_the_dateline_date(admin_client, corpus_directory):
    import_file(CORPUS / "04-antwerp-predecessor.txt")
    press_release = PressRelease.objects.get()
    figure = press_release.link_suggestions.get(kind="figure")
    assert str(figure.as_of) == "2023-03-12"
    admin_client.post(reverse("admin:news_pressrelease_detect_mentions", args=[press_release.pk]))
    figure.refresh_from_db()
    assert str(figure.as_of) == "2023-03-12"
    # The ambassador of that date stays the one linked; today's is not suggested.
    assert list(press_release.people.values_list("slug", flat=True).order_by("slug")) == [
        "herwig-leirs",
        "margulan-baimukhan",
    ]
    assert not press_release.link_suggestions.filter(kind="person", status="pending").exists()
