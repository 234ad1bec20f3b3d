#!/usr/bin/env python3.11
"""Writes tests/syntax/deep/: the huge inputs issue 2 names (a 300,000-term sum,
300,000 unary minus signs, 300,000 attribute lookups; the nesting limits
themselves are in tests/syntax/hand/deep_*), each of which CPython rejects at compile time with MemoryError,
RecursionError or SyntaxError. Deterministic; rerun to regenerate.
"""
import os

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "syntax", "deep")
CASES = {
    "sum_300000_terms.py": "x = " + " + ".join(["1"] * 300000) + "\n",
    "unary_minus_300000.py": "x = " + "-" * 300000 + "1\n",
    "attribute_chain_300000.py": "x = a" + ".b" * 300000 + "\n",
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, text in CASES.items():
        with open(os.path.join(OUT, name), "w") as f:
            f.write(text)
    print(f"wrote {len(CASES)} files to {OUT}")


if __name__ == "__main__":
    main()
