"""Sending to and pulling from the provincial one-stop system, exactly once.

``outbox`` is what services write in the same transaction as the change it reports;
``service`` drains it and applies what the province sends back; ``runner`` does that on a
background thread all day; ``log`` reads what waits, for the counter's sync view; ``province``
is the adapter seam and our contract's HTTP client; ``secret_store`` is the settings dialog's way
to the office's secret in the keyring. No Qt here.
"""
