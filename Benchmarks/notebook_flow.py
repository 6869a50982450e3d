"""OpenAI's fine-tuning data-prep notebook flow, as the baseline ftcost is measured against:
load the JSONL, run the format checks, count chat tokens and assistant tokens per example with
tiktoken, and print the totals (so they can be compared with ftcost's)."""
import json, sys, time
from collections import defaultdict
import tiktoken

path, encoding_name = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "o200k_base")
encoding = tiktoken.get_encoding(encoding_name)
start = time.time()
with open(path, "r", encoding="utf-8") as f:
    dataset = [json.loads(line) for line in f]

format_errors = defaultdict(int)
for ex in dataset:
    if not isinstance(ex, dict):
        format_errors["data_type"] += 1; continue
    messages = ex.get("messages", None)
    if not messages:
        format_errors["missing_messages_list"] += 1; continue
    for message in messages:
        if "role" not in message or "content" not in message:
            format_errors["message_missing_key"] += 1
        if any(k not in ("role", "content", "name", "function_call", "weight") for k in message):
            format_errors["message_unrecognized_key"] += 1
        if message.get("role", None) not in ("system", "user", "assistant", "function"):
            format_errors["unrecognized_role"] += 1
        content = message.get("content", None)
        function_call = message.get("function_call", None)
        if (not content and not function_call) or not isinstance(content, str):
            format_errors["missing_content"] += 1
    if not any(message.get("role", None) == "assistant" for message in messages):
        format_errors["example_missing_assistant_message"] += 1

def num_tokens_from_messages(messages, tokens_per_message=3, tokens_per_name=1):
    num_tokens = 0
    for message in messages:
        num_tokens += tokens_per_message
        for key, value in message.items():
            if isinstance(value, str):  # production logs carry non-string metadata too
                num_tokens += len(encoding.encode(value))
            if key == "name":
                num_tokens += tokens_per_name
    num_tokens += 3
    return num_tokens

def num_assistant_tokens_from_messages(messages):
    return sum(len(encoding.encode(m["content"])) for m in messages if m["role"] == "assistant")

convo_lens, assistant_lens = [], []
for ex in dataset:
    convo_lens.append(num_tokens_from_messages(ex["messages"]))
    assistant_lens.append(num_assistant_tokens_from_messages(ex["messages"]))
elapsed = time.time() - start
print(json.dumps({"examples": len(dataset), "chat_tokens": sum(convo_lens), "assistant_tokens": sum(assistant_lens),
                  "errors": dict(format_errors), "seconds": round(elapsed, 2)}))
