"""Checks a lawyer runs before filing, on a draft that may since have been edited in Word: `check` (limits,
certificates, citations, Rule 65 elements) and `outdated` (clause versions superseded since the draft).
"""
