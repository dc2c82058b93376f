//! API identity: which platform object a use goes through and which member it names, resolved
//! once when a script is read (through aliases and imports) and compared by value afterwards.
//! `tt.pay`, `uni.requestPayment` and `Taro.pay` are three APIs; what each becomes in a Douyin
//! build is the rule data's question ([`crate::base::data::RuleData::on_douyin`]).

use std::fmt;

use crate::base::intern::Ustr;

/// A platform's or framework's API object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Namespace {
    /// Douyin's `tt`.
    Tt,
    /// WeChat's `wx` (in uni-app source, uni's own alias of `uni`).
    Wx,
    /// uni-app's cross-platform `uni`.
    Uni,
    /// Taro's `Taro`, imported from `@tarojs/taro`.
    Taro,
    /// Alipay's `my`.
    My,
    /// Baidu's `swan`.
    Swan,
    /// QQ's `qq`.
    Qq,
    /// JD's `jd`.
    Jd,
    /// Kuaishou's `ks`.
    Ks,
}

impl Namespace {
    /// The namespace a global name stands for where it is not shadowed. `Taro` is not a global:
    /// it is what `@tarojs/taro` exports.
    pub fn global(name: &str) -> Option<Self> {
        Some(match name {
            "tt" => Self::Tt,
            "wx" => Self::Wx,
            "uni" => Self::Uni,
            "my" => Self::My,
            "swan" => Self::Swan,
            "qq" => Self::Qq,
            "jd" => Self::Jd,
            "ks" => Self::Ks,
            _ => return None,
        })
    }

    /// The name code writes: `tt`, `Taro`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tt => "tt",
            Self::Wx => "wx",
            Self::Uni => "uni",
            Self::Taro => "Taro",
            Self::My => "my",
            Self::Swan => "swan",
            Self::Qq => "qq",
            Self::Jd => "jd",
            Self::Ks => "ks",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "Taro" => Some(Self::Taro),
            other => Self::global(other),
        }
    }
}

/// A member of a platform object: `tt.pay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Api {
    pub ns: Namespace,
    pub member: Ustr,
}

impl Api {
    pub fn new(ns: Namespace, member: &str) -> Self {
        Self {
            ns,
            member: Ustr::from(member),
        }
    }

    /// `tt.pay` → the API; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let (ns, member) = text.split_once('.')?;
        if member.is_empty() || member.contains('.') {
            return None;
        }
        Some(Self::new(Namespace::from_name(ns)?, member))
    }

    /// `tt.pay`, as the API is written (and displayed): joined rather than formatted, since
    /// the extractor names a value after an API for every `success` callback it reads.
    pub fn dotted(&self) -> String {
        [self.ns.name(), ".", &self.member].concat()
    }

    /// The same member on another namespace: `Taro.pay` → `tt.pay`.
    pub fn on(self, ns: Namespace) -> Self {
        Self { ns, ..self }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dotted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apis_parse_and_print() {
        let pay = Api::parse("tt.pay").unwrap();
        assert_eq!(pay, Api::new(Namespace::Tt, "pay"));
        assert_eq!(pay.to_string(), "tt.pay");
        assert_eq!(Api::parse("Taro.pay").unwrap().on(Namespace::Tt), pay);
        for bad in ["pay", "tt.", "foo.pay", "tt.a.b"] {
            assert_eq!(Api::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Namespace::global("Taro"),
            None,
            "Taro is imported, not global"
        );
    }
}
