"""django-axes' backend, tolerant of `authenticate()` calls that carry no request."""

from axes.backends import AxesStandaloneBackend


class AxesBackend(AxesStandaloneBackend):
    """Throttle every login that comes over HTTP; step aside when there is no request.

    Every HTTP login (the admin's) passes the request, so it is throttled. Calls
    without one (`Client.login` in tests, a shell) cannot be brute-forced from outside;
    axes would raise for them, so this backend lets the next backend decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
