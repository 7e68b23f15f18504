"""The spans of history the window offers (View › History span), kept apart from the chart so the
window can list them without importing the chart's plotting modules."""

SPAN_CHOICES: tuple[tuple[int, str], ...] = ((300, "5 minutes"), (3600, "1 hour"), (86400, "24 hours"))
