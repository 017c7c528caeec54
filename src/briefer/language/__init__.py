"""Everything per language: the catalogue, detection, sentences, words, stop words, openings.

Nothing here needs NLTK data or a download. Each name is imported from the module that owns
it (``language.catalogue``, ``language.sentences``, ``language.words``...): this package
imports nothing itself, so that a command that only checks its options (``brief -i`` draws
its first frame first) loads the catalogue without the word tables and stemmers.
"""
