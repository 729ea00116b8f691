"""Incoming paper, digitised: scanned pages cleaned and bound into PDF/A, PDF pages rendered to
images, and OCR of what was scanned. The forms the office hands out live in ``documents``. No Qt here.
"""
