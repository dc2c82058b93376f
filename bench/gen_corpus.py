#!/usr/bin/env python3
"""Generate a synthetic Douyin-style mini-program corpus for benchmarks.

The same pages in three dialects (--dialect; the pages' code, words and handlers are the same in
each, only the file format differs):

  native  OUT/pages/pNNNNN/index.{js|ts}   (2-10 KB, Page({...}) with tt.* calls)
          OUT/pages/pNNNNN/index.ttml      (matching template)
          OUT/app.json                     (with --app)
  uni     OUT/pages/pNNNNN/index.vue       (<template> in Vue syntax, <script> with the same code
                                            as an options object, methods under `methods`)
          OUT/pages.json                   (with --app)
  taro    OUT/pages/pNNNNN/index.tsx       (a React class component: the same code as methods,
                                            the template as JSX in render())
          OUT/app.config.ts                (with --app)

  OUT/utils/*.js     (with --app: the modules pages import, so the project pass runs)
  OUT/manifest.json  (ground truth: real tt.pay(...) calls etc.; bytes per file extension)

Deterministic for a given --seed: the native output is byte-identical to the shared generator's.
Usage:
    python3 gen_corpus.py --out target/bench-corpus --pages 5000 --seed 42 --app --dialect uni
"""
import argparse
import json
import os
import random

API_SIMPLE = [
    "showToast", "hideToast", "showLoading", "hideLoading", "getStorageSync",
    "setStorageSync", "removeStorageSync", "getSystemInfoSync", "vibrateShort",
    "stopPullDownRefresh", "pageScrollTo", "setNavigationBarTitle",
]
WORDS = ["order", "goods", "cart", "user", "coupon", "shop", "video", "live",
         "comment", "address", "profile", "search", "detail", "list", "feed",
         "wallet", "ticket", "hotel", "flight", "course", "lesson", "member"]
FIELDS = ["id", "title", "price", "count", "status", "cover", "desc", "tags",
          "author", "createdAt", "total", "page", "pageSize", "hasMore", "loading"]


class Page:
    def __init__(self, rnd, idx, ts):
        self.r = rnd
        self.idx = idx
        self.ts = ts
        self.truth = {"tt.pay": 0, "tt.requestOrder": 0, "tt.request": 0,
                      "tt.navigateTo": 0, "tt.pay.comment_or_string": 0,
                      "tt.pay.computed": 0, "tt.pay.optional": 0, "tt.pay.alias": 0}
        self.handlers = []

    def w(self):
        return self.r.choice(WORDS)

    def f(self):
        return self.r.choice(FIELDS)

    def ann(self, t):
        return f": {t}" if self.ts else ""

    def data_block(self):
        """The page's data entries, one `key: value` each."""
        lines = []
        for _ in range(self.r.randint(4, 12)):
            k = self.w() + self.f().capitalize()
            v = self.r.choice([
                "''", "0", "false", "true", "[]", "null", "{}",
                f"'{self.w()}'", str(self.r.randint(1, 500)),
                f"{{ {self.f()}: {self.r.randint(0, 9)}, {self.f()}: '{self.w()}' }}",
            ])
            lines.append(f"{k}: {v},")
        return list(dict.fromkeys(lines))

    def request(self, name):
        self.truth["tt.request"] += 1
        w = self.w()
        method = self.r.choice(["GET", "POST"])
        return (
            f"    tt.request({{\n"
            f"      url: `${{BASE_URL}}/api/{w}/{self.w()}`,\n"
            f"      method: '{method}',\n"
            f"      header: {{ 'content-type': 'application/json', token: tt.getStorageSync('token') }},\n"
            f"      data: {{ page: this.data.page || 1, pageSize: 20, keyword: this.data.keyword }},\n"
            f"      success: (res{self.ann('any')}) => {{\n"
            f"        const {{ code, data = {{}}, msg }} = res.data || {{}};\n"
            f"        if (code !== 0) {{\n"
            f"          tt.showToast({{ title: msg || '加载失败', icon: 'none' }});\n"
            f"          return;\n"
            f"        }}\n"
            f"        const list = (data.list || []).map((item{self.ann('any')}) => ({{ ...item, {self.f()}: item.{self.f()} ?? 0 }}));\n"
            f"        this.setData({{ {w}List: [...this.data.{w}List || [], ...list], hasMore: !!data.hasMore }});\n"
            f"      }},\n"
            f"      fail: (err{self.ann('any')}) => {{\n"
            f"        console.error('[{name}] request failed', err && err.errMsg);\n"
            f"      }},\n"
            f"      complete: () => tt.hideLoading(),\n"
            f"    }});\n"
        )

    def navigate(self):
        self.truth["tt.navigateTo"] += 1
        return (f"    tt.navigateTo({{ url: `/pages/{self.w()}/index?id=${{id}}&from={self.w()}` }});\n")

    def pay(self):
        r = self.r.random()
        if r < 0.70:
            self.truth["tt.pay"] += 1
            return (
                "    tt.pay({\n"
                "      orderInfo: { order_id: orderId, order_token: token },\n"
                "      service: 5,\n"
                "      success: (res) => {\n"
                "        if (res.code === 0) { tt.showToast({ title: '支付成功' }); }\n"
                "      },\n"
                "      fail: (e) => console.warn('pay fail', e),\n"
                "    });\n")
        elif r < 0.80:
            self.truth["tt.pay.computed"] += 1
            return "    tt['pay']({ orderInfo: { order_id: orderId }, service: 5 });\n"
        elif r < 0.90:
            self.truth["tt.pay.optional"] += 1
            return "    tt?.pay?.({ orderInfo: { order_id: orderId }, service: 5 });\n"
        else:
            self.truth["tt.pay.alias"] += 1
            return "    const api = tt;\n    api.pay({ orderInfo: { order_id: orderId }, service: 5 });\n"

    def request_order(self):
        self.truth["tt.requestOrder"] += 1
        return (
            "    tt.requestOrder({\n"
            "      data: JSON.stringify({ skuList: this.data.skuList, payment: { totalAmount: total } }),\n"
            "      byteAuthorization: auth,\n"
            "      success: ({ orderId, itemOrderList }) => this.setData({ orderId, itemOrderList }),\n"
            "      fail: ({ errNo, errMsg }) => tt.showModal({ title: '下单失败', content: `${errNo}: ${errMsg}` }),\n"
            "    });\n")

    def method(self):
        name = "on" + self.w().capitalize() + self.r.choice(["Tap", "Change", "Load", "Submit", "Refresh"])
        name += str(len(self.handlers))
        self.handlers.append(name)
        is_async = self.r.random() < 0.3
        body = []
        if self.ts:
            arg = "e: any"
        else:
            arg = "e"
        body.append(f"    const {{ id }} = (e && e.currentTarget && e.currentTarget.dataset) || {{}};\n")
        body.append("    const token = tt.getStorageSync('token');\n")
        for _ in range(self.r.randint(1, 4)):
            c = self.r.random()
            if c < 0.35:
                body.append(self.request(name))
            elif c < 0.55:
                body.append(self.navigate())
            elif c < 0.70:
                body.append(f"    tt.{self.r.choice(API_SIMPLE)}({{ title: '{self.w()}' }});\n")
            elif c < 0.80:
                body.append(f"    // TODO: maybe call tt.pay here once {self.w()} flow is ready\n")
                self.truth["tt.pay.comment_or_string"] += 1
            elif c < 0.85:
                body.append(f"    if (!id) {{ console.log('skip tt.pay: no {self.w()} id'); return; }}\n")
                self.truth["tt.pay.comment_or_string"] += 1
            else:
                body.append(
                    f"    for (let i = 0; i < (this.data.{self.w()}List || []).length; i++) {{\n"
                    f"      const it = this.data.{self.w()}List[i];\n"
                    f"      if (it.{self.f()} > {self.r.randint(1, 99)}) {{ this.setData({{ ['{self.w()}List[' + i + '].{self.f()}']: true }}); }}\n"
                    f"    }}\n")
        if self.r.random() < 0.09:
            body.append("    const orderId = this.data.orderId;\n")
            body.append(self.pay())
        if self.r.random() < 0.05:
            body.append("    const total = this.data.total, auth = this.data.auth;\n")
            body.append(self.request_order())
        if is_async:
            body.append(f"    await new Promise((resolve) => setTimeout(resolve, {self.r.randint(10, 500)}));\n")
        return f"  {'async ' if is_async else ''}{name}({arg}) {{\n" + "".join(body) + "  },\n"

    def render(self, target):
        """Draws the page's code, as the shared generator does, and keeps it in parts that every
        dialect lays out its own way: the head (imports, constants), the data entries, the
        lifecycle hooks and the handlers (each `name(args) {...},` indented for an object
        literal)."""
        head = []
        if self.ts:
            head.append("interface PageData { [key: string]: any }\n")
            head.append(f"type Item = {{ id: number; {self.f()}: string; {self.f()}?: number }};\n")
        head.append(f"const app = getApp();\nconst BASE_URL{self.ann('string')} = 'https://api.example.com/v{self.r.randint(1,3)}';\n")
        head.append(f"import {{ format{self.w().capitalize()} }} from '../../utils/{self.w()}';\n\n")
        self.head = "".join(head)
        self.data = self.data_block()
        self.hooks = [
            "  onLoad(options) {\n    this.setData({ id: options.id || '' });\n" + self.request("onLoad") + "  },\n",
            "  onShow() {\n    tt.setNavigationBarTitle({ title: '" + self.w() + "' });\n  },\n",
            "  onPullDownRefresh() {\n    this.setData({ page: 1 });\n    tt.stopPullDownRefresh();\n  },\n",
        ]
        self.methods = []
        size = len((self.native_script()).encode())
        while size < target:
            self.methods.append(self.method())
            size += len(self.methods[-1].encode())
        self.share = ("  onShareAppMessage() {\n    return { title: '" + self.w() + "', path: `/pages/"
                      + self.w() + "/index` };\n  },\n")

    def native_script(self, closed=False):
        data = "  data: {\n" + "\n".join("    " + line for line in self.data) + "\n  },\n"
        s = self.head + "Page({\n" + data + "".join(self.hooks) + "".join(self.methods)
        if closed:
            s += self.share + "});\n"
        return s

    def template(self):
        """Draws the template's list (after the code, as the shared generator does)."""
        self.list = self.w()
        self.first = self.handlers[0] if self.handlers else "onTap"

    def ttml(self):
        parts = ['<view class="container">\n',
                 '  <view class="header"><text class="title">{{title}}</text></view>\n',
                 f'  <block tt:for="{{{{{self.list}List}}}}" tt:key="id">\n'
                 f'    <view class="item" bindtap="{self.first}" data-id="{{{{item.id}}}}">\n'
                 '      <image class="cover" src="{{item.cover}}" mode="aspectFill" lazy-load />\n'
                 '      <text class="name">{{item.title}}</text>\n'
                 '      <text class="price" tt:if="{{item.price > 0}}">¥{{item.price}}</text>\n'
                 '      <text class="price free" tt:else>免费</text>\n'
                 '    </view>\n  </block>\n']
        for h in self.handlers:
            parts.append(f'  <button class="btn" type="primary" bindtap="{h}" data-id="{{{{id}}}}">{h}</button>\n')
        parts.append('  <view tt:if="{{loading}}" class="loading">加载中...</view>\n')
        parts.append('  <view tt:if="{{!hasMore}}" class="end">没有更多了</view>\n</view>\n')
        return "".join(parts)

    def vue(self):
        """A uni-app single-file component: the template in Vue syntax, the code as an options
        object (data(), hooks, `methods`)."""
        t = ['<template>\n<view class="container">\n',
             '  <view class="header"><text class="title">{{title}}</text></view>\n',
             f'  <block v-for="item in {self.list}List" :key="item.id">\n'
             f'    <view class="item" @tap="{self.first}" :data-id="item.id">\n'
             '      <image class="cover" :src="item.cover" mode="aspectFill" lazy-load />\n'
             '      <text class="name">{{item.title}}</text>\n'
             '      <text class="price" v-if="item.price > 0">¥{{item.price}}</text>\n'
             '      <text class="price free" v-else>免费</text>\n'
             '    </view>\n  </block>\n']
        for h in self.handlers:
            t.append(f'  <button class="btn" type="primary" @tap="{h}" :data-id="id">{h}</button>\n')
        t.append('  <view v-if="loading" class="loading">加载中...</view>\n')
        t.append('  <view v-if="!hasMore" class="end">没有更多了</view>\n</view>\n</template>\n\n')
        data = ("  data() {\n    return {\n" + "\n".join("      " + line for line in self.data)
                + "\n    };\n  },\n")
        methods = "  methods: {\n" + "".join(indent(m) for m in self.methods) + "  },\n"
        lang = ' lang="ts"' if self.ts else ''
        script = (f"<script{lang}>\n" + self.head + "export default {\n"
                  + data + "".join(self.hooks) + methods + self.share + "};\n</script>\n")
        return "".join(t) + script

    def tsx(self):
        """A Taro page: a React class component with the code as methods and the template as
        JSX."""
        members = [m[:-2] + "\n" for m in self.hooks + self.methods + [self.share]]  # `},` → `}`
        state = "  state = {\n" + "\n".join("    " + line for line in self.data) + "\n  };\n\n"
        jsx = ['  render() {\n    return (\n      <View className="container">\n',
               '        <View className="header"><Text className="title">{this.state.title}</Text></View>\n',
               f'        {{(this.state.{self.list}List || []).map((item) => (\n'
               f'          <View key={{item.id}} className="item" onClick={{this.{self.first}}} data-id={{item.id}}>\n'
               '            <Image className="cover" src={item.cover} mode="aspectFill" lazyLoad />\n'
               '            <Text className="name">{item.title}</Text>\n'
               '            {item.price > 0 ? <Text className="price">¥{item.price}</Text> : <Text className="price free">免费</Text>}\n'
               '          </View>\n        ))}\n']
        for h in self.handlers:
            jsx.append(f'        <Button className="btn" type="primary" onClick={{this.{h}}} data-id={{this.state.id}}>{h}</Button>\n')
        jsx.append('        {this.state.loading && <View className="loading">加载中...</View>}\n')
        jsx.append('        {!this.state.hasMore && <View className="end">没有更多了</View>}\n'
                   '      </View>\n    );\n  }\n')
        return ("import { Component } from 'react';\n"
                "import { View, Text, Button, Image } from '@tarojs/components';\n" + self.head
                + f"export default class P{self.idx:05d} extends Component {{\n" + state
                + "".join(members) + "".join(jsx) + "}\n")


def indent(block):
    return "".join("  " + line if line.strip() else line for line in block.splitlines(True))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--ts-ratio", type=float, default=0.10)
    ap.add_argument("--dialect", choices=["native", "uni", "taro"], default="native",
                    help="native: .js/.ts + .ttml + app.json; uni: .vue + pages.json; "
                         "taro: .tsx + app.config.ts (the same pages in each)")
    ap.add_argument("--app", action="store_true",
                    help="also write the app's configuration listing every page and the utils/ modules pages "
                         "import, so the corpus is one mini-program and the project pass runs (pages are unchanged)")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    totals = {}
    nbytes = {}

    def write(path, text):
        ext = path.rsplit(".", 1)[1]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        nbytes[ext] = nbytes.get(ext, 0) + len(text.encode())

    for i in range(a.pages):
        ts = rnd.random() < a.ts_ratio
        p = Page(rnd, i, ts)
        p.render(rnd.randint(2000, 10000))
        p.template()
        d = os.path.join(a.out, "pages", f"p{i:05d}")
        if a.dialect == "native":
            write(os.path.join(d, f"index.{'ts' if ts else 'js'}"), p.native_script(closed=True))
            write(os.path.join(d, "index.ttml"), p.ttml())
        elif a.dialect == "uni":
            write(os.path.join(d, "index.vue"), p.vue())
        else:
            write(os.path.join(d, "index.tsx"), p.tsx())
        for k, v in p.truth.items():
            totals[k] = totals.get(k, 0) + v
    if a.app:
        routes = [f"pages/p{i:05d}/index" for i in range(a.pages)]
        if a.dialect == "native":
            app = {"pages": routes, "window": {"navigationBarTitleText": "bench"}}
            with open(os.path.join(a.out, "app.json"), "w", encoding="utf-8") as fh:
                json.dump(app, fh, indent=1)
        elif a.dialect == "uni":
            app = {"pages": [{"path": r} for r in routes], "globalStyle": {"navigationBarTitleText": "bench"}}
            with open(os.path.join(a.out, "pages.json"), "w", encoding="utf-8") as fh:
                json.dump(app, fh, indent=1)
        else:
            with open(os.path.join(a.out, "app.config.ts"), "w", encoding="utf-8") as fh:
                fh.write("export default defineAppConfig({\n  pages: [\n"
                         + "".join(f"    '{r}',\n" for r in routes)
                         + "  ],\n  window: { navigationBarTitleText: 'bench' },\n});\n")
        os.makedirs(os.path.join(a.out, "utils"), exist_ok=True)
        for w in WORDS:
            with open(os.path.join(a.out, "utils", f"{w}.js"), "w", encoding="utf-8") as fh:
                fh.write(f"export function format{w.capitalize()}(value) {{\n"
                         f"  if (value == null) return '';\n"
                         f"  return String(value).trim();\n}}\n")
    manifest = {"pages": a.pages, "seed": a.seed, "app": a.app, "dialect": a.dialect,
                "bytes": nbytes, "truth": totals}
    with open(os.path.join(a.out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=2)
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
