"""The project's one folded form of text, for code above the extraction package.

Extraction is the lowest layer and owns `fold`; the apps import it from here so that no app
reaches into the pipeline's modules for it.
"""

from events.extraction.folding import fold, fold_with_offsets

__all__ = ["fold", "fold_with_offsets"]
