use crate::analysis::context::FileContext;
use crate::base::data::CustomerServiceData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::{Codes, Message};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::project::framework::Framework;
use crate::rules::rule::Rule;
use crate::syntax::markup::{Element, Value, hyphenate};

pub struct ImButtonInvalid;

pub static META: RuleMeta = RuleMeta {
    id: "im-button-invalid",
    default_severity: Severity::Error,
    category: Category::Service,
    fix: FixKind::None,
    summary: "an `open-type=\"im\"` button without a usable `data-im-id` (missing, empty, `xxx`, `抖音号`…), or a `data-im-type` card without its id",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service",
    docs: r#"## What it does
Checks every `<button open-type="im">`:

- `data-im-id` (the customer-service Douyin account, 抖音号) must be present and usable: not
  empty, and not a placeholder such as `xxx`, `抖音号`, `客服的抖音号` or `your_id`. A `{{ }}`
  binding is usable: ttlint cannot see its value.
- `data-im-type="goods"` (a goods card) needs `data-goods-id`; `data-im-type="order"` (an order
  card) needs `data-order-id`; any other `data-im-type` is unknown to the platform.

When the button has no `binderror` handler, the help says so: failures are otherwise silent.

Buttons from UI libraries count as what they render (`rules/frameworks.json`,
`wrapperButtons`): NutUI's uni-app `<nut-button open-type="im" :data-im-id="…">` passes the
account on and is checked like a native button; uView's `<u-button>`, wot-design's
`<wd-button>` and others pass `open-type` but drop `data-im-id`, and Taro UI's `<AtButton>`
renders no native button on Douyin, so an IM button written with them is reported. In Taro,
`<Button openType="im" data-im-id={…}>` is reported too: Taro's generated template has no slot
for `data-im-id` on Douyin (NervJS/taro#14118).

## Why is this bad?
The button fails at run time with `params invalid`: the user taps "联系客服" and nothing
happens. A reviewer who tries it sees customer service that does not work, which counts as no
customer service.

## Example
```html
<button open-type="im" data-im-id="xxx">联系客服</button>
<button open-type="im" data-im-id="{{imId}}" data-im-type="order">订单咨询</button>
```

## Use instead
```html
<button open-type="im" data-im-id="{{imId}}" binderror="onImError">联系客服</button>
<button open-type="im" data-im-id="{{imId}}" data-im-type="order" data-order-id="{{order.id}}" binderror="onImError">订单咨询</button>
```

## References
- IM customer-service button: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service
"#,
};

/// Whether a static `data-im-id` is a placeholder rather than an account.
fn placeholder(value: &str, data: &CustomerServiceData) -> bool {
    let v = value.trim().to_lowercase();
    v.contains("抖音号")
        || (!v.is_empty() && v.chars().all(|c| c == 'x'))
        || data.placeholder_ids.iter().any(|p| p.to_lowercase() == v)
}

/// What is wrong with an attribute that must carry a value: absent, empty, or a placeholder.
enum Problem {
    Missing,
    Empty(Span),
    Placeholder(Span, String),
}

fn value_problem(element: &Element, name: &str, data: &CustomerServiceData) -> Option<Problem> {
    let Some(attr) = element.attr(name) else {
        return Some(Problem::Missing);
    };
    match &attr.value {
        Value::Empty => Some(Problem::Empty(attr.name_span)),
        Value::Bound { .. } => None,
        Value::Static { text, .. } if text.trim().is_empty() => Some(Problem::Empty(attr.span())),
        Value::Static { text, .. } if placeholder(text, data) => {
            Some(Problem::Placeholder(attr.span(), text.to_string()))
        }
        Value::Static { .. } => None,
    }
}

impl Rule for ImButtonInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(doc) = cx.markup() else { return };
        let data = &cx.data.customer_service;
        for (node, element) in doc.elements() {
            if !doc.target(node).ships_to_douyin() {
                continue;
            }
            // The attribute the account goes in: `data-im-id`, or a library button's prop.
            let id_attr = if element.tag == "button" {
                if element.static_attr("open-type").map(str::trim) != Some("im") {
                    continue;
                }
                if cx.framework == Framework::Taro && !data.taro_button_reaches_im {
                    out.push(
                        Diagnostic::new(
                            &META,
                            cx.id,
                            element.tag_span,
                            messages::im_button_invalid_taro_button(),
                        )
                        .with_help(messages::im_button_invalid_native_help(cx.framework.id())),
                    );
                    continue;
                }
                "data-im-id".to_string()
            } else {
                let Some(wrapper) = data.wrapper_button(&element.tag, cx.framework.id()) else {
                    continue;
                };
                let asks_for_im = wrapper
                    .open_type_prop
                    .as_deref()
                    .and_then(|prop| element.static_attr(&hyphenate(prop)))
                    .is_some_and(|t| t.trim() == "im");
                if !asks_for_im {
                    continue;
                }
                match &wrapper.im_id_prop {
                    Some(prop) if wrapper.native_button_on_douyin => prop.clone(),
                    _ => {
                        // The tag as the user wrote it (`AtButton`, not the model's `at-button`).
                        let tag = cx.source.slice(element.tag_span);
                        let library = wrapper.library.as_str();
                        let message = if wrapper.native_button_on_douyin {
                            messages::im_button_invalid_wrapper_drops_id(tag, library)
                        } else {
                            messages::im_button_invalid_wrapper_no_button(tag, library)
                        };
                        out.push(
                            Diagnostic::new(&META, cx.id, element.tag_span, message).with_help(
                                messages::im_button_invalid_native_help(cx.framework.id()),
                            ),
                        );
                        continue;
                    }
                }
            };
            let handler = if element.event("error").is_some() {
                "present"
            } else {
                "missing"
            };
            let mut report = |span: Span, message: Message, help: Message| {
                out.push(Diagnostic::new(&META, cx.id, span, message).with_help(help));
            };
            let id_help = || messages::im_button_invalid_id_help(handler);
            match value_problem(element, &id_attr, data) {
                Some(Problem::Missing) => report(
                    element.tag_span,
                    messages::im_button_invalid_missing_id(),
                    id_help(),
                ),
                Some(Problem::Empty(span)) => {
                    report(span, messages::im_button_invalid_empty_id(), id_help())
                }
                Some(Problem::Placeholder(span, value)) => report(
                    span,
                    messages::im_button_invalid_placeholder_id(value),
                    id_help(),
                ),
                None => {}
            }
            let Some(im_type) = element.attr("data-im-type") else {
                continue;
            };
            let Some(kind) = im_type.value.static_text() else {
                continue;
            };
            let kind = kind.trim();
            match data.card_types.get(kind) {
                Some(required) => {
                    if matches!(
                        value_problem(element, required, data),
                        Some(Problem::Missing | Problem::Empty(_))
                    ) {
                        report(
                            im_type.span(),
                            messages::im_button_invalid_card_needs_id(kind, required),
                            messages::im_button_invalid_card_needs_id_help(required, kind, handler),
                        );
                    }
                }
                None => {
                    let known: Vec<String> = data.card_types.keys().cloned().collect();
                    report(
                        im_type.span(),
                        messages::im_button_invalid_unknown_card(kind),
                        messages::im_button_invalid_unknown_card_help(Codes(known), handler),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, tsx, ttml, vue};

    #[test]
    fn cases() {
        let mut fail = vec![
            ttml("<button open-type=\"im\">客服</button>"),
            ttml("<button open-type=\"im\" data-im-id=\"\">客服</button>"),
            ttml("<button open-type=\"im\" data-im-id>客服</button>"),
            ttml(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"goods\">x</button>",
            ),
            ttml(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"order\" data-order-id=\"\">x</button>",
            ),
            ttml(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"coupon\">x</button>",
            ),
            ttml("<button open-type=\"im\" data-im-id=\"xxx\" binderror=\"e\">客服</button>"),
            vue(
                "<template>\n  <button open-type=\"im\" data-im-id=\"抖音号\" @error=\"onError\">联系客服</button>\n</template>",
            ),
            // Taro drops `data-im-id` on its `<Button>`, placeholder or not.
            tsx(
                "import { Button } from '@tarojs/components'\nexport default function Page({ imId }) {\n  return <Button openType=\"im\" data-im-id={imId} onError={() => {}}>客服</Button>\n}",
            ),
            // uView passes `open-type` on but not `data-im-id`; Taro UI renders no button.
            vue(
                "<template>\n  <u-button open-type=\"im\" :data-im-id=\"imId\">联系客服</u-button>\n</template>",
            ),
            tsx(
                "import { AtButton } from 'taro-ui'\nexport default function Page() {\n  return <AtButton openType=\"im\">客服</AtButton>\n}",
            ),
            vue(
                "<template>\n  <nut-button open-type=\"im\" data-im-id=\"xxx\">联系客服</nut-button>\n</template>",
            ),
        ];
        for placeholder in ["XXXX", "客服的抖音号", "your_id"] {
            fail.push(ttml(&format!(
                "<button\n  open-type=\"im\"\n  data-im-id=\"{placeholder}\">客服</button>"
            )));
        }
        Tester::new(&ImButtonInvalid)
            .pass([
                ttml("<button open-type=\"im\" data-im-id=\"{{imId}}\" binderror=\"e\">客服</button>"),
                ttml("<button open-type=\"im\" data-im-id=\"starshop_cs\" data-im-type=\"goods\" data-goods-id=\"{{g.id}}\">x</button>"),
                ttml("<button open-type=\"im\" data-im-id=\"starshop_cs\" data-im-type=\"order\" data-order-id=\"{{o.id}}\">x</button>"),
                ttml("<button open-type=\"contact\">WeChat's</button>\n<button open-type=\"share\">分享</button>"),
                ttml("<view open-type=\"im\">not a button</view>"),
                ttml("<!-- <button open-type=\"im\">old</button> -->"),
                ttml("<!-- #ifdef MP-WEIXIN --><button open-type=\"im\">x</button><!-- #endif -->"),
                vue("<template>\n  <button open-type=\"im\" :data-im-id=\"imId\" @error=\"onError\">联系客服</button>\n</template>"),
                // NutUI's uni-app button passes `data-im-id` on.
                vue("<template>\n  <nut-button open-type=\"im\" :data-im-id=\"imId\" @error=\"onError\">联系客服</nut-button>\n</template>"),
                // A library button not asked for IM, and a project component of another name.
                vue("<template>\n  <u-button type=\"primary\">购买</u-button>\n  <im-entry open-type=\"im\" />\n</template>"),
                tsx("import { Button } from '@tarojs/components'\nexport default function Page() {\n  return <Button openType=\"share\">分享</Button>\n}"),
            ])
            .fail(fail)
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&ImButtonInvalid);
    }
}
