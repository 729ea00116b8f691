"""Hardware at the counter: printers now, scanners later. No Qt: devices run off the GUI thread."""
