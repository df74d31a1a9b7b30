"""Date and number formats per language (FORMAT_MODULE_PATH), ahead of Django's own.

Month names in dates come from the project's catalogs (see ``month_names``): Russian
dates take the genitive ("15 марта 2026 года"), Kazakh dates the lower-case nominative
after the year ("2026 жылғы 15 наурыз").
"""
