#!/usr/bin/python3
"""Golden files for the SSD port: a PyTorch model written from ../shared REFERENCE.md (ResNet18 + FPN decoder +
SSD head), small enough to keep the files small (stage widths 8-64, 64x64 input), with priors, matching, the
multibox loss and detection post-processing as REFERENCE.md describes them.

    /usr/bin/python3 make_ssd_golden.py      (from this folder; Debian's python3-torch)

Writes ssd_state.pt (the model's state dict, reference names) and ssd_io.pt (inputs, outputs, targets, losses,
gradients, detections). With --full STATE IO it writes the full-size reference model instead (used by a test).
"""
import sys

import torch
import torch.nn.functional as F

from reference_model import CLASSES, SSD, detect, match, multibox_loss, priors_for

WIDTHS = [8, 16, 32, 64]
SIZE = 64

if len(sys.argv) == 4 and sys.argv[1] == "--full":
    # The full reference architecture (12,149,296 parameters), written at test time rather than committed (48 MB):
    #   make_ssd_golden.py --full STATE.pt IO.pt
    torch.manual_seed(77)
    full = SSD([64, 128, 256, 512]).eval()
    probe = torch.randn(1, 1, 96, 128)
    with torch.no_grad():
        full_loc, full_conf, _ = full(probe)
    torch.save(full.state_dict(), sys.argv[2])
    torch.save({"input": probe, "loc": full_loc, "conf": full_conf}, sys.argv[3])
    print("parameters:", sum(p.numel() for p in full.parameters()))
    sys.exit(0)

torch.manual_seed(2024)
torch.set_num_threads(1)
model = SSD(WIDTHS)
torch.save(model.state_dict(), "ssd_state.pt")

x = torch.randn(2, 1, SIZE, SIZE)
model.train()
loc, conf, sizes = model(x)
priors = priors_for(sizes, SIZE, SIZE)
truths = [torch.tensor([[4.0, 6.0, 20.0, 30.0], [22.0, 8.0, 40.0, 34.0], [30.0, 30.0, 60.0, 62.0]]) / SIZE, torch.zeros(0, 4)]
labels = [torch.tensor([3, 7, 0]), torch.zeros(0, dtype=torch.long)]
targets = [match(t, l, priors) for t, l in zip(truths, labels)]
loc_t = torch.stack([t[0] for t in targets])
conf_t = torch.stack([t[1] for t in targets])
loss_l, loss_c, negatives = multibox_loss(loc, conf, loc_t, conf_t)
(loss_l + loss_c).backward()
g_loss_l, g_loss_c, g_negatives = multibox_loss(loc.detach(), conf.detach(), loc_t, conf_t, per_image=False)
params = dict(model.named_parameters())
selected = ["backbone.conv1.weight", "backbone.layer2.0.downsample.0.weight", "decoder.center.0.conv2.weight",
            "decoder.blocks.0.block1.downsample.weight", "decoder.blocks.2.block2.bn3.weight", "loc.0.weight", "conf.3.bias"]

model.eval()
with torch.no_grad():
    eval_loc, eval_conf, _ = model(x)

# Post-processing on logits with a clear spread of scores (an untrained model's softmax is near uniform).
det_conf = torch.randn(len(priors), CLASSES) * 4
det_loc = torch.randn(len(priors), 4) * 0.5

golden = {
    "input": x, "priors": priors, "loc": loc.detach(), "conf": conf.detach(),
    "loc_t": loc_t, "conf_t": conf_t, "loss_l": loss_l.detach(), "loss_c": loss_c.detach(),
    "negatives": torch.tensor(negatives), "global_loss_l": g_loss_l, "global_loss_c": g_loss_c,
    "global_negatives": torch.tensor(g_negatives), "eval_loc": eval_loc, "eval_conf": eval_conf,
    "det_loc": det_loc, "det_conf": det_conf, "detections": detect(det_loc, det_conf, priors, SIZE, SIZE),
}
for name in selected:
    golden["grad." + name] = params[name].grad
torch.save(golden, "ssd_io.pt")
print("wrote ssd_state.pt and ssd_io.pt:", len(priors), "priors,", int((conf_t > 0).sum()), "positives,",
      negatives, "negatives,", golden["detections"].shape[0], "detections")
