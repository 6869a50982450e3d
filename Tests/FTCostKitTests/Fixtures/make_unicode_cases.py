"""Writes tokenizer-unicode-cases.jsonl: one case per Unicode category the split patterns name,
with tiktoken's encode_ordinary ids. Run with the real tiktoken (see make_corpus_digests.py)."""
import json, os, tiktoken

CASES = {
    "Lu run then Ll": "HELLOworld ÀÉÎõü",
    "Lt titlecase digraphs": "ǅemal ǈubav ǋeta Ǆ",
    "Lm modifier letters": "ʰʲʷ ˢtrange ʼapostrophe ー長音",
    "Lo other letters": "日本語のテキスト 中文字符 عربي עברית",
    "Ll only": "straße ĳssel",
    "Mn nonspacing marks": "e\u0301 a\u0300\u0301b \u0301alone x\u20d7",
    "Mc spacing marks": "हिन्दी தமிழ் ক্ষ",
    "Me enclosing marks": "1\u20e3 a\u20dd \u20e0",
    "Nd digits": "12345678 ١٢٣٤٥ ０１２",
    "Nl letter numbers": "Ⅻ ⅷ 〇〡",
    "No other numbers": "½ ² ①②③ 𝟙",
    "White_Space variants": "a\u00a0b\u2028c\u2029d\u3000e\u0085f\u200ag\u1680h\u202fi",
    "tabs and vertical space": "\t\tx\u000b\u000cy",
    "CR LF mixes": "a\r\n\r\n b\r\r\n\n  \n\tc\n",
    "trailing whitespace": "end   ",
    "newline inside trailing whitespace": "x\n  ",
    "mixed trailing whitespace": "y \n \t",
    "newline then spaces then text": "z\n   w",
    "whitespace before newline": "x  \n  y",
    "contractions": "I'm you'RE they'Ve it's IT'S we'll he'D don't 'S 'll",
    "long s contraction": "it'ſ WHAT'ſ",
    "non-ASCII apostrophe": "it’s don’t",
    "punctuation with slash and newlines": "a/b //x \"quoted\"/\n!!!\r\n...",
    "space then punctuation": " ... !? ,",
    "emoji and ZWJ": "👍🏽 👨‍👩‍👧 🇺🇦 ❤️",
    "mixed scripts": "Привіт,World!Україна2024рік",
    "marks after prefix": "!\u0301x \u0301\u0301",
    "special token text": "<|endoftext|> <|fim_prefix|>",
    "math and symbols": "∑x² ≤ ∞ → ⊕ ©®™ $€₴",
    "uppercase cyrillic": "ПРИВІТ Світ ЄЇҐ",
    "numbers and letters": "abc123def4567 1,000,000.50",
    "lone surrogate replacement": "a\ufffdb",
    "private use and unassigned": "\ue000\U000f0000 x",
    "Cyrillic with combining": "й й ї ї",
    "long word": "антиконституційність Donaudampfschifffahrtsgesellschaftskapitän",
}
encodings = [tiktoken.get_encoding("o200k_base"), tiktoken.get_encoding("cl100k_base")]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "tokenizer-unicode-cases.jsonl"), "w", encoding="utf-8") as handle:
    for name, text in CASES.items():
        handle.write(json.dumps({"case": name, "text": text, "o200k_base": encodings[0].encode_ordinary(text),
                                 "cl100k_base": encodings[1].encode_ordinary(text)}, ensure_ascii=False) + "\n")
