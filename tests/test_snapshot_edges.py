"""Edges of the snapshot module that its main tests leave open (found by `dev.py mutate`)."""
