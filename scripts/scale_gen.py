#!/usr/bin/env python3
"""Hostile inputs at scale for scripts/scale.sh: deterministic, written once per folder.

    scale_gen.py tree DIR FILES        a tree of FILES files: mini-programs, loose code, node_modules
    scale_gen.py minified DIR MB       one single-line minified script of MB megabytes
    scale_gen.py template DIR MB       one TTML template of MB megabytes
    scale_gen.py app DIR PAGES         one mini-program of PAGES pages (when gen_corpus.py is absent)

Every case plants known findings (tt.pay, drainage wording) so the run has something to report,
and the script checks they are reported.
"""

import json
import os
import random
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


PAGE_JS = """const pay = require('../../utils/pay.js');
Page({{
  data: {{ list: [], n: {i} }},
  onLoad() {{ this.setData({{ n: {i} + 1 }}); }},
  buy() {{ pay.order('{i}'); }},
}});
"""

PAGE_TTML = """<view class="page">
  <view tt:for="{{{{list}}}}" tt:key="id">{{{{item.name}}}} {i}</view>
  <button bindtap="buy">购买</button>
</view>
"""

LOOSE_JS = """// loose module {i}
export function f{i}(a, b) {{
  const c = a + b * {i};
  return c > 10 ? tt.showToast({{ title: 'ok {i}' }}) : null;
}}
"""

LOOSE_TTML = """<view class="c{i}"><text>{{{{a}}}} {i}</text></view>
"""


def tree(out, files):
    """Mini-programs of 1,000 pages each take 30% of the files, loose scripts and templates in
    nested folders most of the rest, and a node_modules (pruned, never read) the remainder."""
    count = 0
    apps = max(1, files * 3 // 10 // 3001)
    for a in range(apps):
        root = f"{out}/apps/app{a}"
        pages = [f"pages/p{i}/p{i}" for i in range(1000)]
        write(f"{root}/app.json", json.dumps({"pages": pages}))
        write(f"{root}/utils/pay.js", "exports.order = function (id) { tt.pay({ orderInfo: id }); };\n")
        count += 2
        for i in range(1000):
            stem = f"{root}/pages/p{i}/p{i}"
            write(stem + ".js", PAGE_JS.format(i=i))
            write(stem + ".ttml", PAGE_TTML.format(i=i))
            write(stem + ".json", "{}\n")
            count += 3
    modules = max(0, files - count - files // 20)
    for i in range(modules):
        d = f"{out}/libs/g{i // 1000}/s{(i // 100) % 10}"
        if i % 2:
            write(f"{d}/m{i}.ttml", LOOSE_TTML.format(i=i))
        else:
            write(f"{d}/m{i}.js", LOOSE_JS.format(i=i))
        count += 1
    write(f"{out}/libs/pay.js", "tt.pay({});\n")
    count += 1
    i = 0
    while count < files:
        write(f"{out}/node_modules/pkg{i // 500}/lib/f{i}.js", "tt.pay({});\n")
        count += 1
        i += 1
    print(f"tree: {count} files in {out}")


def minified(out, mb):
    """A bundle as minifiers write it: one line of functions, objects, strings and calls, with a
    `tt.pay` in every hundred statements (thousands of findings on the one line)."""
    rnd = random.Random(7)
    parts = ['!function(e){"use strict";var t={};']
    size = len(parts[0])
    target = mb * 1024 * 1024
    i = 0
    while size < target:
        k = rnd.randrange(6)
        if i % 100 == 99:
            s = f'tt.pay({{orderInfo:t.m{i}}});'
        elif k == 0:
            s = f'function a{i}(e,t){{var n=e+t*{i};return n>{i}?e:t}}'
        elif k == 1:
            s = f't.m{i}={{id:{i},name:"商品{i}",list:[{i},{i + 1},"x"],ok:!0,f:function(){{return this.id}}}};'
        elif k == 2:
            s = f'tt.showToast({{title:"ok{i}",icon:"none"}});'
        elif k == 3:
            s = f'e.s{i}=(function(n){{for(var r=0;r<n.length;r++)if(n[r]==={i})return r;return-1}})([1,2,3]);'
        elif k == 4:
            s = f'var c{i}=e&&e.a?e.a.b{i}:void 0;'
        else:
            s = f'"use_{i}"in t&&(t.u{i}=t.u{i}||[]);'
        parts.append(s)
        size += len(s.encode())
        i += 1
    parts.append('tt.pay({orderInfo:t});}(this);')
    write(f"{out}/bundle.min.js", "".join(parts))
    print(f"minified: {size / 1048576:.1f} MB, one line")


def template(out, mb):
    """A template of many nested blocks: conditions, lists, expressions, components, text."""
    head = "<view class=\"root\">\n"
    block = (
        '<view class="item-{i}" tt:if="{{{{show && list.length > {i}}}}}">\n'
        '  <block tt:for="{{{{list}}}}" tt:key="id"><text>{{{{item.name + {i}}}}} 商品 {i}</text></block>\n'
        '  <image src="{{{{item.pic}}}}" mode="aspectFill" />\n'
        '  <button bindtap="buy" data-id="{i}">立即购买</button>\n'
        "</view>\n"
    )
    parts = [head, "<view>添加客服微信 starshop 领券</view>\n"]
    size = sum(len(p.encode()) for p in parts)
    target = mb * 1024 * 1024
    i = 0
    while size < target:
        s = block.format(i=i)
        parts.append(s)
        size += len(s.encode())
        i += 1
    parts.append("</view>\n")
    write(f"{out}/page.ttml", "".join(parts))
    print(f"template: {size / 1048576:.1f} MB, {i} blocks")


def app(out, pages):
    names = [f"pages/p{i:05}/index" for i in range(pages)]
    write(f"{out}/app.json", json.dumps({"pages": names}))
    write(f"{out}/utils/pay.js", "exports.order = function (id) { tt.pay({ orderInfo: id }); };\n")
    for i, name in enumerate(names):
        write(f"{out}/{name}.js", PAGE_JS.format(i=i))
        write(f"{out}/{name}.ttml", PAGE_TTML.format(i=i))
    print(f"app: {pages} pages")


def main():
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"tree": tree, "minified": minified, "template": template, "app": app}[kind](out, n)


if __name__ == "__main__":
    main()
