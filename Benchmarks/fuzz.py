#!/usr/bin/env python3
"""Fuzz the built ftcost binary: thousands of seeded inputs of every kind, each run as a real process
with a time limit. Reports runs, crashes (a signal, or an exit code other than 0, 1 and 64), hangs
(over --timeout seconds) and invalid JSON, and keeps each failing input under --keep.

    python3 Benchmarks/fuzz.py --binary .build/release/ftcost --runs 5000 --seed 1
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NASTY = [0, -1, 1, 0.5, 1e-30, 1e300, 9223372036854775807, 9223372036854775808, -9223372036854775808, "NaN",
         "", " ", "auto", "x", "\x1b[31m", "=1+1", "2027-02-30", "2026-12-01", None, True, [], {}, "1e999",
         "100000000000000000000000000000000000000000", 1.5, 12, 600, 601]
MODELS = ["gpt-4o-mini", "gpt-5", "gemini-3.8-flash", "o4-mini", "gpt-4.1-nano", "azure-gpt-4o-mini", "nope"]


def mutate_tree(node, rng):
    """Replace one random leaf (or container) of a JSON tree with a nasty value."""
    if isinstance(node, dict) and node and rng.random() < 0.85:
        key = rng.choice(list(node))
        node = dict(node)
        if rng.random() < 0.1:
            del node[key]
        else:
            node[key] = mutate_tree(node[key], rng)
        return node
    if isinstance(node, list) and node and rng.random() < 0.85:
        node = list(node)
        i = rng.randrange(len(node))
        node[i] = mutate_tree(node[i], rng)
        return node
    return rng.choice(NASTY)


def mutate_bytes(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.random()
        if op < 0.4:
            data[i] = rng.randrange(256)
        elif op < 0.7:
            del data[i]
        else:
            data.insert(i, rng.randrange(256))
    return bytes(data)


def jsonl_dataset(rng):
    lines = []
    for _ in range(rng.randint(0, 40)):
        kind = rng.random()
        if kind < 0.5:
            messages = [{"role": rng.choice(["system", "user", "assistant", "tool", "robot"]),
                         "content": rng.choice(["hi", "a" * rng.randint(0, 5000), "日本" * rng.randint(0, 500), None, 5])}
                        for _ in range(rng.randint(0, 4))]
            lines.append(json.dumps({"messages": messages}))
        elif kind < 0.8:
            lines.append(json.dumps(mutate_tree({"messages": [{"role": "user", "content": "q"},
                                                             {"role": "assistant", "content": "a"}]}, rng)))
        else:
            lines.append(mutate_bytes(b'{"messages": [{"role": "user", "content": "x"}]}', rng).decode("latin-1"))
    return ("\n" if rng.random() < 0.8 else "\r").join(lines).encode("utf-8", "surrogatepass")


def case(rng, workdir):
    """One command line (and the files it reads) of a random kind."""
    examples = sorted(os.listdir(os.path.join(ROOT, "examples")))
    kind = rng.choice(["scenario", "scenario", "args", "dataset", "overlay", "tokens"])
    if kind == "scenario":
        text = open(os.path.join(ROOT, "examples", rng.choice(examples))).read()
        tree = json.loads(text)
        for _ in range(rng.randint(1, 4)):
            tree = mutate_tree(tree, rng)
        data = json.dumps(tree).encode() if rng.random() < 0.8 else mutate_bytes(text.encode(), rng)
        path = os.path.join(workdir, "s.json")
        open(path, "wb").write(data)
        command = rng.choice(["compare", "roi", "breakeven"])
        extra = ["--steps", "3"] if command == "breakeven" else []
        return [command, "--scenario", path, "--format", rng.choice(["table", "json", "csv", "markdown"])] + extra, None
    if kind == "args":
        command = rng.choice([["cost", "--model", rng.choice(MODELS), "--input-tokens", str(rng.choice(NASTY)),
                               "--output-tokens", str(rng.choice(NASTY))],
                              ["train", "--model", rng.choice(MODELS), "--examples", str(rng.choice(NASTY)),
                               "--tokens-per-example", str(rng.choice(NASTY)), "--epochs", str(rng.choice(NASTY))],
                              ["compare", "--set", f"workload.requests_per_month={rng.choice(NASTY)}",
                               "--set", f"horizon_months={rng.choice(NASTY)}"],
                              ["pricing", "show", str(rng.choice(NASTY + MODELS))],
                              [str(rng.choice(NASTY)), "--help"]])
        return command, None
    if kind == "dataset":
        path = os.path.join(workdir, "d.jsonl")
        open(path, "wb").write(jsonl_dataset(rng))
        return ["dataset", "inspect", path, "--model", rng.choice(MODELS[:3]), "--format",
                rng.choice(["table", "json"])], None
    if kind == "overlay":
        folder = os.path.join(workdir, "overlay")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        table = json.load(open(os.path.join(ROOT, "pricing", "openai.json")))
        table["models"] = table["models"][:4]
        for _ in range(rng.randint(1, 4)):
            table = mutate_tree(table, rng)
        open(os.path.join(folder, "t.json"), "w").write(json.dumps(table))
        return ["compare", "--pricing", folder, "--format", "json"], None
    text = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x3000, 0x9fff), rng.randrange(0, 32)]))
                   for _ in range(rng.randint(0, 3000)))
    return ["tokens", "--encoding", rng.choice(["o200k_base", "cl100k_base"]), "-"], text.encode("utf-8", "ignore")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/ftcost"))
    parser.add_argument("--runs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--keep", default="/tmp/ftcost-fuzz-failures")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="ftcost-fuzz-")
    env = dict(os.environ, FTCOST_TODAY="2026-11-26")
    env.pop("FTCOST_PRICING", None)
    counts = {"runs": 0, "crashes": 0, "hangs": 0, "invalid_json": 0, "ok": 0, "errors": 0}
    slowest = 0.0
    started = time.time()
    for number in range(args.runs):
        command, stdin = case(rng, workdir)
        began = time.time()
        failure = None
        try:
            done = subprocess.run([args.binary] + command, input=stdin or b"", capture_output=True,
                                  timeout=args.timeout, env=env, cwd=workdir)
            code = done.returncode
            if code < 0 or code not in (0, 1, 64):
                counts["crashes"] += 1
                failure = f"exit {code}"
            elif code == 0:
                counts["ok"] += 1
                if "--format" in command and command[command.index("--format") + 1] == "json" or command[0] == "pricing" and "json" in command:
                    try:
                        json.loads(done.stdout)
                    except ValueError:
                        counts["invalid_json"] += 1
                        failure = "invalid JSON"
            else:
                counts["errors"] += 1
        except subprocess.TimeoutExpired:
            counts["hangs"] += 1
            failure = f"no answer in {args.timeout} s"
        slowest = max(slowest, time.time() - began)
        counts["runs"] += 1
        if failure:
            keep = os.path.join(args.keep, f"case-{number}")
            shutil.copytree(workdir, keep, dirs_exist_ok=True)
            open(os.path.join(keep, "command.txt"), "w").write(" ".join(command) + f"\n{failure}\n")
            print(f"FAIL {number}: {failure}: ftcost {' '.join(command)} (kept in {keep})", file=sys.stderr)
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"runs {counts['runs']}  ok {counts['ok']}  errors {counts['errors']}  crashes {counts['crashes']}  "
          f"hangs {counts['hangs']}  invalid JSON {counts['invalid_json']}  slowest {slowest:.2f} s  "
          f"total {time.time() - started:.0f} s")
    return 1 if counts["crashes"] or counts["hangs"] or counts["invalid_json"] else 0


if __name__ == "__main__":
    sys.exit(main())
