"""The emnify account settings pane (mounted by the settings dialog)."""

from desktop_app.ui.emnify.pane import EmnifyPane

__all__ = ["EmnifyPane"]
