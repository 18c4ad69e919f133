#!/usr/bin/env python3
"""Writes N synthetic Heritage Records (seeded, realistic sizes, CJK text) to stdout or a file.

    python3 benchmarks/generate.py 100000 --seed 7 --out benchmarks/work/records-100000.xml
    python3 benchmarks/generate.py 100000 --realistic --out benchmarks/work/realistic-100000.xml

The default draws Chinese from about 90 characters and English from 16 words, so a query token
matches a large share of the records: the deliberate worst case. `--realistic` draws Chinese
with a Zipf-like frequency over 3,500 Han characters (the 90 of the default among the
first 650 ranks, so the same queries still find records), English from a Zipf-distributed vocabulary of 5,000 words (the 16 first), names
of 2-12 characters, Chinese summaries of 30-300 characters, 5% of the records in traditional
characters and 10% with a media file (drawn from 50 small files written beside `--out`).
"""
import argparse
import bisect
import itertools
import os
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


# Simplified -> traditional for the characters of CHARS that differ, for --realistic's 5%.
TRADITIONAL = dict(zip("连鲍鱼寿闽剧评话脱漆画纸伞干传统艺术戏乐医药学体杂遗护产标证识权务驿网导询联络",
                       "連鮑魚壽閩劇評話脫漆畫紙傘乾傳統藝術戲樂醫藥學體雜遺護產標證識權務驛網導詢聯絡"))


class Vocabulary:
    """Items drawn with weight 1/rank (Zipf's law, exponent 1)."""

    def __init__(self, items):
        self.items = items
        self.cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(items) + 1)))

    def draw(self, rng):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def realistic_vocabularies(seed):
    rng = random.Random(seed + 1000)
    han = [chr(code) for code in range(0x4E00, 0x9FA6) if chr(code) not in CHARS]
    ours = list(dict.fromkeys(CHARS))
    chars = rng.sample(han, 3500 - len(ours))
    for position, char in enumerate(ours):  # ranks 5, 12, 19, ...: common, not the commonest
        chars.insert(5 + 7 * position, char)
    syllables = ["ba", "ren", "co", "la", "ti", "mon", "ser", "vi", "ta", "dor", "pel", "an",
                 "gra", "lu", "men", "sto", "ri", "cal", "de", "no", "ve", "qui", "tra", "fen"]
    words = list(WORDS)
    seen = set(words)
    while len(words) < 5000:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return Vocabulary(chars), Vocabulary(words)


class Style:
    """How text is drawn: the worst case (few characters and words) or --realistic."""

    def __init__(self, realistic, seed):
        self.realistic = realistic
        if realistic:
            self.chars, self.words = realistic_vocabularies(seed)
        self.traditional = False

    def text(self, rng, low, high):
        if not self.realistic:
            return "".join(rng.choice(CHARS) for _ in range(rng.randint(low, high)))
        drawn = "".join(self.chars.draw(rng) for _ in range(rng.randint(low, high)))
        return "".join(TRADITIONAL.get(c, c) for c in drawn) if self.traditional else drawn

    def english(self, rng, low, high):
        count = rng.randint(low, high)
        if not self.realistic:
            return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize()
        return " ".join(self.words.draw(rng) for _ in range(count)).capitalize()


STYLE = Style(False, 0)


def text(rng, low, high):
    return STYLE.text(rng, low, high)


def english(rng, low, high):
    return STYLE.english(rng, low, high)


def record(rng, index, gi_ids):
    roll = rng.random()
    district = rng.choice(DISTRICTS)
    lat = 25.5 + rng.random()
    lon = 118.9 + rng.random()
    STYLE.traditional = STYLE.realistic and rng.random() < 0.05
    name_length = (2, 12) if STYLE.realistic else (2, 8)
    summary_length = (30, 300) if STYLE.realistic else (30, 120)
    common = (f'    <name xml:lang="zh">{text(rng, *name_length)}</name>\n'
              f'    <name xml:lang="en">{english(rng, 2, 4)}</name>\n'
              f'    <alt-name xml:lang="zh">{text(rng, 2, 6)}</alt-name>\n'
              f'    <summary xml:lang="zh">{text(rng, *summary_length)}。</summary>\n'
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
                f'{media(rng, index)}'
                f'  </heritage-item>\n')
    return (f'  <station id="station:post-{index}" type="{rng.choice(STATION_TYPES)}">\n{common}'
            f'    <address xml:lang="zh">福州市{district}{text(rng, 4, 10)}路{rng.randint(1, 300)}号</address>\n'
            f'    <contact phone="0591-{rng.randint(10000000, 99999999)}" hours="9:00-17:00"/>\n'
            f'    <serves ref="{rng.choice(gi_ids)}" role="{rng.choice(ROLES)}"/>\n'
            f'  </station>\n')


MEDIA_FILES = 50


def media(rng, index):
    """A media element for 10% of the heritage items of --realistic (a quarter of all records
    with media, counting the items' share of 40%), naming one of the small files beside --out."""
    if not STYLE.realistic or rng.random() >= 0.25:
        return ""
    return (f'    <media href="media/photo-{rng.randrange(MEDIA_FILES):02d}.jpg" type="image/jpeg"'
            f' title="影像 {index}"/>\n')


def write_media(folder, seed):
    rng = random.Random(seed + 2000)
    os.makedirs(folder, exist_ok=True)
    for number in range(MEDIA_FILES):
        with open(os.path.join(folder, f"photo-{number:02d}.jpg"), "wb") as handle:
            handle.write(rng.randbytes(rng.randint(20_000, 200_000)))


def main():
    global STYLE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="-")
    parser.add_argument("--realistic", action="store_true",
                        help="Zipf-distributed characters and words, 5%% traditional, 10%% with media")
    args = parser.parse_args()
    if args.realistic and args.out == "-":
        parser.error("--realistic writes media files beside the records: give --out")
    STYLE = Style(args.realistic, args.seed)
    if args.realistic:
        write_media(os.path.join(os.path.dirname(os.path.abspath(args.out)), "media"), args.seed)
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
