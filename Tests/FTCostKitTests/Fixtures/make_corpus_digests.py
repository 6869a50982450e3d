"""Writes corpus-digests.txt: tiktoken's ids for each line of the seeded tokenizer corpus, digested.

Run with the real tiktoken (see ../shared/tokenizers/README.md):
  TIKTOKEN_CACHE_DIR=/tmp/tiktoken-venv/tiktoken-cache /tmp/tiktoken-venv/bin/python \
    Tests/FTCostKitTests/Fixtures/make_corpus_digests.py
`make_corpus_digests.py --line N` prints line N of the corpus (any Python 3, no tiktoken).

The corpus is made here and in Tests/FTCostKitTests/Tokenizer/TokenizerCorpus.swift by the same
recipe, which the two must keep in step: each line splices excerpts of the reference strings in
tokenizer-strings.jsonl with random scalars, runs, whitespace, contractions, digits and
JSON-escaped text, drawn with SplitMix64 seeded per line. For each line the file holds: the line
number, the FNV-1a digest of its UTF-8 bytes (so a recipe drift shows as such), and for
o200k_base and cl100k_base the number of encode_ordinary ids and their 64-bit FNV-1a digest over
little-endian uint32 ids.
"""
import json, os, sys

SEED, LINES = 11, 10_000
MASK = 0xFFFFFFFFFFFFFFFF

POOLS = [
    (0x41, 0x5A), (0x61, 0x7A), (0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E), (0x30, 0x39),
    (0x00, 0x1F), (0x7F, 0x9F), (0xA0, 0xFF), (0x100, 0x17F), (0x300, 0x36F), (0x391, 0x3C9), (0x400, 0x4FF),
    (0x5D0, 0x5EA), (0x620, 0x65F), (0x900, 0x97F), (0xE01, 0xE5B), (0x2000, 0x206F), (0x2100, 0x218F),
    (0x2460, 0x24FF), (0x3041, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xE0FF), (0xFF01, 0xFF5E),
    (0x1F300, 0x1F64F), (0x20000, 0x2A6DF),
]
SPACES = [" ", "  ", "\n", "\r\n", "\t", " \n ", "\n\n", "\r", "\u3000", "\u00a0", "\u2028", "\u0085", " \t\n"]
CONTRACTIONS = ["'s", "'T", "'re", "'VE", "'m", "'ll", "'d", "\u2019s", "'\u017f", "n't", "'LL", "'"]
DIGITS = [(0x30, 0x39), (0x660, 0x669), (0xFF10, 0xFF19), (0x966, 0x96F)]
JSONISH = [
    '{"role": "user", "content": "', '"}, {"role": "assistant", "content": "', "\\n", "\\n\\n",
    "\\u00e9", "\\ud83d\\ude00", '\\"', "\\\\", '"}]}', "https://example.com/help/4666?lang=uk&x=1",
    "C:\\\\Users\\\\me\\\\file.txt", "<|endoftext|>", "```swift\nlet x = 1\n```", "    return x;\n",
]


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def corpus_line(texts, number):
    random = SplitMix64(SEED + number * 0x9E3779B97F4A7C15)
    draw = lambda limit: random.next() % limit
    scalar = lambda lo, hi: chr(lo + draw(hi - lo + 1))
    out = []
    for _ in range(1 + draw(24)):
        kind = draw(16)
        if kind < 7:
            text = texts[draw(len(texts))]
            if not text:
                continue
            start = draw(len(text))
            length = 1 + draw(min(len(text) - start, 300))
            out.append(text[start:start + length])
        elif kind in (7, 8):
            for _ in range(1 + draw(16)):
                out.append(scalar(*POOLS[draw(len(POOLS))]))
        elif kind == 9:
            unit = scalar(*POOLS[draw(len(POOLS))])
            out.append(unit * (2 + draw(150)))
        elif kind == 10:
            unit = SPACES[draw(len(SPACES))]
            out.append(unit * (1 + draw(5)))
        elif kind == 11:
            out.append(CONTRACTIONS[draw(len(CONTRACTIONS))])
        elif kind == 12:
            lo, hi = DIGITS[draw(len(DIGITS))]
            for _ in range(1 + draw(10)):
                out.append(scalar(lo, hi))
        else:
            out.append(JSONISH[draw(len(JSONISH))])
    return "".join(out)


def fnv(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def digest(ids):
    return fnv(b"".join(int(token).to_bytes(4, "little") for token in ids))


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "tokenizer-strings.jsonl"), encoding="utf-8") as handle:
    TEXTS = [json.loads(line)["text"] for line in handle]


def main():
    import tiktoken

    encodings = [tiktoken.get_encoding("o200k_base"), tiktoken.get_encoding("cl100k_base")]
    out = [f"# seed {SEED}, {LINES} lines; line text-digest o200k-count o200k-digest cl100k-count cl100k-digest; "
           f"tiktoken {tiktoken.__version__}"]
    total = 0
    for number in range(1, LINES + 1):
        text = corpus_line(TEXTS, number)
        data = text.encode()
        total += len(data)
        fields = [str(number), format(fnv(data), "016x")]
        for enc in encodings:
            ids = enc.encode_ordinary(text)
            fields += [str(len(ids)), format(digest(ids), "016x")]
        out.append(" ".join(fields))
    with open(os.path.join(here, "corpus-digests.txt"), "w") as handle:
        handle.write("\n".join(out) + "\n")
    print(f"{LINES} lines, {total} bytes")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--line":
        sys.stdout.write(corpus_line(TEXTS, int(sys.argv[2])))
    else:
        main()
