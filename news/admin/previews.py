"""Preview links of a draft in the admin: create, list and revoke them."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import services
from ..models import PressRelease, PreviewToken

Status = PressRelease.Status


class PreviewLinksMixin:
    """Goes before `admin.ModelAdmin`; needs `_get_or_404` (HistoryMixin)."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/preview-links/new/",
                self.admin_site.admin_view(self.create_preview_link_view),
                name="{}_{}_preview_link_create".format(*info),
            ),
            path(
                "<path:object_id>/preview-links/<int:token_id>/revoke/",
                self.admin_site.admin_view(self.revoke_preview_link_view),
                name="{}_{}_preview_link_revoke".format(*info),
            ),
        ]
        return urls + super().get_urls()

    @admin.display(description=gettext_lazy("preview links"))
    def preview_links(self, obj):
        tokens = [token for token in obj.preview_tokens.all() if token.is_valid()]
        if not tokens:
            return _("None. Create one with “Create preview link” at the top of the page.")
        return format_html_join(
            "",
            '<div><a href="{}">{}</a> ({})</div>',
            (
                (token.get_absolute_url(), token.get_absolute_url(), token.expires_at)
                for token in tokens
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            preview_url=reverse("news:preview", args=[obj.pk]) if obj else None,
            preview_tokens=(
                [token for token in obj.preview_tokens.all() if token.is_valid()] if obj else []
            ),
            can_share_preview=bool(
                obj
                and obj.status in (Status.DRAFT, Status.REVIEW)
                and request.user.has_perm("news.add_previewtoken")
            ),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def create_preview_link_view(self, request, object_id):
        obj = self._get_or_404(request, object_id)
        if not (
            request.method == "POST"
            and self.has_change_permission(request, obj)
            and request.user.has_perm("news.add_previewtoken")
        ):
            raise PermissionDenied
        try:
            token = services.create_preview_token(obj, request.user)
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Preview link created, valid for 7 days or until publication: %(url)s")
                % {"url": request.build_absolute_uri(token.get_absolute_url())},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))

    def revoke_preview_link_view(self, request, object_id, token_id):
        obj = self._get_or_404(request, object_id)
        if not (
            request.method == "POST"
            and self.has_change_permission(request, obj)
            and request.user.has_perm("news.change_previewtoken")
        ):
            raise PermissionDenied
        token = get_object_or_404(PreviewToken, pk=token_id, press_release=obj)
        services.revoke_preview_token(token)
        self.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))
