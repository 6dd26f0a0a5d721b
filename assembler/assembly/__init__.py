"""From a lawyer's answers to a :class:`~assembler.assembly.assemble.Draft`: validating answers, the
interview that collects them, choosing clause versions for the template and court, filling their text, and the
manifest that records exactly what went into the paper. Plain data only; nothing here writes Word.
"""
