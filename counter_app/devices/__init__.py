"""Hardware at the counter: the receipt printer (ESC/POS), scanners (SANE, WIA, eSCL, or files),
and the display board's voice. No Qt: devices run off the GUI thread. ``app.py`` builds them.
"""
