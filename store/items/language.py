"""Language detection with py3langid, limited to the languages the staff meet."""

from __future__ import annotations

import threading

LANGUAGES = ("nl", "en", "de", "fr", "pl", "ro", "bg", "hu", "lt", "lv", "uk", "es", "pt", "it", "cs", "sk")
_identifier = None
_lock = threading.Lock()


def detect_language(text: str, default: str = "nl") -> str:
    """Return an ISO 639-1 code for the text; `default` for text too short to tell."""
    sample = " ".join(text[:1200].split())[:600]
    if len(sample) < 12:
        return default
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(LANGUAGES))
            _identifier = identifier
        lang, prob = _identifier.classify(sample)
    return lang if prob >= 0.5 else default
