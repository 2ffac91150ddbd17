#!/usr/bin/python3
"""Writes the golden files the C# op tests compare against (PyTorch's own results).

Run with Debian's PyTorch (python3-torch, installed by scripts/setup.sh) from this folder:
    /usr/bin/python3 make_golden.py
Each file is a torch.save'd dict of small tensors: inputs, outputs and gradients. Seeds are fixed, so rerunning
gives the same files (up to PyTorch version differences).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1234)
torch.set_num_threads(1)
golden = {}


def record(prefix, **tensors):
    for name, value in tensors.items():
        golden[f"{prefix}.{name}"] = value.detach().clone().contiguous()


def grads_of(output, *leaves):
    """Back-propagates a fixed random upstream gradient and returns it with the leaves' gradients."""
    upstream = torch.randn_like(output)
    output.backward(upstream)
    return upstream, [leaf.grad for leaf in leaves]


# conv2d: stride 2, padding 1, bias.
x = torch.randn(2, 3, 9, 7, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.conv2d(x, w, b, stride=2, padding=1)
up, (gx, gw, gb) = grads_of(y, x, w, b)
record("conv2d", input=x, weight=w, bias=b, output=y, grad_output=up, grad_input=gx, grad_weight=gw, grad_bias=gb)

# batch_norm, training: batch statistics, running stats updated with momentum 0.1.
for mode in ("train", "eval"):
    x = torch.randn(3, 4, 5, 5, requires_grad=True) * 2 + 1
    x.retain_grad()
    w = torch.randn(4, requires_grad=True)
    b = torch.randn(4, requires_grad=True)
    rm = torch.randn(4)
    rv = torch.rand(4) + 0.5
    rm0, rv0 = rm.clone(), rv.clone()
    y = F.batch_norm(x, rm, rv, w, b, training=(mode == "train"), momentum=0.1, eps=1e-5)
    up, (gx, gw, gb) = grads_of(y, x, w, b)
    record(f"batch_norm_{mode}", input=x, weight=w, bias=b, running_mean=rm0, running_var=rv0, output=y,
           running_mean_after=rm, running_var_after=rv, grad_output=up, grad_input=gx, grad_weight=gw, grad_bias=gb)

# max_pool2d 3x3 stride 2 padding 1 (ResNet's stem pool).
x = torch.randn(2, 3, 11, 10, requires_grad=True)
y = F.max_pool2d(x, 3, 2, 1)
up, (gx,) = grads_of(y, x)
record("max_pool2d", input=x, output=y, grad_output=up, grad_input=gx)

# bilinear interpolation with align_corners=True (the FPN decoder's upsampling).
x = torch.randn(2, 3, 4, 5, requires_grad=True)
y = F.interpolate(x, size=(7, 9), mode="bilinear", align_corners=True)
up, (gx,) = grads_of(y, x)
record("interpolate", input=x, output=y, grad_output=up, grad_input=gx)

# logsumexp over the class dimension (hard-negative mining's ranking).
x = torch.randn(5, 11, requires_grad=True)
y = torch.logsumexp(x, dim=1)
up, (gx,) = grads_of(y, x)
record("logsumexp", input=x, output=y, grad_output=up, grad_input=gx)

# gather along dim 1 (picking the score of each prior's label).
x = torch.randn(4, 6, requires_grad=True)
index = torch.randint(0, 6, (4, 3))
y = torch.gather(x, 1, index)
up, (gx,) = grads_of(y, x)
record("gather", input=x, index=index, output=y, grad_output=up, grad_input=gx)

# smooth_l1, summed (the localization loss), beta 1.
x = torch.randn(6, 4, requires_grad=True) * 2
x.retain_grad()
t = torch.randn(6, 4)
y = F.smooth_l1_loss(x, t, reduction="sum")
y.backward()
record("smooth_l1", input=x, target=t, output=y, grad_input=x.grad)

# cross_entropy, summed and per element (the confidence loss).
x = torch.randn(7, 11, requires_grad=True)
t = torch.randint(0, 11, (7,))
y = F.cross_entropy(x, t, reduction="sum")
y.backward()
record("cross_entropy", input=x, target=t, output=y, grad_input=x.grad,
       output_none=F.cross_entropy(x.detach(), t, reduction="none"))

# SGD with momentum, dampening 0 and weight decay, three steps of the loss sum(p * g_k) (so grad = g_k),
# then MultiStepLR's schedule over six epochs.
p = torch.randn(3, 4, requires_grad=True)
record("sgd", initial=p)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01)
for k in range(3):
    g = torch.randn(3, 4)
    opt.zero_grad()
    (p * g).sum().backward()
    opt.step()
    record("sgd", **{f"grad{k}": g, f"after{k}": p})
q = torch.randn(3, 4, requires_grad=True)
record("adamw", initial=q)
adam = torch.optim.AdamW([q], lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)
for k in range(3):
    g = torch.randn(3, 4)
    adam.zero_grad()
    (q * g).sum().backward()
    adam.step()
    record("adamw", **{f"grad{k}": g, f"after{k}": q})
sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.1)
lrs = []
for _ in range(6):
    lrs.append(opt.param_groups[0]["lr"])
    opt.step()
    sched.step()
golden["multistep.lrs"] = torch.tensor(lrs, dtype=torch.float64)

torch.save(golden, "ops.pt")


class TinyNet(nn.Module):
    """The state-dict interchange model: the same layers as DigitOcr's test network, same names."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Conv2d(4, 2, 3, bias=False))

    def forward(self, x):
        return self.features(x)


if __name__ == "__main__":
    net = TinyNet()
    net.train()
    for _ in range(3):  # non-trivial running statistics and num_batches_tracked = 3
        net(torch.randn(4, 1, 8, 8))
    net.eval()
    probe = torch.randn(2, 1, 8, 8)
    torch.save(net.state_dict(), "tiny_net_state.pt")
    torch.save({"input": probe, "output": net(probe).detach()}, "tiny_net_io.pt")
    print("wrote ops.pt, tiny_net_state.pt, tiny_net_io.pt with torch", torch.__version__)
