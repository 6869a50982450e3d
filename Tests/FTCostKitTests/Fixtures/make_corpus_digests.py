"""Writes corpus-10000-digests.txt: tiktoken's ids for a generated 10,000-line corpus, digested.

Run with the real tiktoken (see ../shared/tokenizers/README.md):
  TIKTOKEN_CACHE_DIR=/tmp/tiktoken-venv/tiktoken-cache /tmp/tiktoken-venv/bin/python \
    Tests/FTCostKitTests/Fixtures/make_corpus_digests.py ../shared/tools/gen_corpus.py

For each line: the ids of the raw line, then of each message's content, separated by
0xFFFFFFFF, hashed with 64-bit FNV-1a over little-endian uint32 ids; plus the id count.
"""
import json, os, subprocess, sys, tempfile
import tiktoken

SEED, EXAMPLES = "11", "10000"

def digest(seq):
    h = 0xcbf29ce484222325
    for token in seq:
        for byte in int(token).to_bytes(4, "little"):
            h ^= byte
            h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

def ids(enc, line):
    seq = list(enc.encode_ordinary(line))
    for message in json.loads(line)["messages"]:
        seq.append(0xFFFFFFFF)
        seq.extend(enc.encode_ordinary(message.get("content") or ""))
    return seq

generator = sys.argv[1]
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "corpus.jsonl")
    subprocess.run([sys.executable, generator, "--examples", EXAMPLES, "--seed", SEED, "--variant", "production",
                    "--defect-rate", "0", "-o", path], check=True, capture_output=True)
    encodings = [tiktoken.get_encoding("o200k_base"), tiktoken.get_encoding("cl100k_base")]
    out = [f"# gen_corpus.py --examples {EXAMPLES} --seed {SEED} --variant production --defect-rate 0; tiktoken {tiktoken.__version__}"]
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            fields = [str(number)]
            for enc in encodings:
                seq = ids(enc, line)
                fields += [str(len(seq)), format(digest(seq), "016x")]
            out.append(" ".join(fields))
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "corpus-10000-digests.txt"), "w") as handle:
    handle.write("\n".join(out) + "\n")
