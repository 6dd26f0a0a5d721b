"""The clause text language: the inline markup lawyers write in clause files (emphasis, footnotes, citation
keys) and the sandboxed Jinja that fills it from answers. Knows nothing of files, courts or Word; everything
above it reads clause text through here.
"""
