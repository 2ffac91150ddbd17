"""The reference detector written from REFERENCE.md in PyTorch: ResNet18 backbone (1-channel stem) + FPN decoder
(torchvision Bottleneck blocks, bare 1x1 downsample) + SSD head, with the reference's priors, matching (neutral band),
multibox loss (per-image or batch-global hard-negative mining) and Detect. Used by make_ssd_golden.py (golden files)
and bench/pytorch_train.py (the throughput comparison).
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = 11
STEPS = [32, 16, 8, 4]
MIN_SIZES = [99, 45, 21, 9]
MAX_SIZES = [153, 99, 45, 21]
VARIANCES = [0.1, 0.2]


def conv3x3(i, o, stride=1):
    return nn.Conv2d(i, o, 3, stride, 1, bias=False)


class BasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


class Backbone(nn.Module):
    def __init__(self, w):
        super().__init__()
        self.conv1 = nn.Conv2d(1, w[0], 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(w[0])
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.layer1 = nn.Sequential(BasicBlock(w[0], w[0]), BasicBlock(w[0], w[0]))
        self.layer2 = nn.Sequential(BasicBlock(w[0], w[1], 2), BasicBlock(w[1], w[1]))
        self.layer3 = nn.Sequential(BasicBlock(w[1], w[2], 2), BasicBlock(w[2], w[2]))
        self.layer4 = nn.Sequential(BasicBlock(w[2], w[3], 2), BasicBlock(w[3], w[3]))

    def forward(self, x):
        c1 = self.layer1(self.maxpool(self.relu(self.bn1(self.conv1(x)))))
        c2 = self.layer2(c1)
        c3 = self.layer3(c2)
        return [c1, c2, c3, self.layer4(c3)]


class DecoderBlock(nn.Module):
    def __init__(self, skip, lower):
        super().__init__()
        self.block1 = Bottleneck(lower, skip // 4, nn.Conv2d(lower, skip, 1, bias=False))
        self.block2 = Bottleneck(skip, skip // 4)

    def forward(self, x, skip):
        x = F.interpolate(x, size=skip.shape[2:], mode="bilinear", align_corners=True)
        return self.block2(self.block1(x) + skip)


class FPNDecoder(nn.Module):
    def __init__(self, w):
        super().__init__()
        self.center = nn.Sequential(Bottleneck(w[3], w[3] // 4, nn.Conv2d(w[3], w[3], 1, bias=False)))
        self.blocks = nn.ModuleList([DecoderBlock(w[2], w[3]), DecoderBlock(w[1], w[2]), DecoderBlock(w[0], w[1])])

    def forward(self, feats):
        x = self.center(feats[3])
        outs = [x]
        for block, skip in zip(self.blocks, [feats[2], feats[1], feats[0]]):
            x = block(x, skip)
            outs.append(x)
        return outs


class SSD(nn.Module):
    def __init__(self, w):
        super().__init__()
        self.backbone = Backbone(w)
        self.decoder = FPNDecoder(w)
        chans = [w[3], w[2], w[1], w[0]]
        self.loc = nn.ModuleList([nn.Conv2d(c, 4 * 4, 1) for c in chans])
        self.conf = nn.ModuleList([nn.Conv2d(c, 4 * CLASSES, 1) for c in chans])
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.xavier_uniform_(m.weight)

    def forward(self, x):
        levels = self.decoder(self.backbone(x))
        loc = torch.cat([l(f).permute(0, 2, 3, 1).contiguous().view(x.size(0), -1, 4) for l, f in zip(self.loc, levels)], 1)
        conf = torch.cat([c(f).permute(0, 2, 3, 1).contiguous().view(x.size(0), -1, CLASSES) for c, f in zip(self.conf, levels)], 1)
        return loc, conf, [tuple(f.shape[2:]) for f in levels]


def priors_for(sizes, h, w):
    out = []
    for k, (fh, fw) in enumerate(sizes):
        s_min, s_big = MIN_SIZES[k], math.sqrt(MIN_SIZES[k] * MAX_SIZES[k])
        for i in range(fh):
            for j in range(fw):
                cx, cy = (j + 0.5) * STEPS[k] / w, (i + 0.5) * STEPS[k] / h
                r = math.sqrt(2)
                out += [[cx, cy, s_min / w, s_min / h], [cx, cy, s_big / w, s_big / h],
                        [cx, cy, s_min * r / w, s_min / r / h], [cx, cy, s_min / r / w, s_min * r / h]]
    return torch.tensor(out, dtype=torch.float32)


def point_form(p):
    return torch.cat([p[:, :2] - p[:, 2:] / 2, p[:, :2] + p[:, 2:] / 2], 1)


def iou(a, b):
    lo = torch.max(a[:, None, :2], b[None, :, :2])
    hi = torch.min(a[:, None, 2:], b[None, :, 2:])
    inter = (hi - lo).clamp(min=0).prod(2)
    area = lambda t: (t[:, 2] - t[:, 0]) * (t[:, 3] - t[:, 1])
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def encode(matched, priors):
    g_c = ((matched[:, :2] + matched[:, 2:]) / 2 - priors[:, :2]) / (VARIANCES[0] * priors[:, 2:])
    g_wh = torch.log((matched[:, 2:] - matched[:, :2]) / priors[:, 2:]) / VARIANCES[1]
    return torch.cat([g_c, g_wh], 1)


def decode(loc, priors):
    c = priors[:, :2] + loc[:, :2] * VARIANCES[0] * priors[:, 2:]
    wh = priors[:, 2:] * torch.exp(loc[:, 2:] * VARIANCES[1])
    return torch.cat([c - wh / 2, c + wh / 2], 1)


def match(truths, labels, priors, pos=0.5, neutral=0.1):
    """ssd.pytorch's match with the reference's neutral band; label -1 marks neutral priors."""
    if len(truths) == 0:
        return torch.zeros(len(priors), 4), torch.zeros(len(priors), dtype=torch.long)
    overlaps = iou(truths, point_form(priors))
    best_prior_idx = overlaps.argmax(1)
    best_truth_overlap, best_truth_idx = overlaps.max(0)
    best_truth_overlap[best_prior_idx] = 2.0
    for j in range(best_prior_idx.size(0)):
        best_truth_idx[best_prior_idx[j]] = j
    conf = labels[best_truth_idx] + 1
    conf[best_truth_overlap < pos] = 0
    conf[(best_truth_overlap > neutral) & (best_truth_overlap < pos)] = -1
    return encode(truths[best_truth_idx], priors), conf


def multibox_loss(loc, conf, loc_t, conf_t, per_image=True, ratio=3):
    pos = conf_t > 0
    excluded = conf_t != 0
    with torch.no_grad():
        ranked = torch.logsumexp(conf, 2) - conf[:, :, 0]
        ranked = ranked.masked_fill(excluded, float("-inf"))
        available = (~excluded).sum(1)
        if per_image:
            num_neg = torch.min(ratio * pos.sum(1), available).unsqueeze(1)
            _, order = ranked.sort(1, descending=True)
            _, rank = order.sort(1)
            neg = rank < num_neg
        else:
            total = min(int(ratio * pos.sum()), conf.size(1) - 1, int(available.sum()))
            _, order = ranked.flatten().sort(descending=True)
            _, rank = order.sort()
            neg = (rank < total).view_as(pos)
    loss_l = F.smooth_l1_loss(loc[pos], loc_t[pos], reduction="sum")
    sel = pos | neg
    loss_c = F.cross_entropy(conf[sel], conf_t[sel], reduction="sum")
    n = max(int(pos.sum()), 1)
    return loss_l / n, loss_c / n, int(neg.sum())


def detect(loc, conf, priors, h, w, threshold=0.1, nms_iou=0.1, top_k=100):
    """The reference's Detect for one image: rows (digit, score, x1, y1, x2, y2) in pixels, best first."""
    scores = F.softmax(conf, 1)
    best, label = scores.max(1)
    boxes = decode(loc, priors)
    cands = []
    for c in range(1, CLASSES):
        idx = (label == c).nonzero().squeeze(1)
        idx = idx[best[idx].argsort(descending=True)][:top_k]
        cands.append(idx)
    idx = torch.cat(cands)
    idx = idx[best[idx].argsort(descending=True, stable=True)] if len(idx) else idx
    keep = []
    suppressed = torch.zeros(len(idx), dtype=torch.bool)
    ious = iou(boxes[idx], boxes[idx]) if len(idx) else None
    for i in range(len(idx)):
        if suppressed[i]:
            continue
        keep.append(idx[i])
        suppressed |= ious[i] > nms_iou
    rows = [[label[k] - 1, best[k], *(boxes[k] * torch.tensor([w, h, w, h]))] for k in keep if best[k] >= threshold]
    return torch.tensor(rows, dtype=torch.float32).view(-1, 6)
