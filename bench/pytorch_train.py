#!/usr/bin/python3
"""PyTorch's side of the training-throughput comparison (`dotnet run --project src/DigitOcr.Training -- bench-train`):
the reference architecture (tests/DigitOcr.Tests/golden/reference_model.py) trained with SGD on batches of one MNIST
training digit pasted on a white canvas, data loading included, on the CPU with a fixed thread count. By default
PyTorch's defaults (NCHW, float32); --channels-last and --bf16 reproduce DigitOcr's memory format and autocast.

    /usr/bin/python3 bench/pytorch_train.py --mnist data/mnist --size 224 --batch 16 --steps 5 --threads 2

Prints one JSON line: {"images_per_second": ..., "seconds_per_step": ..., "steps": ...}.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "DigitOcr.Tests", "golden"))
from reference_model import SSD, match, multibox_loss, priors_for  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--mnist", required=True)
parser.add_argument("--size", type=int, default=224)
parser.add_argument("--batch", type=int, default=16)
parser.add_argument("--steps", type=int, default=5)
parser.add_argument("--warmup", type=int, default=1)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--widths", default="64,128,256,512")
parser.add_argument("--channels-last", action="store_true", help="NHWC activations and weights, as DigitOcr's default")
parser.add_argument("--bf16", action="store_true", help="bfloat16 autocast of the forward pass (loss in float32)")
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(0)
with open(os.path.join(args.mnist, "train-images-idx3-ubyte"), "rb") as f:
    digits = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)
with open(os.path.join(args.mnist, "train-labels-idx1-ubyte"), "rb") as f:
    labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
rng = np.random.default_rng(0)


def batch():
    """One digit per canvas, scaled by an integer factor, at a random place; dark ink on white."""
    images = np.full((args.batch, 1, args.size, args.size), 255, dtype=np.uint8)
    truths, classes = [], []
    for b in range(args.batch):
        i = rng.integers(len(digits))
        scale = int(rng.integers(1, args.size // 28 + 1))
        patch = 255 - np.kron(digits[i], np.ones((scale, scale), dtype=np.uint8))
        side = 28 * scale
        x, y = rng.integers(0, args.size - side + 1, size=2)
        images[b, 0, y:y + side, x:x + side] = patch
        truths.append(torch.tensor([[x, y, x + side, y + side]], dtype=torch.float32) / args.size)
        classes.append(torch.tensor([int(labels[i])]))
    x = (torch.from_numpy(images).float() / 255 - 0.485) / 0.229
    return x, truths, classes


model = SSD([int(w) for w in args.widths.split(",")]).train()
memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
model = model.to(memory_format=memory_format)
optimizer = torch.optim.SGD(model.parameters(), lr=3e-4, momentum=0.9, weight_decay=5e-5)
priors = None


def step():
    global priors
    x, truths, classes = batch()
    x = x.contiguous(memory_format=memory_format)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
        loc, conf, sizes = model(x)
    loc, conf = loc.float(), conf.float()
    if priors is None:
        priors = priors_for(sizes, args.size, args.size)
    targets = [match(t, c, priors) for t, c in zip(truths, classes)]
    loss_l, loss_c, _ = multibox_loss(loc, conf, torch.stack([t[0] for t in targets]), torch.stack([t[1] for t in targets]))
    optimizer.zero_grad()
    (loss_l + loss_c).backward()
    optimizer.step()


for _ in range(args.warmup):
    step()
start = time.perf_counter()
for _ in range(args.steps):
    step()
seconds = time.perf_counter() - start
print(json.dumps({"images_per_second": args.steps * args.batch / seconds, "seconds_per_step": seconds / args.steps, "steps": args.steps}))
