//! Fuzz target: `ttlint::fuzzing::vue` over any UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: ttlint::fuzzing::install_panic_hook(),
    |data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            ttlint::fuzzing::vue(text);
        }
    }
);
