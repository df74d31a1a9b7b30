# Russian, official style: "15 марта 2026 года", "15.03.2026".
DATE_FORMAT = "j E Y года"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y года, H:i"
YEAR_MONTH_FORMAT = "F Y года"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# The first is what the admin's date picker writes; ISO dates are always accepted too.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
