"""Small articles written for the tests, and helpers that save them in various encodings."""

from __future__ import annotations

from pathlib import Path

SAVED_PAGE_ZH = """当前位置: 华文天下 > 国际

湖畔小城举办国际风筝节,三十多个国家的队伍同场竞技

2024-10-26国际

本周末,湖畔小城迎来了第十届国际风筝节,来自三十多个国家和地区的队伍携带各自的作品参加比赛。

与往年不同的是,今年的比赛增加了夜间项目,带灯的风筝在湖面上空组成了一条发光的长龙。

【传统工艺与新材料相结合】

不少参赛者使用竹篾和宣纸制作骨架与蒙面,也有队伍尝试碳纤维和轻质尼龙,让风筝在弱风中也能稳定升空。

组委会表示,明年将邀请更多学校参与,让孩子们亲手制作风筝,了解这项古老的手艺。

想了解更多精彩内容,快来关注华文天下
"""

TITLE_ZH = "湖畔小城举办国际风筝节,三十多个国家的队伍同场竞技"

PLAIN_EN = """Morning light on the old harbour

The fishing boats leave before sunrise, and by seven the quay is quiet again.

Tourists arrive later, drawn by the painted warehouses and the smell of fresh bread.
"""


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def to_traditional(text: str) -> str:
    import opencc  # only the tests that need Big5 pay for it

    return str(opencc.OpenCC("s2tw").convert(text))
