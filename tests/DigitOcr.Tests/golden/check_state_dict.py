#!/usr/bin/python3
"""The PyTorch side of the state-dict round trip: loads a state dict DigitOcr wrote into TinyNet (strictly),
checks the buffer types, and writes the model's eval output on the probe input for DigitOcr to compare.

    /usr/bin/python3 check_state_dict.py <state.pt written by DigitOcr> <io.pt with "input"> <output.pt to write>
"""
import sys

import torch

from make_golden import TinyNet

state_path, io_path, out_path = sys.argv[1:4]
state = torch.load(state_path)
assert state["features.1.num_batches_tracked"].dtype == torch.int64, state["features.1.num_batches_tracked"].dtype
assert state["features.1.num_batches_tracked"].dim() == 0
net = TinyNet()
net.load_state_dict(state, strict=True)
net.eval()
probe = torch.load(io_path)["input"]
with torch.no_grad():
    torch.save({"output": net(probe), "num_batches_tracked": state["features.1.num_batches_tracked"]}, out_path)
print("ok")
