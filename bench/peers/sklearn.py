"""Word frequencies with scikit-learn's CountVectorizer, default settings
(lower-casing, token pattern (?u)\b\w\w+\b, so one-character words are left
out), on the whole file as one document.

Usage: python3 sklearn.py FILE
Prints: distinct N tokens M
"""
import os
import sys

# Python puts this script's folder first on the path, where this file would
# shadow the sklearn package it imports.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: python3 sklearn.py FILE\n")
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write(f"sklearn.py: {argv[1]}: {e}\n")
        return 1
    vectorizer = CountVectorizer()
    matrix = vectorizer.fit_transform([text])
    print(f"distinct {len(vectorizer.vocabulary_)} tokens {int(matrix.sum())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
