"""Structured logging: one JSON object per line, with secrets redacted before output.

Every log record (errors, logins, lockouts, publish/withdraw) leaves through the
`json` handler configured in settings; its `RedactSecretsFilter` blanks values whose
key looks secret, in `extra` fields, in dict arguments and in `key=value` text.
"""

import datetime
import json
import logging
import re

REDACTED = "[redacted]"
SECRET_KEY_PATTERN = re.compile(
    r"pass(word|wd)?|secret|token|csrf|session(id|_key)?|authorization|cookie|api[_-]?key",
    re.IGNORECASE,
)
_SECRET_IN_TEXT = re.compile(
    r"""(?P<key>["']?[\w-]*(?:pass(?:word|wd)?|secret|token|csrf\w*|sessionid|session_key|"""
    r"""authorization|cookie|api[_-]?key)[\w-]*["']?\s*[=:]\s*)(?P<value>"[^"]*"|'[^']*'|[^\s&,;]+)""",
    re.IGNORECASE,
)

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def is_secret_key(key):
    return bool(SECRET_KEY_PATTERN.search(str(key)))


def redact(value):
    """Return `value` with the values of secret-looking keys replaced, recursively."""
    if isinstance(value, dict):
        return {k: REDACTED if is_secret_key(k) else redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact(v) for v in value)
    if isinstance(value, str):
        return _SECRET_IN_TEXT.sub(lambda m: m.group("key") + REDACTED, value)
    return value


class RedactSecretsFilter(logging.Filter):
    """Blank secrets in a record's message, arguments and extra fields (never drops it)."""

    def filter(self, record):
        if record.args:
            record.args = redact(record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        # The message is formatted once here, then redacted as text as a whole.
        record.msg, record.args = redact(message), ()
        for key in set(vars(record)) - _STANDARD_ATTRS:
            value = getattr(record, key)
            setattr(record, key, REDACTED if is_secret_key(key) else redact(value))
        return True


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON line: time, level, logger, message and extra fields."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        for key in sorted(set(vars(record)) - _STANDARD_ATTRS):
            value = getattr(record, key)
            if key == "request":
                # Django's request loggers attach the HttpRequest: keep what identifies it.
                entry["method"] = getattr(value, "method", None)
                entry["path"] = getattr(value, "path", None)
            elif key != "server_time":
                entry[key] = value
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)
