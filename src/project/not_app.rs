//! What sits beside a mini-program without being part of it: Node tooling (build and upload
//! scripts), back-end code (cloud functions, servers, edge functions), mock data and tests.
//!
//! Only files nothing in the app reaches are judged here: a page that imports mock data ships
//! it, so it is app code and linted. The rest would be linted only because `--all-files` asked,
//! because they were named, or because no project is around them; their strings are log lines,
//! database rows and fixtures, never text users see, so what they say is no finding. The lists
//! are in `rules/not-app-code.json`.

use std::path::{Component, Path};

use crate::base::data::NotAppCodeData;
use crate::syntax::js::facts::JsFacts;

/// Whether `relative` (from the app's root, or from the folder linted) lies in a folder of
/// back-end code, mock data or tests, or is named as a mock or a test (`pay.test.ts`).
pub fn by_path(relative: &Path, data: &NotAppCodeData) -> bool {
    let folders = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        });
    let mut folders = folders.map(str::to_ascii_lowercase);
    let in_folder = folders
        .any(|f| data.back_end_folders.contains(&f) || data.mock_and_test_folders.contains(&f));
    let name = relative
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    in_folder
        || data
            .mock_and_test_file_marks
            .iter()
            .any(|mark| name.contains(mark.as_str()))
}

/// Whether a script runs in Node or on a server: it imports Node's own modules, a back-end
/// package, or a URL / `npm:` / `jsr:` module (Deno and edge functions).
pub fn by_imports(facts: &JsFacts, data: &NotAppCodeData) -> bool {
    facts.module_refs.iter().any(|m| {
        let specifier = m.specifier.as_str();
        let node = specifier.strip_prefix("node:").unwrap_or(specifier);
        data.node_modules.iter().any(|n| n == node)
            || data
                .back_end_modules
                .iter()
                .any(|b| match b.strip_suffix('/') {
                    Some(scope) => specifier
                        .strip_prefix(scope)
                        .is_some_and(|rest| rest.starts_with('/')),
                    None => {
                        specifier == b
                            || specifier
                                .strip_prefix(b.as_str())
                                .is_some_and(|rest| rest.starts_with('/'))
                    }
                })
            || ["https://", "http://", "npm:", "jsr:"]
                .iter()
                .any(|scheme| specifier.starts_with(scheme))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::data::RuleData;
    use crate::base::source::FileKind;
    use crate::syntax::js::facts;

    fn imports(src: &str) -> bool {
        let extracted = facts::extract_source(src, FileKind::TypeScript, facts::Keep::EVERYTHING);
        by_imports(&extracted.facts, &RuleData::default().not_app_code)
    }

    #[test]
    fn back_end_and_node_scripts_are_known_by_their_imports() {
        assert!(imports("const cloud = require('wx-server-sdk')"));
        assert!(imports("import { Controller } from '@nestjs/common'"));
        assert!(imports("import fs from 'node:fs'"));
        assert!(imports(
            "import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'"
        ));
        assert!(imports("import express from 'express'"));
        assert!(!imports("import Taro from '@tarojs/taro'"));
        assert!(!imports("const api = require('../../utils/api')"));
        assert!(
            !imports("import pg from 'pgx-ui'"),
            "a prefix is not a package"
        );
        assert!(
            !imports("import x from '@nestjsx/ui'"),
            "nor a scope's look-alike"
        );
    }

    #[test]
    fn back_end_mock_and_test_folders_are_known_by_their_path() {
        let data = RuleData::default().not_app_code;
        let at = |p: &str| by_path(Path::new(p), &data);
        assert!(at("cloudfunctions/login/index.js"));
        assert!(at("server/src/main.ts"));
        assert!(at("mock/goods.js"));
        assert!(at("src/__tests__/pay.js"));
        assert!(at("utils/pay.test.js"));
        assert!(!at("pages/test-drive/index.js"));
        assert!(
            !at("utils/server.js"),
            "a file named like a folder is app code"
        );
        assert!(!at("pages/mock.js"));
    }
}
