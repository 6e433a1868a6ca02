"""Views of annotations: a self-contained HTML page and a terminal rendering.

``render_html(records)`` returns one HTML file showing each document's text with every span
highlighted beside its events; ``newsevents view`` writes it from files (see docs/view.md).
"""

from newsevents.view.html import render_html
from newsevents.view.page import ViewError, build_page

__all__ = ["ViewError", "build_page", "render_html"]
