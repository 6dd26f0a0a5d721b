"""Citing authorities as a brief does: full citation on first use, short form and *id.* after it, and the
Table of Authorities built from what the document actually cited.
"""
