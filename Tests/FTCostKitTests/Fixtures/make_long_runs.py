"""Writes tokenizer-long-runs.jsonl: tiktoken's token counts and id digests for long unbroken runs.

Run with the real tiktoken (see ../shared/tokenizers/README.md):
  TIKTOKEN_CACHE_DIR=/tmp/tiktoken-venv/tiktoken-cache /tmp/tiktoken-venv/bin/python \
    Tests/FTCostKitTests/Fixtures/make_long_runs.py
`make_long_runs.py --text CASE` writes one case's text to stdout (any Python 3, no tiktoken);
Benchmarks/tokens-long-runs.sh uses it.

Each case is a text too large to store, so it is described: `unit` repeated `count` times, or
`count` characters drawn from `alphabet` with SplitMix64 seeded by `seed` (index = next() % size,
the same generator as the Swift tests' SeededText). For each encoding: the number of ids of
encode_ordinary and their 64-bit FNV-1a digest over little-endian uint32 ids.

One case cannot be run through encode_ordinary: on 1 MiB of spaces tiktoken's regex engine
(fancy-regex) overflows its backtracking stack with o200k_base. There the whole text is one match
of `\\s+(?!\\S)` (as it is for 800,000 spaces, checked below), so its ids are tiktoken's
byte-pair encoding of the whole text (`_encode_single_piece`), and the case says so in `note`.
"""
import json, os, sys

MASK = 0xFFFFFFFFFFFFFFFF
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
BASE64 = LETTERS + "0123456789+/"
CYRILLIC = "абвгдеєжзиіїйклмнопрстуфхцчшщьюя"

CASES = [
    # The three inputs the issue times, and its 300,000 × "a".
    {"case": "1 MiB of one CJK character", "unit": "中", "count": 349_525},
    {"case": "1 MiB of random ASCII letters", "alphabet": LETTERS, "count": 1 << 20, "seed": 1},
    {"case": "1 MiB of spaces", "unit": " ", "count": 1 << 20},
    {"case": "300,000 a", "unit": "a", "count": 300_000},
    # Other single pieces: every split rule that can run unbroken.
    {"case": "uppercase run", "unit": "A", "count": 262_144},
    {"case": "random lowercase", "alphabet": LETTERS[:26], "count": 262_144, "seed": 4},
    {"case": "random a and b", "alphabet": "ab", "count": 200_000, "seed": 2},
    {"case": "random Cyrillic", "alphabet": CYRILLIC, "count": 200_000, "seed": 6},
    {"case": "base64 blob", "alphabet": BASE64, "count": 262_144, "seed": 3},
    {"case": "newlines", "unit": "\n", "count": 262_144},
    {"case": "CRLF pairs", "unit": "\r\n", "count": 100_000},
    {"case": "exclamation marks", "unit": "!", "count": 262_144},
    {"case": "emoji", "unit": "👍", "count": 65_536},
    {"case": "tabs and spaces", "alphabet": "\t ", "count": 100_000, "seed": 5},
    {"case": "dots then a word", "unit": ".", "count": 100_000, "suffix": "word"},
]


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def text_of(case):
    if "unit" in case:
        text = case["unit"] * case["count"]
    else:
        alphabet = case["alphabet"]
        numbers = splitmix64(case["seed"])
        text = "".join(alphabet[next(numbers) % len(alphabet)] for _ in range(case["count"]))
    return text + case.get("suffix", "")


def digest(ids):
    h = 0xCBF29CE484222325
    for token in ids:
        for byte in int(token).to_bytes(4, "little"):
            h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def encode(enc, text):
    try:
        return list(enc.encode_ordinary(text)), None
    except BaseException:  # pyo3's PanicException derives from BaseException
        if text.strip(" "):
            raise
        # All spaces: one piece, as a shorter run shows.
        probe = " " * 800_000
        assert enc.encode_ordinary(probe) == enc._encode_single_piece(probe.encode()), enc.name
        note = f"{enc.name}: tiktoken's regex overflows here; ids are _encode_single_piece of the whole text"
        return list(enc._encode_single_piece(text.encode())), note


def main():
    import tiktoken

    encodings = [tiktoken.get_encoding("o200k_base"), tiktoken.get_encoding("cl100k_base")]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "tokenizer-long-runs.jsonl"), "w", encoding="utf-8") as handle:
        for case in CASES:
            text = text_of(case)
            row = dict(case)
            row["bytes"] = len(text.encode())
            notes = []
            for enc in encodings:
                ids, note = encode(enc, text)
                row[enc.name] = {"count": len(ids), "digest": format(digest(ids), "016x")}
                if note:
                    notes.append(note)
            if notes:
                row["note"] = "; ".join(notes)
            row["tiktoken"] = tiktoken.__version__
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(row["case"], row["o200k_base"], row["cl100k_base"], flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--text":
        case = next(c for c in CASES if c["case"] == sys.argv[2])
        sys.stdout.buffer.write(text_of(case).encode())
    else:
        main()
