"""The spans of history the window offers (View › History span), kept apart from the chart so the
window can list them without importing the chart's plotting modules."""

from app.i18n import N_

SPAN_CHOICES: tuple[tuple[int, str], ...] = (
    (300, N_("HistoryView", "5 minutes")),
    (3600, N_("HistoryView", "1 hour")),
    (86400, N_("HistoryView", "24 hours")),
)
