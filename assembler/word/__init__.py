"""The only room that touches python-docx and raw OOXML: laying a finished Draft into Word with real styles,
footnotes, fields and tables; tracked-change redlines; the word count; and the LibreOffice layout pass that
gives the tables their page numbers.
"""
