"""The window's views, one per tab."""
