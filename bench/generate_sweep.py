#!/usr/bin/env python3
"""Writes a sweep: many EngineResults of one model, varied in parallelism,
batch and sequence lengths, derived from one real case.

Each configuration (tp, pp, dp, batch, input and output length; ep = tp*dp
for a mixture-of-experts model) rescales the case's steps with a simple
model: a compute step's time splits into a weight-streaming part that
shrinks with tp and a per-token part that also grows with the local batch
(batch/dp) and, for attention steps, with the context length; a collective
runs over the stage's tp chips and grows with the local batch by the ring
factor (n-1)/n; with tp = 1 the collectives vanish. With pp > 1 each step
gets its pipeline stage (meta.pp_stage) and a p2p send joins consecutive
stages. The aggregates are recomputed from the steps the way the case's
producer relates them (tpot = total_time/batch, tps = batch/total_time,
MFU and MBU against the chip's peaks), so every file passes SPEC 1.8.

    bench/generate_sweep.py --count 1000 -o /tmp/sweep
    bench/generate_sweep.py --count 12 --lean -o examples/sweep

Files go to OUT/tp<tp>/<model>_c<chips>_tp.._pp.._dp.._ep.._b.._in.._out...json;
the configurations are a fixed shuffle (--seed) of the grid, so any count
gives a varied sweep and the same count gives the same files.
"""
import argparse
import itertools
import json
import math
import pathlib
import random
import re

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_CASE = HERE.parent / "tests" / "fixtures" / "cases" / "ds3_c8_tp8_ep8_decode_b64" / "input.json"

TP = [1, 2, 4, 8, 16]
PP = [1, 2, 4]
DP = [1, 2, 4, 8]
BATCH = [8, 16, 32, 64, 128, 256]
LENGTHS = [(1024, 256), (2048, 512), (4096, 1024), (8192, 1024)]

# The meta keys perfreport reads or echoes (SPEC 1.3); --lean drops the rest.
READ_META = {"evaluator", "comm_type", "path_key", "chip_ids", "comm_bytes", "reason", "participants", "tp", "ep",
             "moe_tp", "bs", "comm_protocol", "local_weight_bytes", "pp_stage"}
LAYER = re.compile(r"layers\.(\d+)\.")
MIB = 1 << 20
OPTIONAL_ZERO = {"t_compute", "t_comm", "t_wait", "flops", "bytes_read", "bytes_write"}


def ring(n):
    return (n - 1) / n if n > 1 else 0.0


def stage_of(op_id, layers, pp):
    match = LAYER.search(op_id)
    if match:
        return min(int(match.group(1)) // max(1, layers // pp), pp - 1)
    return pp - 1 if "lm_head" in op_id or "lmhead" in op_id else 0


def scaled_int(value, factor):
    """A meta byte count (an int or U's numeric string) times factor, same type."""
    if value is None:
        return None
    scaled = round(int(value) * factor)
    return str(scaled) if isinstance(value, str) else scaled


class Rescaler:
    """The case's steps turned into one configuration's steps."""

    def __init__(self, case, config, lean):
        context = case["context"]
        base = context["deployment"]
        self.config = config
        self.lean = lean
        self.layers = context["model"]["num_layers"]
        self.hidden = context["model"]["hidden_size"]
        self.r_tp = base["tp"] / config["tp"]
        self.r_batch = (config["batch"] / config["dp"]) / (base["batch_size"] / base.get("dp", 1))
        self.r_context = config["input_len"] / base.get("kv_seq_len", base["input_seq_length"])
        self.ring_ratio = ring(config["tp"]) / ring(base["tp"]) if base["tp"] > 1 else 1.0
        links = context["topology"]["interconnect"]["links"]
        self.c2c_gbps = links["c2c"]["bandwidth_gbps"]
        self.c2c_latency_us = links["c2c"].get("latency_us", 0.0)

    def compute_step(self, step):
        attention = any(key in step["op_id"].lower() for key in ("attn", "attention", "mla", "kv"))
        per_token = self.r_batch * (self.r_context if attention else 1.0)
        weight_share = 0.6 if step.get("bottleneck_tag") == "BW_BOUND" else 0.2
        time_scale = self.r_tp * (weight_share + (1 - weight_share) * per_token)
        step["t_compute"] = step.get("t_compute", 0.0) * time_scale
        step["flops"] = round(step.get("flops", 0) * self.r_tp * per_token)
        step["bytes_read"] = round(step.get("bytes_read", 0) * time_scale)
        step["bytes_write"] = round(step.get("bytes_write", 0) * time_scale)
        meta = step["meta"]
        if "local_weight_bytes" in meta:
            meta["local_weight_bytes"] = scaled_int(meta["local_weight_bytes"], self.r_tp)
        for key in ("t_compute_ms", "t_memory_ms"):
            if isinstance(meta.get(key), (int, float)):
                meta[key] *= time_scale
        return step

    def comm_step(self, step, stage):
        tp = self.config["tp"]
        meta = step["meta"]
        message = round(meta.get("comm_bytes", step.get("bytes_read", 0)) * self.r_batch)
        bandwidth_part = self.r_batch * self.ring_ratio
        latency_bound = step.get("bottleneck_tag") == "LATENCY_BOUND"
        step["t_comm"] = step.get("t_comm", 0.0) * ((0.5 + 0.5 * bandwidth_part) if latency_bound else bandwidth_part)
        step["bytes_read"] = step["bytes_write"] = message
        step["bottleneck_tag"] = "LATENCY_BOUND" if message < MIB else "BW_BOUND"
        meta.update({"comm_bytes": message, "chip_ids": [stage * tp + r for r in range(tp)], "participants": tp,
                     "tp": tp, "ep": self.config["ep"], "bs": self.config["batch"] // self.config["dp"],
                     "path_key": "c2c" if tp <= 8 else "b2b"})
        return step

    def p2p_step(self, stage, act_bytes):
        tp = self.config["tp"]
        message = (self.config["batch"] // self.config["dp"]) * self.hidden * act_bytes
        t_comm = self.c2c_latency_us / 1000 + message / (self.c2c_gbps * 1e9) * 1000
        return {"op_id": f"pp_send.stage{stage}_to_stage{stage + 1}", "t_compute": 0.0, "t_comm": t_comm,
                "t_wait": 0.0, "bottleneck_tag": "LATENCY_BOUND" if message < MIB else "BW_BOUND", "flops": 0,
                "bytes_read": message, "bytes_write": message,
                "meta": {"evaluator": "comm", "comm_type": "p2p", "path_key": "c2c",
                         "chip_ids": [stage * tp, (stage + 1) * tp], "comm_bytes": message, "participants": 2,
                         "reason": "pp_stage_send", "pp_stage": stage}}

    def steps(self, case_steps, act_bytes):
        pp = self.config["pp"]
        out = []
        previous_stage = 0
        for source in case_steps:
            step = json.loads(json.dumps(source))
            is_comm = step.get("meta", {}).get("evaluator") == "comm"
            if is_comm and self.config["tp"] == 1 and step["meta"].get("comm_type") != "p2p":
                continue  # no collective within a single chip
            stage = stage_of(step["op_id"], self.layers, pp)
            if stage > previous_stage:
                out.append(self.p2p_step(previous_stage, act_bytes))
            previous_stage = max(previous_stage, stage)
            step.setdefault("meta", {})
            step = self.comm_step(step, stage) if is_comm else self.compute_step(step)
            if pp > 1:
                step["meta"]["pp_stage"] = stage
            out.append(step)
        for step in out:
            if self.lean:
                step["meta"] = {k: v for k, v in step["meta"].items() if k in READ_META}
                for key in ("t_compute", "t_comm", "t_wait"):
                    if key in step:
                        step[key] = float(f"{step[key]:.7g}")
            step["t_total"] = step.get("t_compute", 0.0) + step.get("t_comm", 0.0) + step.get("t_wait", 0.0)
        return out

    @staticmethod
    def lean_step(step):
        """The step without what SPEC 1.2 defaults anyway: zero times, counts and t_total."""
        return {k: v for k, v in step.items() if k != "t_total" and not (k in OPTIONAL_ZERO and v == 0)}


def aggregates_of(steps, case, config):
    hardware = case["context"]["hardware"]
    total = sum(s["t_total"] for s in steps)
    flops = sum(s["flops"] for s in steps)
    traffic = sum(s["bytes_read"] + s["bytes_write"] for s in steps)
    weights = sum(int(s["meta"]["local_weight_bytes"]) for s in steps if s["meta"].get("local_weight_bytes"))
    tags = {}
    for s in steps:
        tags[s["bottleneck_tag"]] = tags.get(s["bottleneck_tag"], 0) + 1
    seconds = total / 1000
    prefill = case["context"]["deployment"].get("is_prefill", False)
    batch = config["batch"]
    return {
        "ttft": total if prefill else 0.0,
        "tpot": 0.0 if prefill else total / batch,
        "tps": 0.0 if prefill else batch / seconds,
        "mfu": flops / seconds / (hardware["compute_tflops"] * 1e12),
        "mbu": traffic / seconds / (hardware["memory_bandwidth_gbps"] * 1e9),
        "memory_peak": weights or traffic,
        "total_time": total,
        "total_compute_time": sum(s.get("t_compute", 0.0) for s in steps),
        "total_comm_time": sum(s.get("t_comm", 0.0) for s in steps),
        "total_wait_time": sum(s.get("t_wait", 0.0) for s in steps),
        "total_flops": flops,
        "total_bytes": traffic,
        "num_steps": len(steps),
        "bottleneck_summary": tags,
    }


def context_of(case, config):
    context = json.loads(json.dumps(case["context"]))
    chips = config["tp"] * config["pp"] * config["dp"]
    context["hardware"]["chip_count"] = chips
    deployment = context["deployment"]
    deployment.update({"tp": config["tp"], "pp": config["pp"], "dp": config["dp"], "ep": config["ep"],
                       "batch_size": config["batch"], "input_seq_length": config["input_len"],
                       "output_seq_length": config["output_len"], "kv_seq_len": config["input_len"],
                       "embed_tp": config["tp"], "lmhead_tp": config["tp"]})
    board = context["topology"]["pods"][0]["racks"][0]["boards"][0]
    board["count"] = math.ceil(chips / 8)
    board["chips"][0]["count"] = min(8, chips)
    run_config = context.get("run_config")
    if run_config:
        run_config["model"].update({"batch": config["batch"], "kv_seq_len": config["input_len"]})
        run_config["deployment"].update({"tp": config["tp"], "dp": config["dp"], "ep": config["ep"],
                                         "batch_size": config["batch"]})
        run_config["board"]["num_chips"] = chips
    return context


def configurations(case, seed):
    moe = case["context"]["model"].get("num_moe_layers", 0) > 0
    grid = []
    for tp, pp, dp, batch, (input_len, output_len) in itertools.product(TP, PP, DP, BATCH, LENGTHS):
        if batch % dp:
            continue
        grid.append({"tp": tp, "pp": pp, "dp": dp, "ep": tp * dp if moe else 1, "batch": batch,
                     "input_len": input_len, "output_len": output_len})
    random.Random(seed).shuffle(grid)
    return grid


def file_name(model, config):
    chips = config["tp"] * config["pp"] * config["dp"]
    return (f"tp{config['tp']}/{model}_c{chips}_tp{config['tp']}_pp{config['pp']}_dp{config['dp']}"
            f"_ep{config['ep']}_b{config['batch']}_in{config['input_len']}_out{config['output_len']}.json")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of inputs to write")
    parser.add_argument("--case", type=pathlib.Path, default=DEFAULT_CASE, help="the EngineResult to vary")
    parser.add_argument("--seed", type=int, default=1, help="shuffle of the configuration grid")
    parser.add_argument("--lean", action="store_true",
                        help="smaller files: only the meta keys perfreport reads, step times to 7 digits, "
                             "no field that SPEC 1.2 defaults (zeros, t_total)")
    parser.add_argument("-o", "--output", type=pathlib.Path, required=True)
    args = parser.parse_args()

    case = json.loads(args.case.read_text())
    grid = configurations(case, args.seed)
    if args.count > len(grid):
        parser.error(f"the grid has {len(grid)} configurations; --count {args.count} is more")
    model = re.sub(r"[^a-z0-9]+", "-", case["context"]["model"]["name"].lower()).strip("-")
    act_bytes = {"fp32": 4, "fp16": 2, "bf16": 2, "fp8": 1, "int8": 1}.get(
        case["context"]["model"].get("activation_dtype", "bf16").lower(), 2)
    for config in grid[:args.count]:
        steps = Rescaler(case, config, args.lean).steps(case["step_metrics"], act_bytes)
        document = {key: case[key] for key in ("format", "schema_version", "granularity")}
        document["step_metrics"] = [Rescaler.lean_step(s) for s in steps] if args.lean else steps
        document["aggregates"] = aggregates_of(steps, case, config)
        document["trace_meta"] = dict(case.get("trace_meta", {}), num_ops=len(steps))
        document["context"] = context_of(case, config)
        document["producer"] = "bench/generate_sweep.py from " + case.get("producer", args.case.name)
        target = args.output / file_name(model, config)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {args.count} inputs to {args.output}")


if __name__ == "__main__":
    main()
