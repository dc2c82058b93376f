//! Throughput benchmarks. Numbers are ratios against a baseline measured in the same run, because
//! the machines are noisy: `cargo bench --bench lint`.
//!
//! - TTML linearity: parse time per byte of a 5 MB template against a 1 MB one (≈ 1.0 = linear).
//! - A whole run: linting a generated 400-page mini-program against reading and parsing each of its
//!   files once on one thread (the floor: parsing is most of a lint run), on one and two threads.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use ttlint::base::source::FileKind;
use ttlint::engine::lint::{LintOptions, lint};

/// The allocator the `ttlint` binary ships with.
#[global_allocator]
static ALLOCATOR: ttlint::base::alloc::Mimalloc = ttlint::base::alloc::Mimalloc;

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

const BLOCK: &str = r#"<view class="item" tt:for="{{list}}" tt:key="id" bindtap="open" data-id="{{item.id}}">
  <image src="{{item.cover}}" mode="aspectFill" />
  <text class="title">{{item.title}}</text>
  <view tt:if="{{item.price > 0}}" class="price">¥{{item.price}}</view>
  <view tt:else class="free">免费领取</view>
  <!-- 商品卡片 -->
</view>
"#;

fn template(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + BLOCK.len());
    s.push_str("<view class=\"page\">\n");
    while s.len() < bytes {
        s.push_str(BLOCK);
    }
    s.push_str("</view>\n");
    s
}

fn ttml_linearity() {
    let small = template(1 << 20);
    let large = template(5 << 20);
    let t_small = best_of(5, || ttlint::syntax::markup::ttml::parse(&small, 0));
    let t_large = best_of(5, || ttlint::syntax::markup::ttml::parse(&large, 0));
    let per_byte = |t: Duration, n: usize| t.as_secs_f64() / n as f64;
    let ratio = per_byte(t_large, large.len()) / per_byte(t_small, small.len());
    println!(
        "ttml parse: 1 MB {:.1} MB/s, 5 MB {:.1} MB/s; time per byte 5 MB / 1 MB = {ratio:.2} (1.00 = linear)",
        small.len() as f64 / t_small.as_secs_f64() / 1e6,
        large.len() as f64 / t_large.as_secs_f64() / 1e6,
    );
}

const PAGE_JS: &str = r#"const { request } = require('../../utils/request');
Page({
  data: { list: [], loading: false },
  onLoad(query) {
    this.setData({ loading: true });
    request('/goods', { id: query.id }).then((list) => this.setData({ list, loading: false }));
  },
  open(event) {
    const { id } = event.currentTarget.dataset;
    tt.navigateTo({ url: `/pages/detail/detail?id=${id}` });
  },
  buy() {
    tt.showModal({ title: '确认购买', content: '确认购买该商品吗？', success: (r) => r.confirm && this.pay() });
  },
  pay() {
    tt.requestOrder({ data: this.data.order, byteAuthorization: this.data.auth, success: ({ orderId }) => tt.getOrderPayment({ orderId }) });
  },
});
"#;

fn project(dir: &Path, pages: usize) -> usize {
    let write = |p: &str, s: &str| {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, s).unwrap();
        s.len()
    };
    let mut bytes = 0;
    let names: Vec<String> = (0..pages).map(|i| format!("\"pages/p{i}/p{i}\"")).collect();
    bytes += write("app.json", &format!("{{\"pages\":[{}]}}", names.join(",")));
    bytes += write(
        "utils/request.js",
        "module.exports = { request: (url, data) => new Promise((resolve) => tt.request({ url: 'https://api.example.cn' + url, data, success: (r) => resolve(r.data) })) };\n",
    );
    for i in 0..pages {
        bytes += write(&format!("pages/p{i}/p{i}.js"), PAGE_JS);
        bytes += write(&format!("pages/p{i}/p{i}.ttml"), &BLOCK.repeat(8));
        bytes += write(
            &format!("pages/p{i}/p{i}.json"),
            "{ \"navigationBarTitleText\": \"商品\" }",
        );
    }
    bytes
}

fn whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = project(dir.path(), 400);
    let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let baseline = best_of(5, || {
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            match FileKind::from_path(path) {
                Some(FileKind::Script) => {
                    black_box(ttlint::syntax::js::parse::with_arena(|arena| {
                        ttlint::syntax::js::parse::parse(arena, &text, 0, FileKind::Script).is_ok()
                    }))
                }
                Some(FileKind::Ttml) => black_box(
                    ttlint::syntax::markup::ttml::parse(&text, 0)
                        .errors
                        .is_empty(),
                ),
                _ => black_box(
                    ttlint::syntax::json::parse(&text, 0, ttlint::syntax::json::Dialect::Strict)
                        .is_ok(),
                ),
            };
        }
    });
    let options = |threads| LintOptions {
        threads: Some(threads),
        ..LintOptions::new(
            vec![dir.path().to_path_buf()],
            dir.path().to_path_buf(),
            std::sync::Arc::new(ttlint::base::vfs::Vfs::disk()),
        )
    };
    let one = best_of(5, || lint(&options(1)).map(|r| r.diagnostics.len()));
    let two = best_of(5, || lint(&options(2)).map(|r| r.diagnostics.len()));
    println!(
        "whole run over {:.1} MB, 400 pages: reading and parsing every file once {:.0} ms; lint on 1 thread = {:.2}× that, on 2 threads = {:.2}×",
        bytes as f64 / 1e6,
        baseline.as_secs_f64() * 1e3,
        one.as_secs_f64() / baseline.as_secs_f64(),
        two.as_secs_f64() / baseline.as_secs_f64(),
    );
}

fn main() {
    ttlint::base::alloc::use_small_pages();
    ttlint::base::alloc::return_freed_memory_soon();
    ttml_linearity();
    whole_run();
}
