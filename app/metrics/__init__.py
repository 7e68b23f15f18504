"""The Prometheus exporter behind ``ramlens serve``: a collector that reads fresh on every scrape.

The collector (``collector.py``) turns one sample, one fragmentation reading and, where asked
for, the file-cache totals into metric families; ``autoclean.py`` drives the auto-clean engine
and counts what it did; ``server.py`` checks the listening address and starts the HTTP server
(``httpserver.py``, whose loop stops at once when asked).
Nothing here imports Qt or a backend module: what a backend offers comes from its capabilities.
"""
