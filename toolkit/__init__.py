"""Discourse-analysis toolkit for Jupyter: quotes, speakers, rhetorical devices,
historical analogies and lexical statistics as tidy pandas tables.

>>> import toolkit as tk
>>> doc = tk.load("Russia urged restraint. \\"It was a mistake,\\" Lavrov said.")
>>> len(tk.sentences(doc))
2
"""

from __future__ import annotations

from .annotations import export_annotations, import_annotations
from .corpus import Corpus, Document, load, load_corpus
from .devices import devices
from .duplicates import duplicates
from .errors import (
    AnnotationFormatError,
    InputError,
    LanguageDataError,
    LexiconError,
    ParameterError,
    SkippedInputWarning,
    ToolkitError,
    ToolkitWarning,
)
from .evaluate.agreement import agreement, score
from .highlight import highlight
from .kwic import kwic
from .lexicons import lexicon
from .pipeline import analyze
from .profile import lexical_profile
from .quotes import quotes, speakers
from .stats import collocations, dispersion, frequencies, keyness, term_positions
from .text import normalize
from .units import paragraphs, sentences, tokens
from .version import __version__

__all__ = [
    "AnnotationFormatError",
    "Corpus",
    "Document",
    "InputError",
    "LanguageDataError",
    "LexiconError",
    "ParameterError",
    "SkippedInputWarning",
    "ToolkitError",
    "ToolkitWarning",
    "__version__",
    "agreement",
    "analyze",
    "collocations",
    "devices",
    "dispersion",
    "duplicates",
    "export_annotations",
    "frequencies",
    "highlight",
    "import_annotations",
    "keyness",
    "kwic",
    "lexical_profile",
    "lexicon",
    "load",
    "load_corpus",
    "normalize",
    "paragraphs",
    "plot",
    "quotes",
    "score",
    "sentences",
    "speakers",
    "term_positions",
    "tokens",
]


def __getattr__(name: str) -> object:
    # tk.plot is imported on first use, so `import toolkit` never imports matplotlib
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
