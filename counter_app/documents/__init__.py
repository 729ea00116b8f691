"""Documents the office hands out: queue tickets now, the one-stop forms later. No Qt here."""
