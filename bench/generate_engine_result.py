#!/usr/bin/env python3
"""Writes a large, realistic EngineResult for benchmarks.

The steps of a real case are repeated until the requested count is reached;
each repetition renames its op ids (r<k>.<op_id>) so they stay unique, and
the aggregates are recomputed from the steps so that the file validates.

    bench/generate_engine_result.py --steps 1000000 -o /tmp/big.json
"""
import argparse
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "examples" / "ds3_c8_tp8_ep8_decode_b64.json"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, required=True, help="number of steps to write")
    parser.add_argument("--source", type=pathlib.Path, default=DEFAULT_SOURCE,
                        help="the EngineResult whose steps are repeated")
    parser.add_argument("-o", "--output", type=pathlib.Path, required=True)
    args = parser.parse_args()

    source = json.loads(args.source.read_text())
    template = source["step_metrics"]
    sums = {"t_compute": 0.0, "t_comm": 0.0, "t_wait": 0.0, "t_total": 0.0, "flops": 0, "bytes": 0}
    tags = {}
    with args.output.open("w") as out:
        head = {k: source[k] for k in ("format", "schema_version", "granularity")}
        out.write(json.dumps(head)[:-1] + ', "step_metrics": [\n')
        for i in range(args.steps):
            step = dict(template[i % len(template)])
            step["op_id"] = f"r{i // len(template)}.{step['op_id']}"
            for key in ("t_compute", "t_comm", "t_wait", "t_total"):
                sums[key] += step.get(key, 0.0)
            sums["flops"] += step.get("flops", 0)
            sums["bytes"] += step.get("bytes_read", 0) + step.get("bytes_write", 0)
            tag = step.get("bottleneck_tag", "UNKNOWN")
            tags[tag] = tags.get(tag, 0) + 1
            out.write(("" if i == 0 else ",\n") + json.dumps(step, separators=(",", ":"), allow_nan=False))
        aggregates = dict(source["aggregates"])
        scale = sums["t_total"] / aggregates["total_time"] if aggregates["total_time"] else 1.0
        aggregates.update({
            "total_time": sums["t_total"],
            "total_compute_time": sums["t_compute"],
            "total_comm_time": sums["t_comm"],
            "total_wait_time": sums["t_wait"],
            "total_flops": sums["flops"],
            "total_bytes": sums["bytes"],
            "num_steps": args.steps,
            "bottleneck_summary": tags,
            "tpot": aggregates["tpot"] * scale,
            "tps": aggregates["tps"] / scale if scale else 0.0,
        })
        out.write("\n],\n")
        rest = {"aggregates": aggregates}
        for key in ("trace_meta", "context", "producer"):
            if key in source:
                rest[key] = source[key]
        out.write(json.dumps(rest, allow_nan=False)[1:] + "\n")


if __name__ == "__main__":
    main()
