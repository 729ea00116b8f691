"""The pages of the first-run wizard (counter_app/ui/setup_wizard.py)."""
