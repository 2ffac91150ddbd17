#!/usr/bin/python3
"""Writes a folder of annotated pages drawn unlike the trainer's synthetic `pages` preset, to fine-tune and evaluate
on (`train --data-dir`, `evaluate --data-dir`). Needs only numpy; rerun from the repo root:

    /usr/bin/python3 samples/make_annotated_pages.py pages-ft --count 150 --format coco

What differs from src/DigitOcr.Training/Data/Pages (the preset the shipped models were trained on):
- layouts: a printed table with handwritten phone numbers and quantities, a till receipt on a desk with handwritten
  amounts, a form with one digit per printed box, a sticky note on squared or lined paper;
- pens: MNIST strokes made thinner or bolder by gray-level erosion and dilation (a fine liner to a felt marker),
  in blue, black, red or pencil gray;
- paper: coloured (cream, yellow, blue, pink, recycled gray, kraft), with fibres, squares or lines, saved as RGB;
- the digits: MNIST *test* digits (never trained on), from `--mnist` (default: $DIGITOCR_DATA/mnist, else the repository's
  data/mnist).

Each page is page-NNNN.png with every digit's tight box (coverage >= 1/4, the trainer's own ink level) in pixel-edge
coordinates, written as `--format` says (a comma list writes several, which makes the folder ambiguous on purpose):
- csv:  annotations.csv, `image,x1,y1,x2,y2,digit`, x2/y2 the far edges;
- coco: annotations.json, `bbox` [x, y, width, height]; category ids 1-10 named "0"-"9" (ids map by name);
- voc:  page-NNNN.xml per page, Pascal VOC's 1-based `xmin`/`ymin` (x1 + 1) and inclusive `xmax`/`ymax` (x2).

Page i depends only on --seed and i (not on --count or --format): the same seed in every format gives the same pages.
"""
import argparse
import json
import os
import struct
import sys
import zlib

import numpy as np

LAYOUTS = ("table", "receipt", "boxes", "note")
FORMATS = ("csv", "coco", "voc")
INK_LEVEL = 0.25

PAPERS = {
    "white": (246, 245, 240), "cream": (241, 231, 204), "yellow": (250, 236, 128), "blue": (206, 224, 244),
    "pink": (246, 212, 222), "recycled": (201, 199, 190), "kraft": (205, 172, 126),
}
INKS = {"blue": (32, 52, 150), "black": (28, 28, 34), "red": (168, 32, 36), "pencil": (88, 88, 92)}
PRINT = (40, 40, 44)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="folder to write (created; existing pages of the same names are replaced)")
    parser.add_argument("--count", type=int, default=150, help="pages to write (default 150)")
    parser.add_argument("--format", default="coco", help="csv, coco or voc, or a comma list of them (default coco)")
    parser.add_argument("--seed", type=int, default=1, help="seed of every page (default 1)")
    parser.add_argument("--size", default="1000x750", help="page size WIDTHxHEIGHT in pixels (default 1000x750)")
    parser.add_argument("--digit-height", default="20-44", help="digit heights MIN-MAX in pixels, drawn per page (default 20-44)")
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help="layouts to draw from (default all: " + ", ".join(LAYOUTS) + ")")
    parser.add_argument("--mnist", default=None, help="folder of MNIST's t10k files")
    args = parser.parse_args()
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    layouts = [l.strip() for l in args.layouts.split(",") if l.strip()]
    problems = []
    if args.count < 1:
        problems.append(f"--count must be at least 1, got {args.count}")
    if not formats or any(f not in FORMATS for f in formats):
        problems.append(f"--format must be csv, coco or voc (or a comma list), got '{args.format}'")
    if not layouts or any(l not in LAYOUTS for l in layouts):
        problems.append(f"--layouts must name some of {', '.join(LAYOUTS)}, got '{args.layouts}'")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        low, high = (int(v) for v in args.digit_height.split("-"))
    except ValueError:
        problems.append(f"--size is WIDTHxHEIGHT and --digit-height MIN-MAX, got '{args.size}' and '{args.digit_height}'")
        width = height = low = high = 0
    if not problems and (width < 128 or height < 96):
        problems.append(f"--size must be at least 128x96, got {args.size}")
    if not problems and not 10 <= low <= high <= min(width, height) // 3:
        problems.append(f"--digit-height must be 10 <= MIN <= MAX <= a third of the page's shorter side, got {args.digit_height}")
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    mnist = args.mnist or os.path.join(os.environ.get("DIGITOCR_DATA", os.path.join(repository, "data")), "mnist")
    if not os.path.exists(os.path.join(mnist, "t10k-images-idx3-ubyte")):
        problems.append(f"MNIST's test digits are not in '{mnist}' (run scripts/fetch-mnist.sh, or give --mnist)")
    if problems:
        for p in problems:
            print(f"make_annotated_pages: {p}", file=sys.stderr)
        sys.exit(2)
    return args, formats, layouts, (width, height), (low, high), mnist


def pick(rng, items):
    """One of `items` (any objects, unlike rng.choice)."""
    return items[int(rng.integers(0, len(items)))]


def load_mnist(folder):
    with open(os.path.join(folder, "t10k-images-idx3-ubyte"), "rb") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)
    with open(os.path.join(folder, "t10k-labels-idx1-ubyte"), "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return images, [np.nonzero(labels == d)[0] for d in range(10)]


def resize(a, height, width):
    """Bilinear resize of a 2-D float array (pixel centres aligned, as cv::resize)."""
    ys = np.clip((np.arange(height) + 0.5) * a.shape[0] / height - 0.5, 0, a.shape[0] - 1)
    xs = np.clip((np.arange(width) + 0.5) * a.shape[1] / width - 0.5, 0, a.shape[1] - 1)
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    y1, x1 = np.minimum(y0 + 1, a.shape[0] - 1), np.minimum(x0 + 1, a.shape[1] - 1)
    wy, wx = (ys - y0)[:, None], (xs - x0)[None, :]
    top = a[y0][:, x0] * (1 - wx) + a[y0][:, x1] * wx
    bottom = a[y1][:, x0] * (1 - wx) + a[y1][:, x1] * wx
    return top * (1 - wy) + bottom * wy


def morph(a, steps):
    """Gray-level dilation (steps > 0: a bolder pen) or erosion (steps < 0: a finer one) by a 3x3 cross, |steps| times."""
    for _ in range(abs(steps)):
        p = np.pad(a, 1)
        neighbours = (p[1:-1, 1:-1], p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:])
        a = np.maximum.reduce(neighbours) if steps > 0 else np.minimum.reduce(neighbours)
    return a


def blur(a, sigma):
    """Separable Gaussian blur of a 2-D or 3-D (H, W, C) float array."""
    radius = max(1, int(3 * sigma))
    k = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    k /= k.sum()
    pad = [(radius, radius), (radius, radius)] + [(0, 0)] * (a.ndim - 2)
    p = np.pad(a, pad, mode="edge")
    out = sum(k[i] * p[i:i + a.shape[0]] for i in range(len(k)))
    return sum(k[i] * out[:, i:i + a.shape[1]] for i in range(len(k)))


class Page:
    """One page being drawn: paper (RGB float), a printed layer and a handwriting layer (coverage), and the digits."""

    def __init__(self, rng, size, digit_heights, images, by_digit):
        self.rng, self.images, self.by_digit = rng, images, by_digit
        self.width, self.height = size
        self.h = int(rng.integers(digit_heights[0], digit_heights[1] + 1))
        self.paper = np.empty((self.height, self.width, 3), dtype=np.float64)
        self.paper[:] = PAPERS[rng.choice(list(PAPERS))]
        self.printed = np.zeros((self.height, self.width))
        self.hand = np.zeros((self.height, self.width))
        self.ink = np.array(INKS[rng.choice(list(INKS))], dtype=np.float64)
        # Pen width: erode for a fine liner, dilate for a marker; more steps for larger writing, never so many that
        # a digit becomes a blob (at most one step per 12 px of height).
        self.pen = min(int(rng.choice([-1, 0, 0, 1, 2, 3])) * max(1, self.h // 28), max(1, self.h // 12))
        self.slant = rng.uniform(-0.25, 0.25)
        self.boxes = []

    # -- paper ---------------------------------------------------------------------------------------------------
    def fibres(self, strength):
        cells = self.rng.normal(0, 1, (self.height // 16 + 2, self.width // 16 + 2))
        noise = resize(cells, self.height, self.width) + 0.5 * self.rng.normal(0, 1, (self.height, self.width))
        self.paper += strength * noise[:, :, None]

    def ruling(self, pitch, colour, squared, offset=0):
        colour = np.array(colour, dtype=np.float64)
        for y in range(offset + pitch, self.height, pitch):
            self.paper[y] = 0.55 * self.paper[y] + 0.45 * colour
        if squared:
            for x in range(offset + pitch, self.width, pitch):
                self.paper[:, x] = 0.55 * self.paper[:, x] + 0.45 * colour

    # -- print ---------------------------------------------------------------------------------------------------
    def rect(self, x1, y1, x2, y2, thickness=2, fill=None):
        x1, y1, x2, y2 = (int(round(v)) for v in (x1, y1, x2, y2))
        x1, x2 = max(0, x1), min(self.width, x2)
        y1, y2 = max(0, y1), min(self.height, y2)
        if x2 <= x1 or y2 <= y1:
            return
        if fill is not None:
            self.printed[y1:y2, x1:x2] = np.maximum(self.printed[y1:y2, x1:x2], fill)
            return
        t = thickness
        for sl in ((slice(y1, y1 + t), slice(x1, x2)), (slice(y2 - t, y2), slice(x1, x2)),
                   (slice(y1, y2), slice(x1, x1 + t)), (slice(y1, y2), slice(x2 - t, x2))):
            self.printed[sl] = 1.0

    def hline(self, x1, x2, y, thickness=1, dashed=False):
        y = int(y)
        for x in range(int(x1), int(x2), 8 if dashed else int(x2 - x1) + 1):
            self.printed[y:y + thickness, x:min(int(x2), x + (5 if dashed else int(x2 - x1)))] = 1.0

    def words(self, x, y, width, size):
        """A line of printed "words" (blocks the height of lower-case letters): text that is not digits."""
        end = x + width
        while x < end:
            w = int(self.rng.integers(2, 8)) * size // 2
            self.rect(x, y - size, min(x + w, end), y, fill=0.9)
            x += w + size // 2 + 1

    # -- handwriting ---------------------------------------------------------------------------------------------
    def glyph(self, digit, height):
        image = self.images[self.rng.choice(self.by_digit[digit])].astype(np.float64) / 255.0
        ys, xs = np.nonzero(image > 0.1)
        image = image[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        width = max(2, int(round(height * image.shape[1] / image.shape[0] * self.rng.uniform(0.85, 1.15))))
        g = np.clip(morph(resize(image, height, width), self.pen), 0, 1)
        # Slant: shift each row by its height above the baseline.
        shear = self.slant + self.rng.uniform(-0.05, 0.05)
        extra = int(np.ceil(abs(shear) * height))
        out = np.zeros((height, width + extra))
        for row in range(height):
            shift = int(round(shear * (height - 1 - row))) + (extra if shear < 0 else 0)
            out[row, shift:shift + width] = g[row]
        return out

    def write(self, text, x, baseline, height=None, gap=None, max_x=None, right=None):
        """Writes `text` (digits, '.' and '-' drawn as marks) from x on `baseline` (or ending at `right`); returns the
        x after it, or None if it does not fit."""
        height = height or self.h
        gap = self.rng.uniform(0.06, 0.3) * height if gap is None else gap
        max_x = self.width if max_x is None else max_x
        planned, cursor = [], float(x)
        for c in text:
            if c.isdigit():
                h = max(8, int(round(height * self.rng.uniform(0.92, 1.08))))
                g = self.glyph(int(c), h)
                top = int(round(baseline - h + self.rng.uniform(-0.05, 0.05) * height))
                planned.append((int(c), g, int(round(cursor)), top))
                cursor += g.shape[1] + gap * self.rng.uniform(0.7, 1.3)
            else:
                planned.append((c, None, int(round(cursor)), int(baseline)))
                cursor += 0.35 * height
        if right is not None:
            shift = int(round(right - cursor))
            planned = [(d, g, gx + shift, top) for d, g, gx, top in planned]
            cursor += shift
        if cursor > max_x or planned[0][2] < 0 or baseline > self.height or min(p[3] for p in planned) < 0:
            return None
        for digit, g, gx, top in planned:
            if g is None:
                self.mark(digit, gx, top, height)
                continue
            region = self.hand[top:top + g.shape[0], gx:gx + g.shape[1]]
            region[:] = np.maximum(region, g[:region.shape[0], :region.shape[1]])
            ys, xs = np.nonzero(g[:region.shape[0], :region.shape[1]] >= INK_LEVEL)
            if len(xs):
                self.boxes.append((digit, gx + xs.min(), top + ys.min(), gx + xs.max() + 1, top + ys.max() + 1))
        return cursor

    def mark(self, kind, x, baseline, height):
        t = max(2, height // 12 + self.pen // 2)
        if kind == ".":
            self.hand[baseline - t:baseline, x + 2:x + 2 + t] = 1.0
        else:
            y = baseline - height // 2
            self.hand[y:y + t, x:x + int(0.28 * height)] = 1.0

    def number(self, digits, grouping=None):
        """A random number of `digits` digits, optionally grouped with '-' (e.g. (3, 3, 4))."""
        text = "".join(str(int(d)) for d in self.rng.integers(0, 10, digits))
        if not grouping:
            return text
        parts, i = [], 0
        for g in grouping:
            parts.append(text[i:i + g])
            i += g
        return "-".join(parts)

    # -- finish --------------------------------------------------------------------------------------------------
    def render(self):
        image = self.paper * (1 - 0.92 * self.printed[:, :, None]) + 0.92 * self.printed[:, :, None] * np.array(PRINT)
        opacity = 0.6 if self.ink[0] == INKS["pencil"][0] else 0.95
        cover = opacity * self.hand[:, :, None]
        image = image * (1 - cover) + cover * self.ink
        # A phone camera's light: brighter towards one corner, a little soft, a little noisy.
        yy, xx = np.mgrid[0:self.height, 0:self.width]
        angle = self.rng.uniform(0, 2 * np.pi)
        ramp = (np.cos(angle) * xx / self.width + np.sin(angle) * yy / self.height)
        ramp = (ramp - ramp.min()) / max(1e-9, np.ptp(ramp))
        image *= (1 - self.rng.uniform(0.0, 0.25) * ramp)[:, :, None]
        image = blur(image, self.rng.uniform(0.5, 1.0))
        image += self.rng.normal(0, self.rng.uniform(1, 4), image.shape)
        return np.clip(np.round(image), 0, 255).astype(np.uint8)


def layout_table(page):
    rng, h = page.rng, page.h
    page.fibres(2.0)
    margin = int(0.05 * page.width)
    row = int(h * rng.uniform(1.6, 2.0))
    x0, x3 = margin, page.width - margin
    x1 = x0 + int(0.3 * (x3 - x0))
    x2 = x0 + int(0.78 * (x3 - x0))
    top = margin
    page.rect(x0, top, x3, top + row, fill=0.25)  # the header band, printed gray
    for x in (x0 + 6, x1 + 6, x2 + 6):
        page.words(x, top + int(0.65 * row), int(0.15 * (x3 - x0)), max(4, h // 3))
    y = top + row
    while y + row <= page.height - margin:
        page.words(x0 + 6, y + int(0.65 * row), int(rng.uniform(0.4, 0.85) * (x1 - x0 - 12)), max(4, h // 3))
        baseline = y + int(0.5 * row + 0.45 * h)
        phone = page.number(10, pick(rng, [None, (3, 3, 4)]))
        # Ten digits must fit the column: people write smaller when the box is narrow.
        phone_h = max(10, min(h, int((x2 - x1) / 11)))
        page.write(phone, x1 + int(0.08 * h), baseline, height=phone_h, max_x=x2 - 2)
        page.write(page.number(int(rng.integers(1, 4))), x2 + int(0.3 * h), baseline, max_x=x3 - 2)
        y += row
        page.hline(x0, x3, y, thickness=1 + int(rng.integers(0, 2)))
    for x in (x0, x1, x2, x3 - 2):
        page.rect(x, top, x + 2, y, fill=1.0)
    page.rect(x0, top, x3, top + 2, fill=1.0)


def layout_receipt(page):
    rng, h = page.rng, page.h
    # A desk under the receipt: dark, textured; the paper a narrow thermal strip, light gray.
    page.paper[:] = rng.uniform(60, 120, 3)
    page.fibres(6.0)
    strip_w = int(page.width * rng.uniform(0.38, 0.5))
    sx = int(rng.uniform(0.15, 0.85) * (page.width - strip_w))
    strip = np.array((238, 238, 233), dtype=np.float64) + rng.normal(0, 2.0, 3)
    page.paper[:, sx:sx + strip_w] = strip + rng.normal(0, 1.5, (page.height, strip_w, 1))
    pad = max(6, strip_w // 14)
    y = int(1.5 * h)
    page.words(sx + strip_w // 4, y, strip_w // 2, max(4, h // 3))
    y += int(0.8 * h)
    page.hline(sx + pad, sx + strip_w - pad, y, dashed=True)
    y += int(1.6 * h)
    while y + 3 * h < page.height:
        page.words(sx + pad, y, int(strip_w * rng.uniform(0.25, 0.45)), max(4, h // 3))
        amount = f"{int(rng.integers(1, 100))}.{int(rng.integers(0, 100)):02d}"
        page.write(amount, sx + strip_w // 2, y, max_x=sx + strip_w - 2, right=sx + strip_w - pad)
        y += int(h * rng.uniform(1.5, 1.9))
    page.hline(sx + pad, sx + strip_w - pad, y - h, dashed=True)
    if y + 2 * h < page.height:
        page.write(page.number(int(rng.integers(7, 11))), sx + pad, y + h // 2, max_x=sx + strip_w - 2)


def layout_boxes(page):
    rng, h = page.rng, page.h
    page.fibres(1.5)
    if rng.random() < 0.5:
        page.ruling(int(h * 0.9), (150, 180, 210), squared=True)
    cell = int(h * rng.uniform(1.35, 1.6))
    margin = int(0.05 * page.width)
    y = margin
    while y + cell + h < page.height - margin:
        label_w = int(rng.uniform(0.12, 0.25) * page.width)
        page.words(margin, y + int(0.7 * cell), label_w, max(4, h // 3))
        x = margin + label_w + h // 2
        cells = int(rng.integers(4, 11))
        cells = min(cells, (page.width - margin - x) // cell)
        if cells >= 3:
            for i in range(cells):
                page.rect(x + i * cell, y, x + (i + 1) * cell + 2, y + cell + 2, thickness=2)
            # One digit per box, roughly centred, sometimes a box left empty at the end.
            for i, d in enumerate(page.number(cells - int(rng.integers(0, 2)))):
                g_h = int(h * rng.uniform(0.85, 1.0))
                cx = x + i * cell + int(0.5 * cell - 0.35 * g_h + rng.uniform(-0.08, 0.08) * cell)
                page.write(d, cx, y + int(0.5 * (cell + g_h)), height=g_h, gap=0)
        y += int(cell * rng.uniform(1.8, 2.4))


def layout_note(page):
    rng, h = page.rng, page.h
    page.fibres(2.5)
    squared = rng.random() < 0.5
    page.ruling(int(h * rng.uniform(0.8, 1.4)), (160, 190, 215) if squared else (140, 170, 205), squared=squared)
    # A sticky note of another colour on the page.
    nw, nh = int(page.width * rng.uniform(0.45, 0.7)), int(page.height * rng.uniform(0.45, 0.75))
    nx, ny = int(rng.uniform(0.05, 0.95) * (page.width - nw)), int(rng.uniform(0.05, 0.95) * (page.height - nh))
    colour = PAPERS[rng.choice(["yellow", "pink", "blue"])]
    page.paper[ny:ny + nh, nx:nx + nw] = np.array(colour) + rng.normal(0, 1.5, (nh, nw, 1))
    y = ny + int(1.5 * h)
    while y < ny + nh - int(0.3 * h):
        x = nx + int(rng.uniform(0.05, 0.25) * nw)
        grouping = pick(rng, [None, (3, 4), (3, 3, 4), (2, 2, 2, 2)])
        digits = sum(grouping) if grouping else int(rng.integers(3, 9))
        page.write(page.number(digits, grouping), x, y, max_x=nx + nw - 4)
        y += int(h * rng.uniform(1.6, 2.4))
    # Numbers on the page around the note, too.
    for _ in range(int(rng.integers(0, 3))):
        x, y = int(rng.uniform(0.02, 0.6) * page.width), int(rng.uniform(0.1, 0.95) * page.height)
        if not (nx - 8 * h < x < nx + nw and ny - 2 * h < y < ny + nh + h):
            page.write(page.number(int(rng.integers(3, 8))), x, y)


DRAW = {"table": layout_table, "receipt": layout_receipt, "boxes": layout_boxes, "note": layout_note}


def png(rgb):
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(rgb.shape[0]))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", rgb.shape[1], rgb.shape[0], 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def voc(name, size, boxes):
    objects = "".join(
        f"  <object>\n    <name>{d}</name>\n    <pose>Unspecified</pose>\n    <truncated>0</truncated>\n    <difficult>0</difficult>\n"
        f"    <bndbox>\n      <xmin>{x1 + 1}</xmin>\n      <ymin>{y1 + 1}</ymin>\n      <xmax>{x2}</xmax>\n      <ymax>{y2}</ymax>\n    </bndbox>\n  </object>\n"
        for d, x1, y1, x2, y2 in boxes)
    return (f"<annotation>\n  <folder>pages</folder>\n  <filename>{name}</filename>\n"
            f"  <size>\n    <width>{size[0]}</width>\n    <height>{size[1]}</height>\n    <depth>3</depth>\n  </size>\n"
            f"  <segmented>0</segmented>\n{objects}</annotation>\n")


def main():
    args, formats, layouts, size, heights, mnist = parse_args()
    images, by_digit = load_mnist(mnist)
    os.makedirs(args.output, exist_ok=True)
    pages = []
    for i in range(args.count):
        rng = np.random.default_rng([args.seed, i])
        layout = layouts[int(rng.integers(0, len(layouts)))]
        page = Page(rng, size, heights, images, by_digit)
        DRAW[layout](page)
        # A layout that found no room (a small page, large writing) still gets a number: every page has digits.
        for _ in range(20):
            if page.boxes:
                break
            x, y = int(rng.uniform(0.02, 0.5) * page.width), int(rng.uniform(0.2, 0.95) * page.height)
            page.write(page.number(int(rng.integers(3, 7))), x, y)
        name = f"page-{i + 1:04d}.png"
        with open(os.path.join(args.output, name), "wb") as f:
            f.write(png(page.render()))
        pages.append((name, [tuple(int(v) for v in b) for b in page.boxes], layout))

    if "csv" in formats:
        with open(os.path.join(args.output, "annotations.csv"), "w", encoding="utf-8") as f:
            f.write("image,x1,y1,x2,y2,digit\n")
            for name, boxes, _ in pages:
                if not boxes:
                    f.write(f"{name},,,,,\n")  # an image without digits is listed too
                for d, x1, y1, x2, y2 in boxes:
                    f.write(f"{name},{x1},{y1},{x2},{y2},{d}\n")
    if "coco" in formats:
        coco = {"info": {"description": "make_annotated_pages.py", "seed": args.seed},
                "images": [], "annotations": [],
                "categories": [{"id": d + 1, "name": str(d), "supercategory": "digit"} for d in range(10)]}
        for image_id, (name, boxes, _) in enumerate(pages, start=1):
            coco["images"].append({"id": image_id, "file_name": name, "width": size[0], "height": size[1]})
            for d, x1, y1, x2, y2 in boxes:
                coco["annotations"].append({"id": len(coco["annotations"]) + 1, "image_id": image_id, "category_id": d + 1,
                                            "bbox": [x1, y1, x2 - x1, y2 - y1], "area": (x2 - x1) * (y2 - y1), "iscrowd": 0})
        with open(os.path.join(args.output, "annotations.json"), "w", encoding="utf-8") as f:
            json.dump(coco, f, indent=1)
    if "voc" in formats:
        for name, boxes, _ in pages:
            with open(os.path.join(args.output, name[:-4] + ".xml"), "w", encoding="utf-8") as f:
                f.write(voc(name, size, boxes))

    kinds = {l: sum(1 for p in pages if p[2] == l) for l in layouts}
    digits = sum(len(p[1]) for p in pages)
    print(f"wrote {len(pages)} pages ({', '.join(f'{n} {l}' for l, n in kinds.items())}), {digits} digits, "
          f"annotations as {', '.join(formats)}, in {args.output}")


if __name__ == "__main__":
    main()
