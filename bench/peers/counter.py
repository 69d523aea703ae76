"""Word frequencies the plain-Python way: re.findall(r"\w+") on the lower-cased
text, counted with collections.Counter.

Usage: python3 counter.py FILE
Prints: distinct N tokens M
"""
import collections
import re
import sys


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: python3 counter.py FILE\n")
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write(f"counter.py: {argv[1]}: {e}\n")
        return 1
    counts = collections.Counter(re.findall(r"\w+", text.lower()))
    print(f"distinct {len(counts)} tokens {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
