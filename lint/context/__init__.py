"""What an article is about, from the article alone: its country, its likely source language,
the places it names and the words of other languages it carries.

Rules read these through the ``context`` feature (lint/features/context.py); the functions here
are plain and reusable (``document_country`` is what NL502 and story alignment use).
"""
