"""RAMLens desktop window (Qt). Talks to the engine in app/ only through the backend interface."""
