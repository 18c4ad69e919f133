#!/usr/bin/env python3
"""Writes a folder with COUNT media files of SIZE bytes each (seeded pseudo-random bytes, so
they do not compress) and one Heritage Records file whose records name them.

    python3 benchmarks/make_media_catalog.py OUT_DIR --count 250 --size 2097152
"""
import argparse
import os
import random

DISTRICTS = ["鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "福清市"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=250)
    parser.add_argument("--size", type=int, default=2 * 1024 * 1024)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    media = os.path.join(args.out, "media")
    os.makedirs(media, exist_ok=True)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<records xmlns="urn:heritage-catalog:records:1" source="export benchmark">']
    for index in range(args.count):
        name = f"photo-{index:04d}.jpg"
        with open(os.path.join(media, name), "wb") as handle:
            handle.write(rng.randbytes(args.size))
        lines.append(f'  <heritage-item id="ich:media-{index:04d}">')
        lines.append(f'    <name xml:lang="zh">影像档案{index}</name>')
        lines.append(f'    <category code="{rng.choice(["VII", "VIII"])}"/>')
        lines.append(f'    <district>{rng.choice(DISTRICTS)}</district>')
        lines.append(f'    <listing level="municipal" year="{rng.randint(2006, 2023)}"/>')
        lines.append(f'    <media href="media/{name}" type="image/jpeg" title="档案影像 {index}"/>')
        lines.append('  </heritage-item>')
    lines.append('</records>')
    with open(os.path.join(args.out, "records.xml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
