#!/usr/bin/python3
"""The all-reduce alone, without training around it: Debian's PyTorch (the same libtorch_cpu and libgloo the shim
binds) sums a float32 tensor the size of the lite detector's gradients (2,343,994 values, one bucket) between two
local processes over gloo, 20 times after 3 warm-up calls, and prints the mean. The trainer's "all-reduce ms/step"
also holds the wait for the slower rank; this is the communication itself. Rerun from the repository root:

    /usr/bin/python3 bench/allreduce_gloo.py [values] [port]
"""
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

VALUES = int(sys.argv[1]) if len(sys.argv) > 1 else 2_343_994
PORT = sys.argv[2] if len(sys.argv) > 2 else "29611"
CALLS = 20


def run(rank):
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=PORT)
    dist.init_process_group("gloo", rank=rank, world_size=2)
    tensor = torch.ones(VALUES)
    for _ in range(3):
        dist.all_reduce(tensor)
    dist.barrier()
    start = time.perf_counter()
    for _ in range(CALLS):
        dist.all_reduce(tensor)
    seconds = (time.perf_counter() - start) / CALLS
    if rank == 0:
        print(f"all-reduce of {VALUES:,} float32 between 2 processes (gloo, loopback): {seconds * 1000:.1f} ms")
    dist.destroy_process_group()


if __name__ == "__main__":
    mp.spawn(run, nprocs=2)
