"""Documents the office hands out: the one-stop forms (Mẫu 01–07) as PDF and the CSV reports.
No Qt here; incoming scans are ``imaging``'s.
"""
