use crate::analysis::context::FileContext;
use crate::base::data::CustomerServiceData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::{Codes, Message};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::rules::rule::Rule;
use crate::syntax::markup::{Element, Value};

pub struct ImButtonInvalid;

pub static META: RuleMeta = RuleMeta {
    id: "im-button-invalid",
    default_severity: Severity::Error,
    category: Category::Service,
    fix: FixKind::None,
    summary: "An `open-type=\"im\"` button without a usable `data-im-id`, or with a bad `data-im-type` card",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service",
    docs: r#"## What it does
Checks every `<button open-type="im">`:

- `data-im-id` (the customer-service Douyin account, 抖音号) must be present and usable: not
  empty, and not a placeholder such as `xxx`, `抖音号`, `客服的抖音号` or `your_id`. A `{{ }}`
  binding is usable: ttlint cannot see its value.
- `data-im-type="goods"` (a goods card) needs `data-goods-id`; `data-im-type="order"` (an order
  card) needs `data-order-id`; any other `data-im-type` is unknown to the platform.

When the button has no `binderror` handler, the help says so: failures are otherwise silent.

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
            Some(Problem::Placeholder(attr.span(), text.clone()))
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
            if element.tag != "button"
                || element.static_attr("open-type").map(str::trim) != Some("im")
                || !doc.target(node).ships_to_douyin()
            {
                continue;
            }
            let handler = if element.event("error").is_some() {
                "present"
            } else {
                "missing"
            };
            let mut report = |span: Span, message: Message, help: Message| {
                out.push(Diagnostic::new(&META, cx.id, span, message).with_help(help));
            };
            let id_help = || messages::im_button_invalid_id_help(handler);
            match value_problem(element, "data-im-id", data) {
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
    use crate::rules::test_support::{lint_template_diagnostics, render};

    fn lint(src: &str) -> Vec<(u32, u32, String)> {
        let (source, found) = lint_template_diagnostics(&ImButtonInvalid, src);
        found
            .iter()
            .map(|d| {
                let p = source.position(d.span.start);
                (
                    p.line,
                    p.column,
                    d.help.as_ref().map(render).unwrap_or_default(),
                )
            })
            .collect()
    }

    fn positions(src: &str) -> Vec<(u32, u32)> {
        lint(src).into_iter().map(|(l, c, _)| (l, c)).collect()
    }

    #[test]
    fn unusable_ids() {
        assert_eq!(
            positions("<button open-type=\"im\">客服</button>"),
            vec![(1, 2)]
        );
        assert_eq!(
            positions("<button open-type=\"im\" data-im-id=\"\">客服</button>"),
            vec![(1, 24)]
        );
        assert_eq!(
            positions("<button open-type=\"im\" data-im-id>客服</button>"),
            vec![(1, 24)]
        );
        for placeholder in ["xxx", "XXXX", "抖音号", "客服的抖音号", "your_id"] {
            let src = format!(
                "<button\n  open-type=\"im\"\n  data-im-id=\"{placeholder}\">客服</button>"
            );
            assert_eq!(positions(&src), vec![(3, 3)], "{placeholder}");
        }
    }

    #[test]
    fn card_types() {
        assert_eq!(
            positions(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"goods\">x</button>"
            ),
            vec![(1, 45)]
        );
        assert_eq!(
            positions(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"order\" data-order-id=\"\">x</button>"
            ),
            vec![(1, 45)]
        );
        assert_eq!(
            positions(
                "<button open-type=\"im\" data-im-id=\"shop123\" data-im-type=\"coupon\">x</button>"
            ),
            vec![(1, 45)]
        );
    }

    #[test]
    fn valid_buttons_and_lookalikes_stay_silent() {
        for src in [
            "<button open-type=\"im\" data-im-id=\"{{imId}}\" binderror=\"e\">客服</button>",
            "<button open-type=\"im\" data-im-id=\"starshop_cs\" data-im-type=\"goods\" data-goods-id=\"{{g.id}}\">x</button>",
            "<button open-type=\"im\" data-im-id=\"starshop_cs\" data-im-type=\"order\" data-order-id=\"{{o.id}}\">x</button>",
            "<button open-type=\"contact\">WeChat's</button>",
            "<button open-type=\"share\">分享</button>",
            "<view open-type=\"im\">not a button</view>",
            "<!-- <button open-type=\"im\">old</button> -->",
            "<!-- #ifdef MP-WEIXIN --><button open-type=\"im\">x</button><!-- #endif -->",
        ] {
            assert!(positions(src).is_empty(), "{src}");
        }
    }

    #[test]
    fn missing_binderror_is_a_hint_in_the_help() {
        let found = lint("<button open-type=\"im\" data-im-id=\"xxx\">客服</button>");
        assert!(found[0].2.contains("binderror"));
        let found =
            lint("<button open-type=\"im\" data-im-id=\"xxx\" binderror=\"e\">客服</button>");
        assert!(!found[0].2.contains("binderror"));
    }
}
