import pytest

from tests.factories import make_institution, make_partnership


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def antwerp_world(db):
    """The institutions of the seed press release, with the names they go by."""
    uantwerp = make_institution(
        "University of Antwerp",
        slug="university-of-antwerp",
        short_name="UAntwerp",
        aliases="Universiteit Antwerpen\nUA",
        city="Antwerp",
        description="A Flemish university.",
    )
    ams = make_institution(
        "Antwerp Management School",
        slug="antwerp-management-school",
        short_name="AMS",
        kind="business_school",
        city="Antwerp",
    )
    amu = make_institution(
        "Almaty Management University",
        slug="almaty-management-university",
        short_name="AlmaU",
        aliases="Алматы Менеджмент Университеті\nАлматинский университет менеджмента",
        city="Almaty",
        country_code="KZ",
    )
    liege = make_institution(
        "Université de Liège", slug="universite-de-liege", short_name="ULiège", city="Liège"
    )
    make_partnership("Double-degree MBA", slug="double-degree-mba", institutions=[ams, amu])
    return {"uantwerp": uantwerp, "ams": ams, "amu": amu, "liege": liege}
