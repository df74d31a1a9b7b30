"""The admin of the news app, one module per concern; importing it registers the admins."""

from .press_releases import PressReleaseAdmin, TopicAdmin

__all__ = ["PressReleaseAdmin", "TopicAdmin"]
