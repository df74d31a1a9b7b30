"""Structured data (schema.org JSON-LD) and descriptions for the public partner pages."""

from django.utils.text import Truncator

DESCRIPTION_WORDS = 30


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def breadcrumb_list(request, crumbs):
    """schema.org BreadcrumbList from [(name, url), ...]; the last item is the page itself."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": absolute(request, url) or request.build_absolute_uri(),
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def government_organization(request, embassy):
    """schema.org GovernmentOrganization for a diplomatic mission."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": embassy.name,
        "url": absolute(request, embassy.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": embassy.address,
            "addressLocality": embassy.city,
            "addressCountry": str(embassy.host_country.code),
        },
    }
    if embassy.phone:
        data["telephone"] = embassy.phone
    if embassy.email:
        data["email"] = embassy.email
    if embassy.website:
        data["sameAs"] = embassy.website
    return data


def summary(text, fallback):
    """A meta description: the first words of `text`, or `fallback` when it is empty."""
    text = " ".join((text or "").split())
    return Truncator(text).words(DESCRIPTION_WORDS) if text else str(fallback)
