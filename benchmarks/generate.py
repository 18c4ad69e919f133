#!/usr/bin/env python3
"""Writes N synthetic Heritage Records (seeded, realistic sizes, CJK text) to stdout or a file.

    python3 benchmarks/generate.py 100000 --seed 7 --out benchmarks/work/records-100000.xml
"""
import argparse
import random
import sys

DISTRICTS = ["鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "福清市",
             "闽侯县", "连江县", "罗源县", "闽清县", "永泰县", "平潭县"]
CHARS = ("福州茉莉花茶连江鲍鱼寿山石雕闽剧评话伬艺脱胎漆器软木画油纸伞永泰李干"
         "传统技艺美术戏剧曲艺民俗音乐舞蹈医药文学体育游艺杂技非遗保护传承"
         "地理标志产品证明商标集体知识产权先行所服务驿站网点指导咨询联络")
GI_CATEGORIES = ["茶叶", "水产品", "果品", "矿产品", "蔬菜", "中药材", "手工艺品"]
STATION_TYPES = ["pilot-station", "info-service-point", "gi-guidance-point", "service-post",
                 "legal-consultation-point", "police-liaison-point"]
ROLES = ["enforcement", "guidance", "consultation", "promotion", "registration"]
LEVELS = ["national", "provincial", "municipal", "county"]
WORDS = ["tea", "jasmine", "opera", "carving", "lacquer", "stone", "abalone", "umbrella",
         "storytelling", "craft", "heritage", "scented", "Fuzhou", "Min", "cork", "painting"]


def text(rng, low, high):
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(low, high)))


def english(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def record(rng, index, gi_ids):
    roll = rng.random()
    district = rng.choice(DISTRICTS)
    lat = 25.5 + rng.random()
    lon = 118.9 + rng.random()
    common = (f'    <name xml:lang="zh">{text(rng, 2, 8)}</name>\n'
              f'    <name xml:lang="en">{english(rng, 2, 4)}</name>\n'
              f'    <alt-name xml:lang="zh">{text(rng, 2, 6)}</alt-name>\n'
              f'    <summary xml:lang="zh">{text(rng, 30, 120)}。</summary>\n'
              f'    <summary xml:lang="en">{english(rng, 8, 20)}.</summary>\n'
              f'    <keyword xml:lang="zh">{text(rng, 2, 4)}</keyword>\n'
              f'    <district>{district}</district>\n'
              f'    <location lat="{lat:.5f}" lon="{lon:.5f}"/>\n')
    if roll < 0.4 or not gi_ids:
        rid = f"gi:product-{index}"
        gi_ids.append(rid)
        return (f'  <gi-product id="{rid}">\n{common}'
                f'    <category xml:lang="zh">{rng.choice(GI_CATEGORIES)}</category>\n'
                f'    <protected-area xml:lang="zh">{text(rng, 10, 40)}</protected-area>\n'
                f'    <protection kind="protected-product" date="{rng.randint(2005, 2023)}" status="active"/>\n'
                f'  </gi-product>\n')
    if roll < 0.8:
        code = rng.choice(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])
        return (f'  <heritage-item id="ich:item-{index}">\n{common}'
                f'    <category code="{code}"/>\n'
                f'    <listing level="{rng.choice(LEVELS)}" year="{rng.randint(2006, 2023)}"/>\n'
                f'    <inheritor level="provincial" since="{rng.randint(1990, 2020)}">{text(rng, 2, 3)}</inheritor>\n'
                f'    <related ref="{rng.choice(gi_ids)}" type="product"/>\n'
                f'  </heritage-item>\n')
    return (f'  <station id="station:post-{index}" type="{rng.choice(STATION_TYPES)}">\n{common}'
            f'    <address xml:lang="zh">福州市{district}{text(rng, 4, 10)}路{rng.randint(1, 300)}号</address>\n'
            f'    <contact phone="0591-{rng.randint(10000000, 99999999)}" hours="9:00-17:00"/>\n'
            f'    <serves ref="{rng.choice(gi_ids)}" role="{rng.choice(ROLES)}"/>\n'
            f'  </station>\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    gi_ids = []
    out = open(args.out, "w", encoding="utf-8") if args.out != "-" else None
    write = out.write if out else sys.stdout.write
    write('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<records xmlns="urn:heritage-catalog:records:1" source="benchmark generator">\n')
    for index in range(args.count):
        write(record(rng, index, gi_ids))
    write('</records>\n')
    if out:
        out.close()


if __name__ == "__main__":
    main()
