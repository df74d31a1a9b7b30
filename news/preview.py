"""Previews of unpublished press releases: the public page, for staff or a token holder."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404

from .models import PressRelease, PreviewToken
from .views import PressReleaseDetailView


class _PreviewMixin:
    """The public detail page with another queryset, a banner and no caching or indexing."""

    template_name = "admin/news/pressrelease/preview.html"
    page_cache = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"is_preview": True}

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response


class StaffPreviewView(_PreviewMixin, PressReleaseDetailView):
    """Any press release as the public will see it; staff who may view press releases only."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path())
        if not user.has_perm("news.view_pressrelease"):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return PressRelease.objects.all()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class TokenPreviewView(_PreviewMixin, PressReleaseDetailView):
    """A draft for whoever holds a valid preview link; after publication, the public page."""

    def get(self, request, *args, **kwargs):
        token = (
            PreviewToken.objects.select_related("press_release")
            .filter(token=kwargs["token"])
            .first()
        )
        if token is not None and not token.is_valid():
            if PressRelease.objects.public().filter(pk=token.press_release_id).exists():
                return HttpResponseRedirect(token.press_release.get_absolute_url())
            raise Http404
        if token is None:
            raise Http404
        self.preview_token = token
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return PressRelease.objects.filter(
            pk__in=PreviewToken.objects.valid().values("press_release")
        )

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.preview_token.press_release_id)
