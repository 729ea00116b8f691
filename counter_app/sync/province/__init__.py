"""Talking to the provincial one-stop system: the adapter seam, our contract's client, credentials."""
