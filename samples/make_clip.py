#!/usr/bin/python3
"""Writes a video clip (YUV4MPEG2, .y4m) of pages held up to a camera, for `digitocr watch`, its benchmark, and
Chromium's fake camera (--use-file-for-fake-video-capture). Each page is shown for --seconds on a plain background,
with blank frames before, between and after; every frame moves the page by up to 2 px and adds sensor noise, as a
hand-held page on a webcam does. Deterministic (--seed). Needs only numpy. Rerun from the repo root:

    /usr/bin/python3 samples/make_clip.py clip.y4m --page samples/sample-page.png --size 640x480 --fps 30 --seconds 10

PNG pages only (8-bit gray, gray+alpha, RGB or RGBA, not interlaced), scaled to fit 90% of the frame's width.
"""
import argparse
import struct
import sys
import zlib

import numpy as np


def read_png(path):
    """8-bit PNG -> 2-D uint8 gray array (alpha composited over white)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"make_clip: {path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"make_clip: {path}: only 8-bit, non-interlaced gray/RGB(A) PNGs are supported")
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, 1 + width * channels)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.int32)
    for y in range(height):
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int32)
        prev = out[y - 1] if y else np.zeros(stride, dtype=np.int32)
        if kind == 0:
            out[y] = line
        elif kind == 2:
            out[y] = (line + prev) & 255
        else:
            row = np.zeros(stride, dtype=np.int32)
            for x in range(stride):
                a = row[x - channels] if x >= channels else 0
                b = prev[x]
                c = prev[x - channels] if x >= channels else 0
                if kind == 1:
                    p = a
                elif kind == 3:
                    p = (a + b) // 2
                else:
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[x] = (line[x] + p) & 255
            out[y] = row
    pixels = out.astype(np.uint8).reshape(height, width, channels).astype(np.float32)
    gray = pixels[..., 0] if channels <= 2 else pixels[..., :3] @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    if channels in (2, 4):
        alpha = pixels[..., -1] / 255.0
        gray = gray * alpha + 255.0 * (1 - alpha)
    return gray.astype(np.uint8)


def fit(page, width, height):
    """The page scaled (nearest) to 90% of the frame's width, or its height if that is tighter."""
    scale = min(0.9 * width / page.shape[1], 0.9 * height / page.shape[0])
    h, w = max(1, int(page.shape[0] * scale)), max(1, int(page.shape[1] * scale))
    ys = (np.arange(h) / scale).astype(int).clip(0, page.shape[0] - 1)
    xs = (np.arange(w) / scale).astype(int).clip(0, page.shape[1] - 1)
    return page[ys][:, xs]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--page", action="append", required=True, help="a PNG page; repeat for several, shown in order")
    parser.add_argument("--size", default="640x480")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=3.0, help="how long each page is shown")
    parser.add_argument("--blank", type=float, default=1.0, help="seconds of background before, between and after pages")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    if width % 2 or height % 2 or width < 32 or height < 32:
        sys.exit("make_clip: --size must be even and at least 32x32, such as 640x480")
    rng = np.random.default_rng(args.seed)
    pages = [fit(read_png(p), width, height) for p in args.page]
    background = 200
    chroma = np.full((height // 2) * (width // 2), 128, dtype=np.uint8).tobytes()
    frames = 0
    with open(args.output, "wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{args.fps}:1 Ip A1:1 C420jpeg\n".encode())

        def frame(page):
            nonlocal frames
            image = np.full((height, width), background, dtype=np.float32)
            if page is not None:
                h, w = page.shape
                top = (height - h) // 2 + int(rng.integers(-2, 3))
                left = (width - w) // 2 + int(rng.integers(-2, 3))
                image[top:top + h, left:left + w] = page * rng.uniform(0.9, 1.0)
            image += rng.normal(0, 3, image.shape)
            # Video luma is "limited range", 16 (black) to 235 (white), as decoders read it.
            luma = 16 + image.clip(0, 255) * (219 / 255)
            out.write(b"FRAME\n" + luma.round().astype(np.uint8).tobytes() + chroma + chroma)
            frames += 1

        blank = int(round(args.blank * args.fps))
        for page in pages:
            for _ in range(blank):
                frame(None)
            for _ in range(int(round(args.seconds * args.fps))):
                frame(page)
        for _ in range(blank):
            frame(None)
    print(f"wrote {args.output}: {frames} frames of {width}x{height} at {args.fps} fps ({frames / args.fps:.1f} s)")


if __name__ == "__main__":
    main()
