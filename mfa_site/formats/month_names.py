"""Django's month names, repeated here so that makemessages keeps them in our catalogs.

Our catalogs come before Django's own (LOCALE_PATHS), so these entries decide how months
read in Kazakh and Russian: lower case inside a sentence ("за март 2026 года",
"2026 жылғы наурыз"), and for the ``E`` format the form a date needs ("15 марта",
"15 наурыз"). Django's Kazakh catalog capitalises them ("15 Наурыз 2026").
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The "F" format: the month on its own, as in "March 2026".
MONTHS = [
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
]

# The "E" format: the month as a date needs it, as in "15 March 2026".
MONTHS_IN_DATES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
