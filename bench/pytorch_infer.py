#!/usr/bin/python3
"""PyTorch's side of the inference comparison (`digitocr bench --pytorch`): the reference architecture
(tests/DigitOcr.Tests/golden/reference_model.py) with the weights and the preprocessed input that DigitOcr timed, run
as users run PyTorch: float32, NCHW (contiguous), eval mode under torch.inference_mode, a fixed thread count, batch
norm as loaded (DigitOcr folds it into the convolutions; PyTorch's eager mode does not). Times the network alone (no
pre- or post-processing).

    /usr/bin/python3 bench/pytorch_infer.py --file bench-input.pt --widths 64,128,256,512 --threads 2 --runs 20

--file is a torch.save'd dict written by digitocr bench: "input" ([1, 1, H, W] float32) and the model's state dict
under "state.<name>" (float16 weights are converted to float32). Prints one JSON line:
{"median_ms": ..., "mean_ms": ..., "min_ms": ..., "max_ms": ..., "runs": ..., "threads": ..., "torch": "...",
"omp_wait_policy": "...", "cpu_median_ms": ...} (cpu: the process's processor time per run, all threads). PyTorch runs with the environment it is given: OMP_WAIT_POLICY unset (libgomp spins a while
before it sleeps) unless the user set it.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "DigitOcr.Tests", "golden"))
from reference_model import SSD  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--file", required=True)
parser.add_argument("--widths", default="64,128,256,512")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--warmup", type=int, default=3)
args = parser.parse_args()

torch.set_num_threads(args.threads)
saved = torch.load(args.file)
state = {k[len("state."):]: (v.float() if v.is_floating_point() else v) for k, v in saved.items() if k.startswith("state.")}
x = saved["input"].float().contiguous()
model = SSD([int(w) for w in args.widths.split(",")])
model.load_state_dict(state)
model.eval()

times, cpu = [], []
with torch.inference_mode():
    for i in range(args.warmup + args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        model(x)
        if i >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
print(json.dumps({"median_ms": statistics.median(times), "mean_ms": statistics.mean(times), "min_ms": min(times), "max_ms": max(times),
                  "runs": len(times), "threads": torch.get_num_threads(), "torch": torch.__version__,
                  "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "unset"), "cpu_median_ms": statistics.median(cpu)}))
