//! The typed constructors of every message in `locales/*.ftl`: one function per message id, its
//! parameters named as in the catalogue. A rule says `messages::deprecated_tt_pay_call(api)`;
//! the words live in the catalogue. A test checks that this list and every `.ftl` file name the
//! same ids with the same parameters.

use super::message::{Arg, Message};

macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident ( $($param:ident),* ) = $id:literal; )*) => {
        $(
            $(#[$doc])*
            pub fn $name($($param: impl Into<Arg>),*) -> Message {
                Message::new($id, vec![$((stringify!($param), $param.into())),*])
            }
        )*

        /// Every message id with its parameter names, in declaration order.
        pub const ALL: &[(&str, &[&str])] = &[$(($id, &[$(stringify!($param)),*])),*];
    };
}

messages! {
    // Labels of related locations.
    label_trades_here(what) = "label-trades-here";
    label_customer_service_on(route) = "label-customer-service-on";
    label_calls_payment() = "label-calls-payment";
    label_pays_here(api) = "label-pays-here";
    label_hands_over_payment() = "label-hands-over-payment";
    label_shows_payment(flag) = "label-shows-payment";
    label_opened_here(flag) = "label-opened-here";
    label_shares_here() = "label-shares-here";

    deprecated_tt_pay_call(api) = "deprecated-tt-pay-call";
    deprecated_tt_pay_value(api) = "deprecated-tt-pay-value";
    deprecated_tt_pay_destructure(member, object, api) = "deprecated-tt-pay-destructure";
    deprecated_tt_pay_wrapper(api) = "deprecated-tt-pay-wrapper";
    deprecated_tt_pay_help() = "deprecated-tt-pay-help";
    deprecated_tt_pay_wrapper_help(api) = "deprecated-tt-pay-wrapper-help";
    deprecated_tt_pay_taro(api) = "deprecated-tt-pay-taro";
    deprecated_tt_pay_taro_help() = "deprecated-tt-pay-taro-help";

    non_douyin_payment_api_wx(api) = "non-douyin-payment-api-wx";
    non_douyin_payment_api_wechat_params(api) = "non-douyin-payment-api-wechat-params";
    non_douyin_payment_api_toutiao(api) = "non-douyin-payment-api-toutiao";
    non_douyin_payment_api_missing(api) = "non-douyin-payment-api-missing";
    non_douyin_payment_api_jsapi(api) = "non-douyin-payment-api-jsapi";
    non_douyin_payment_api_jsapi_shipped(api) = "non-douyin-payment-api-jsapi-shipped";
    non_douyin_payment_api_help() = "non-douyin-payment-api-help";

    /// `status`: `deprecated`, `soon-deprecated` or `unmaintained`.
    deprecated_trade_api_api(api, status) = "deprecated-trade-api-api";
    deprecated_trade_api_using(path, tag, status) = "deprecated-trade-api-using";
    deprecated_trade_api_builtin(tag, status) = "deprecated-trade-api-builtin";
    deprecated_trade_api_tag(tag, status) = "deprecated-trade-api-tag";
    deprecated_trade_api_help(replacement) = "deprecated-trade-api-help";

    ios_virtual_payment_component(route, goods, tag) = "ios-virtual-payment-component";
    ios_virtual_payment_handler(route, goods, handler) = "ios-virtual-payment-handler";
    ios_virtual_payment_inline(route, goods, event) = "ios-virtual-payment-inline";
    ios_virtual_payment_lifecycle(route, goods, lifecycle) = "ios-virtual-payment-lifecycle";
    /// Advice for a payment a lifecycle method starts: there is no element to hide.
    ios_virtual_payment_lifecycle_help(framework) = "ios-virtual-payment-lifecycle-help";
    /// `framework` is `native`, `uni-app` or `taro`: the advice is written in its dialect.
    ios_virtual_payment_help(framework) = "ios-virtual-payment-help";

    ios_payment_redirect(found) = "ios-payment-redirect";
    ios_payment_redirect_help() = "ios-payment-redirect-help";

    ios_platform_value(literal) = "ios-platform-value";
    ios_platform_value_help() = "ios-platform-value-help";

    drainage_contact_text(found) = "drainage-contact-text";
    drainage_contact_clipboard(value) = "drainage-contact-clipboard";
    drainage_contact_api(api) = "drainage-contact-api";
    drainage_contact_help() = "drainage-contact-help";

    drainage_qrcode_text(found) = "drainage-qrcode-text";
    drainage_qrcode_image() = "drainage-qrcode-image";
    drainage_qrcode_save(found, scan) = "drainage-qrcode-save";
    drainage_qrcode_help() = "drainage-qrcode-help";

    drainage_external_link_download(found) = "drainage-external-link-download";
    drainage_external_link_download_help() = "drainage-external-link-download-help";
    drainage_external_link_platform(found) = "drainage-external-link-platform";
    drainage_external_link_platform_help() = "drainage-external-link-platform-help";
    drainage_external_link_http(url) = "drainage-external-link-http";
    drainage_external_link_http_help() = "drainage-external-link-http-help";
    drainage_external_link_browser(url) = "drainage-external-link-browser";
    drainage_external_link_browser_help() = "drainage-external-link-browser-help";
    drainage_external_link_third_party(host) = "drainage-external-link-third-party";
    drainage_external_link_third_party_help() = "drainage-external-link-third-party-help";

    drainage_phone_number(number) = "drainage-phone-number";
    drainage_phone_bound(label) = "drainage-phone-bound";
    drainage_phone_call(api, number) = "drainage-phone-call";
    drainage_phone_help() = "drainage-phone-help";

    induced_share_text(found) = "induced-share-text";
    induced_share_help() = "induced-share-help";

    navigate_to_mini_program_too_many(count, max) = "navigate-to-mini-program-too-many";
    navigate_to_mini_program_too_many_help(max) = "navigate-to-mini-program-too-many-help";
    navigate_to_mini_program_wechat_id(app_id) = "navigate-to-mini-program-wechat-id";
    navigate_to_mini_program_wechat_id_help() = "navigate-to-mini-program-wechat-id-help";
    navigate_to_mini_program_no_list(api, config) = "navigate-to-mini-program-no-list";
    navigate_to_mini_program_no_list_help(config, max) = "navigate-to-mini-program-no-list-help";
    navigate_to_mini_program_unlisted(app_id, config) = "navigate-to-mini-program-unlisted";
    navigate_to_mini_program_unlisted_help(config, max) = "navigate-to-mini-program-unlisted-help";

    wechat_only_feature_copy(found) = "wechat-only-feature-copy";
    wechat_only_feature_copy_help() = "wechat-only-feature-copy-help";
    wechat_only_feature_official_account() = "wechat-only-feature-official-account";
    wechat_only_feature_official_account_help() = "wechat-only-feature-official-account-help";
    wechat_only_feature_contact() = "wechat-only-feature-contact";
    wechat_only_feature_contact_help() = "wechat-only-feature-contact-help";
    /// `effect` is `condition`, `loop`, `name`, `key` or `other`: what Douyin loses by ignoring it.
    wechat_only_feature_directive(directive, effect) = "wechat-only-feature-directive";
    wechat_only_feature_directive_help(replacement) = "wechat-only-feature-directive-help";
    wechat_only_feature_wx_call(api) = "wechat-only-feature-wx-call";
    wechat_only_feature_wx_call_uni(api, douyin) = "wechat-only-feature-wx-call-uni";
    wechat_only_feature_wx_call_help(douyin) = "wechat-only-feature-wx-call-help";
    wechat_only_feature_wx_call_no_equivalent_help(douyin) = "wechat-only-feature-wx-call-no-equivalent-help";
    wechat_only_feature_wxml(route) = "wechat-only-feature-wxml";
    wechat_only_feature_wxml_help(route) = "wechat-only-feature-wxml-help";

    trade_missing_customer_service() = "trade-missing-customer-service";
    trade_missing_customer_service_help(framework) = "trade-missing-customer-service-help";

    trade_page_missing_customer_service_trade(route, served) = "trade-page-missing-customer-service-trade";
    trade_page_missing_customer_service_order(route, served) = "trade-page-missing-customer-service-order";
    trade_page_missing_customer_service_help(framework) = "trade-page-missing-customer-service-help";
    trade_page_missing_customer_service_hidden(served) = "trade-page-missing-customer-service-hidden";
    trade_page_missing_customer_service_hidden_help() = "trade-page-missing-customer-service-hidden-help";

    im_button_invalid_taro_button() = "im-button-invalid-taro-button";
    im_button_invalid_wrapper_drops_id(tag, library) = "im-button-invalid-wrapper-drops-id";
    im_button_invalid_wrapper_no_button(tag, library) = "im-button-invalid-wrapper-no-button";
    im_button_invalid_native_help(framework) = "im-button-invalid-native-help";
    im_button_invalid_missing_id() = "im-button-invalid-missing-id";
    im_button_invalid_empty_id() = "im-button-invalid-empty-id";
    im_button_invalid_placeholder_id(value) = "im-button-invalid-placeholder-id";
    /// `error_handler`: `present` or `missing` (adds a hint to handle a failed launch).
    im_button_invalid_id_help(error_handler) = "im-button-invalid-id-help";
    im_button_invalid_card_needs_id(kind, required) = "im-button-invalid-card-needs-id";
    im_button_invalid_card_needs_id_help(required, kind, error_handler) = "im-button-invalid-card-needs-id-help";
    im_button_invalid_unknown_card(kind) = "im-button-invalid-unknown-card";
    im_button_invalid_unknown_card_help(known, error_handler) = "im-button-invalid-unknown-card-help";

    trade_prerequisites(count) = "trade-prerequisites";
    trade_prerequisites_help() = "trade-prerequisites-help";

    parse_error_unreadable(reason) = "parse-error-unreadable";
    parse_error_not_utf8() = "parse-error-not-utf8";
    parse_error_not_utf8_help() = "parse-error-not-utf8-help";
    parse_error_too_deep(limit) = "parse-error-too-deep";
    parse_error_too_deep_help() = "parse-error-too-deep-help";
    parse_error_script(message) = "parse-error-script";
    parse_error_json(message) = "parse-error-json";
    parse_error_syntax_help() = "parse-error-syntax-help";
    parse_error_template(message) = "parse-error-template";
    parse_error_template_help() = "parse-error-template-help";
    parse_error_outside_help() = "parse-error-outside-help";
    parse_error_more(count) = "parse-error-more";
    parse_error_more_help() = "parse-error-more-help";

    missing_file_page(route, config) = "missing-file-page";
    missing_file_page_template(route) = "missing-file-page-template";
    missing_file_component(tag, path) = "missing-file-component";
    missing_file_template(src) = "missing-file-template";
    missing_file_module(specifier) = "missing-file-module";
    missing_file_help() = "missing-file-help";

    internal_error(rule, what) = "internal-error";
    internal_error_help() = "internal-error-help";

    unused_suppression_directive() = "unused-suppression-directive";
    unused_suppression_directive_help() = "unused-suppression-directive-help";
    unused_suppression_unknown_rule(rule) = "unused-suppression-unknown-rule";
    unused_suppression_unknown_rule_help() = "unused-suppression-unknown-rule-help";
    unused_suppression_rule(rule) = "unused-suppression-rule";
    unused_suppression_rule_help() = "unused-suppression-rule-help";

    // The language server: code action titles, hovers, messages to the editor.
    /// A fix's title when it rewrites a short piece of one line.
    lsp_fix_change(from, to) = "lsp-fix-change";
    lsp_fix(rule) = "lsp-fix";
    /// An unsafe fix's title: `fix` is the title it would have if it were safe.
    lsp_fix_unsafe(fix) = "lsp-fix-unsafe";
    lsp_disable_line(rule) = "lsp-disable-line";
    lsp_disable_file(rule) = "lsp-disable-file";
    lsp_show_documentation(rule) = "lsp-show-documentation";
    lsp_hover_platform_page(url) = "lsp-hover-platform-page";
    lsp_config_error(error) = "lsp-config-error";
    lsp_lint_failed(file, error) = "lsp-lint-failed";

    // Why a file was not linted (`--show-files`).
    skipped_unreachable() = "skipped-unreachable";
    skipped_build_output() = "skipped-build-output";
    skipped_tooling() = "skipped-tooling";
    skipped_other_platform() = "skipped-other-platform";
    skipped_ignored() = "skipped-ignored";
    skipped_not_read() = "skipped-not-read";
    /// A file named on the command line and not linted; `why` is a `skipped-*` message.
    note_named_skipped(path, why) = "note-named-skipped";
    note_step_summary(path, reason) = "note-step-summary";

    // The HTML report (`--format html`): headings, labels and verdicts.
    report_html_lang() = "report-html-lang";
    report_title() = "report-title";
    report_brand() = "report-brand";
    report_generated(version, files, skipped, suppressed) = "report-generated";
    report_verdict_fail() = "report-verdict-fail";
    report_verdict_fail_detail(errors) = "report-verdict-fail-detail";
    report_verdict_warn() = "report-verdict-warn";
    report_verdict_warn_detail(warnings) = "report-verdict-warn-detail";
    report_verdict_pass() = "report-verdict-pass";
    report_verdict_pass_detail(files) = "report-verdict-pass-detail";
    report_count_errors(count) = "report-count-errors";
    report_count_warnings(count) = "report-count-warnings";
    report_count_infos(count) = "report-count-infos";
    report_severity_error() = "report-severity-error";
    report_severity_warning() = "report-severity-warning";
    report_severity_info() = "report-severity-info";
    report_areas_heading() = "report-areas-heading";
    report_area_payment() = "report-area-payment";
    report_area_payment_about() = "report-area-payment-about";
    report_area_ios() = "report-area-ios";
    report_area_ios_about() = "report-area-ios-about";
    report_area_drainage() = "report-area-drainage";
    report_area_drainage_about() = "report-area-drainage-about";
    report_area_service() = "report-area-service";
    report_area_service_about() = "report-area-service-about";
    report_area_deposit() = "report-area-deposit";
    report_area_deposit_about() = "report-area-deposit-about";
    report_area_engine() = "report-area-engine";
    report_area_engine_about() = "report-area-engine-about";
    report_area_clean() = "report-area-clean";
    report_project_heading() = "report-project-heading";
    report_project_meta(kind, config, pages, trading, served) = "report-project-meta";
    report_kind(framework) = "report-kind";
    report_pages_heading() = "report-pages-heading";
    report_col_page() = "report-col-page";
    report_col_trades() = "report-col-trades";
    report_col_im() = "report-col-im";
    report_col_virtual() = "report-col-virtual";
    report_col_ios() = "report-col-ios";
    report_col_findings() = "report-col-findings";
    report_badge_home() = "report-badge-home";
    report_badge_tab() = "report-badge-tab";
    report_badge_order() = "report-badge-order";
    report_badge_personal() = "report-badge-personal";
    report_badge_subpackage(root) = "report-badge-subpackage";
    report_trade_sites(count) = "report-trade-sites";
    report_yes() = "report-yes";
    report_no() = "report-no";
    report_im_missing() = "report-im-missing";
    report_ios_gated() = "report-ios-gated";
    report_ios_open() = "report-ios-open";
    report_not_applicable() = "report-not-applicable";
    report_filter_rule() = "report-filter-rule";
    report_filter_all_rules() = "report-filter-all-rules";
    report_filter_area(area) = "report-filter-area";
    report_filter_severity() = "report-filter-severity";
    report_filter_all_severities() = "report-filter-all-severities";
    report_filter_search() = "report-filter-search";
    report_filter_search_placeholder() = "report-filter-search-placeholder";
    report_filter_reset() = "report-filter-reset";
    report_filter_no_pages() = "report-filter-no-pages";
    report_graph_heading() = "report-graph-heading";
    report_graph_about() = "report-graph-about";
    report_graph_truncated(shown, total) = "report-graph-truncated";
    report_graph_column_pages() = "report-graph-column-pages";
    report_graph_column_components() = "report-graph-column-components";
    report_graph_column_modules() = "report-graph-column-modules";
    report_legend_page() = "report-legend-page";
    report_legend_component() = "report-legend-component";
    report_legend_template() = "report-legend-template";
    report_legend_module() = "report-legend-module";
    report_legend_trade() = "report-legend-trade";
    report_legend_im() = "report-legend-im";
    report_graph_empty() = "report-graph-empty";
    report_findings_heading() = "report-findings-heading";
    report_findings_app() = "report-findings-app";
    report_findings_outside() = "report-findings-outside";
    report_findings_none() = "report-findings-none";
    report_findings_no_match() = "report-findings-no-match";
    report_findings_show_more() = "report-findings-show-more";
    report_finding_help() = "report-finding-help";
    report_finding_rule_page() = "report-finding-rule-page";
    report_finding_shared(count) = "report-finding-shared";
    report_skipped_heading() = "report-skipped-heading";
    report_skipped_about(count) = "report-skipped-about";
    report_skipped_none() = "report-skipped-none";
    report_footer() = "report-footer";

    // People's names of severities and categories (`severity`, `category`: their ids).
    severity_name(severity) = "severity-name";
    category_name(category) = "category-name";
    /// `fix`: `safe`, `unsafe` or `none` (a rule's fix kind, `ttlint rules`).
    fix_kind_name(fix) = "fix-kind-name";

    // `ttlint rules`, `ttlint explain`, `--show-files`.
    rules_footer() = "rules-footer";
    explain_header(severity, category, url) = "explain-header";
    error_output_file(path, reason) = "error-output-file";

    // The pretty output: miette's labels and the summary line.
    pretty_help_label() = "pretty-help-label";
    summary_files(count) = "summary-files";
    summary_errors(count) = "summary-errors";
    summary_warnings(count) = "summary-warnings";
    summary_infos(count) = "summary-infos";
    summary_clean(files) = "summary-clean";
    summary_found(found, files) = "summary-found";
    summary_suppressed(count) = "summary-suppressed";
    summary_skipped(count) = "summary-skipped";
    summary_build_output(count) = "summary-build-output";
    summary_baselined(count) = "summary-baselined";
    summary_baseline_stale(count) = "summary-baseline-stale";
    /// Under a finding that lists only some of its related locations.
    pretty_more_related(count) = "pretty-more-related";
    /// Under a folded block: `places` are `line:column`s, `unlisted` how many are not listed.
    pretty_more_like_this(count, places, unlisted) = "pretty-more-like-this";
    /// `--max-diagnostics`: `count` findings not shown, `limit` the option's value.
    pretty_not_shown(count, limit) = "pretty-not-shown";
    /// `column`: `rule`, `severity`, `findings`, `files` or `fixable`.
    pretty_table_heading(column) = "pretty-table-heading";
    /// `fixable`: how many of the rule's findings `--fix` fixes (0 leaves that sentence out).
    pretty_dominant(rule, count, total, fixable) = "pretty-dominant";

    // Errors that stop a run. `reason` is the operating system's (or a library's) own text.
    error_line(message) = "error-line";
    error_internal_rule() = "error-internal-rule";
    error_internal_panic(detail) = "error-internal-panic";
    error_write_output(reason) = "error-write-output";
    error_working_folder(reason) = "error-working-folder";
    error_stdin(reason) = "error-stdin";
    error_threads(reason) = "error-threads";
    error_unknown_rule(rule) = "error-unknown-rule";
    error_unknown_rule_similar(rule, similar) = "error-unknown-rule-similar";
    error_no_such_path(path) = "error-no-such-path";
    error_stdin_not_lintable(path) = "error-stdin-not-lintable";
    /// `source`: `builtin`, `config` or `cli`.
    error_bad_glob(source, pattern, reason) = "error-bad-glob";
    error_bad_glob_set(source, reason) = "error-bad-glob-set";

    // The baseline, `ttlint-suppressions.json`.
    baseline_unreadable(path, reason) = "baseline-unreadable";
    baseline_not_object() = "baseline-not-object";
    baseline_file_not_object(file) = "baseline-file-not-object";
    baseline_unsuppressible(rule) = "baseline-unsuppressible";
    baseline_bad_count(rule) = "baseline-bad-count";
    baseline_write(path, reason) = "baseline-write";
    /// After `--suppress-all`, `--suppress-rule` or `--prune-suppressions` wrote the file.
    baseline_written(path, findings, files) = "baseline-written";

    // `--fix` and `--fix-dry-run`, on standard error.
    fix_applied(findings, files) = "fix-applied";
    fix_would(findings, files) = "fix-would";
    fix_refused(path) = "fix-refused";
    fix_changed(path) = "fix-changed";
    fix_write(path, reason) = "fix-write";

    // `ttlint init`: the comments of the file it writes, and what it says.
    init_comment_schema() = "init-comment-schema";
    init_comment_rules() = "init-comment-rules";
    init_comment_ignore() = "init-comment-ignore";
    init_comment_lang() = "init-comment-lang";
    init_comment_data() = "init-comment-data";
    init_done(path) = "init-done";
    init_exists(path) = "init-exists";
    init_write(path, reason) = "init-write";

    option_rule_syntax(spec) = "option-rule-syntax";
    option_rule_unknown(spec, rule) = "option-rule-unknown";
    option_rule_unknown_similar(spec, rule, similar) = "option-rule-unknown-similar";
    option_rule_always_on(spec, rule) = "option-rule-always-on";
    option_rule_bad_level(spec, level) = "option-rule-bad-level";

    config_unreadable(path, reason) = "config-unreadable";
    config_invalid_json(message) = "config-invalid-json";
    config_not_object() = "config-not-object";
    config_rules_not_object() = "config-rules-not-object";
    config_unknown_rule(rule) = "config-unknown-rule";
    config_unknown_rule_similar(rule, similar) = "config-unknown-rule-similar";
    config_always_on(rule) = "config-always-on";
    config_bad_level(rule) = "config-bad-level";
    config_data_not_object() = "config-data-not-object";
    config_unknown_list(list, lists) = "config-unknown-list";
    config_bad_api(list, value) = "config-bad-api";
    config_bad_lang(value) = "config-bad-lang";
    config_unknown_setting(setting) = "config-unknown-setting";
    config_unknown_setting_similar(setting, similar) = "config-unknown-setting-similar";
    config_not_list(name) = "config-not-list";
    /// `found`: the JSON kind found, `null`, `boolean`, `number`, `array` or `object`.
    config_not_string(name, found) = "config-not-string";

    // `--help`: the texts of the commands and options, and clap's headings.
    cli_about() = "cli-about";
    cli_heading_usage() = "cli-heading-usage";
    cli_heading_commands() = "cli-heading-commands";
    cli_heading_arguments() = "cli-heading-arguments";
    cli_heading_options() = "cli-heading-options";
    cli_heading_examples() = "cli-heading-examples";
    cli_usage_options() = "cli-usage-options";
    cli_usage_command() = "cli-usage-command";
    cli_example_lint() = "cli-example-lint";
    cli_example_check() = "cli-example-check";
    cli_example_file() = "cli-example-file";
    cli_example_json() = "cli-example-json";
    cli_example_html() = "cli-example-html";
    cli_example_lang() = "cli-example-lang";
    cli_example_baseline() = "cli-example-baseline";
    cli_example_fix() = "cli-example-fix";
    cli_example_rules() = "cli-example-rules";
    cli_example_explain() = "cli-example-explain";
    cli_example_lsp() = "cli-example-lsp";
    cli_exit_codes() = "cli-exit-codes";
    cli_cmd_check() = "cli-cmd-check";
    cli_cmd_rules() = "cli-cmd-rules";
    cli_cmd_explain() = "cli-cmd-explain";
    cli_cmd_lsp() = "cli-cmd-lsp";
    /// `ttlint lsp --help` after the options: who starts it, its options, its language.
    cli_lsp_after_help() = "cli-lsp-after-help";
    cli_cmd_init() = "cli-cmd-init";
    cli_cmd_help() = "cli-cmd-help";
    cli_arg_paths() = "cli-arg-paths";
    cli_arg_format() = "cli-arg-format";
    cli_arg_color() = "cli-arg-color";
    cli_arg_config() = "cli-arg-config";
    cli_arg_rule() = "cli-arg-rule";
    cli_arg_max_warnings() = "cli-arg-max-warnings";
    cli_arg_max_diagnostics() = "cli-arg-max-diagnostics";
    cli_arg_quiet() = "cli-arg-quiet";
    cli_arg_ignore() = "cli-arg-ignore";
    cli_arg_all_files() = "cli-arg-all-files";
    cli_arg_include_build_output() = "cli-arg-include-build-output";
    cli_arg_output_file() = "cli-arg-output-file";
    cli_arg_stdin_filename() = "cli-arg-stdin-filename";
    cli_arg_show_files() = "cli-arg-show-files";
    cli_arg_print_config() = "cli-arg-print-config";
    cli_arg_fix() = "cli-arg-fix";
    cli_arg_fix_dry_run() = "cli-arg-fix-dry-run";
    cli_arg_suppress_all() = "cli-arg-suppress-all";
    cli_arg_suppress_rule() = "cli-arg-suppress-rule";
    cli_arg_prune_suppressions() = "cli-arg-prune-suppressions";
    cli_arg_suppressions_location() = "cli-arg-suppressions-location";
    cli_arg_threads() = "cli-arg-threads";
    cli_arg_lang() = "cli-arg-lang";
    cli_arg_rules_format() = "cli-arg-rules-format";
    cli_arg_explain_rule() = "cli-arg-explain-rule";
    cli_arg_lsp_stdio() = "cli-arg-lsp-stdio";
    cli_arg_help() = "cli-arg-help";
    cli_arg_help_long() = "cli-arg-help-long";
    cli_arg_version() = "cli-arg-version";
    cli_arg_help_command() = "cli-arg-help-command";

    // Command-line errors, for languages other than English (English shows clap's own).
    cli_error(message) = "cli-error";
    cli_error_unknown_argument(arg) = "cli-error-unknown-argument";
    cli_error_did_you_mean(suggestion) = "cli-error-did-you-mean";
    cli_error_invalid_value(arg, value, valid) = "cli-error-invalid-value";
    cli_error_value(arg, value, reason) = "cli-error-value";
    cli_error_missing_value(arg) = "cli-error-missing-value";
    cli_error_missing(arg) = "cli-error-missing";
    cli_error_conflict(arg, other) = "cli-error-conflict";
    cli_error_unknown_command(command) = "cli-error-unknown-command";
    cli_error_other(message) = "cli-error-other";
    cli_error_more_info() = "cli-error-more-info";
}

/// Whether an id is a rule's one-line summary, `rule-<rule id>-summary`: those are keyed by
/// rule id rather than made by a constructor here, and checked against the rules in
/// `rules::docs`.
pub fn is_rule_summary(id: &str) -> bool {
    id.starts_with("rule-") && id.ends_with("-summary")
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::base::locale_check::{allowlist, chinese_problems, ftl_messages};
    use crate::base::message::Lang;

    fn declared() -> BTreeMap<String, BTreeSet<String>> {
        ALL.iter()
            .map(|(id, params)| {
                (
                    id.to_string(),
                    params.iter().map(|p| p.to_string()).collect(),
                )
            })
            .collect()
    }

    /// Every locale file has every message of `ALL`, with the same variables, and nothing
    /// else. The failure lists each id and the language it lacks, so that whoever adds a
    /// message to `en.ftl` knows exactly which translations to write.
    #[test]
    fn every_locale_has_every_message_with_its_parameters() {
        let declared = declared();
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let file = format!("locales/{}.ftl", lang.tag());
            let ftl = ftl_messages(&file, lang.source());
            for (id, params) in &declared {
                match ftl.get(id) {
                    None => problems.push(format!(
                        "`{id}` has no {} text: add it to {file}",
                        lang.tag()
                    )),
                    Some(message) if &message.variables != params => problems.push(format!(
                        "`{id}` in {file} uses {{ {:?} }}, but src/base/messages.rs declares {{ {:?} }}",
                        message.variables, params
                    )),
                    Some(_) => {}
                }
            }
            for id in ftl.keys() {
                if !declared.contains_key(id) && !is_rule_summary(id) {
                    problems.push(format!(
                        "`{id}` is in {file} but has no constructor in src/base/messages.rs"
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    /// Messages that are values, not prose: the HTML report's `lang` attribute.
    const NOT_PROSE: &[&str] = &["report-html-lang"];

    /// Every Chinese message is a translation: not the English text, and Chinese outside code.
    #[test]
    fn chinese_messages_are_translated() {
        let english = ftl_messages("locales/en.ftl", Lang::En.source());
        let chinese = ftl_messages("locales/zh-CN.ftl", Lang::ZhCn.source());
        let allow = allowlist();
        let mut problems = Vec::new();
        for (id, zh) in chinese
            .iter()
            .filter(|(id, _)| !NOT_PROSE.contains(&id.as_str()))
        {
            if english.get(id).is_some_and(|en| en.text == zh.text) {
                problems.push(format!("`{id}`: the zh-CN text is the English one"));
            }
            for problem in chinese_problems(&zh.text, &allow) {
                problems.push(format!("`{id}` in locales/zh-CN.ftl: {problem}"));
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    /// Advice must never send users to an API Douyin does not have: every `tt.<name>` a help
    /// text names, in every language, is in `rules/douyin-api.json`. (Messages may name the
    /// missing ones: that is what `non-douyin-payment-api` reports.)
    #[test]
    fn advice_names_only_douyin_apis_that_exist() {
        let data = crate::base::data::RuleData::default();
        let api = regex::Regex::new(r"\btt\.([A-Za-z_][A-Za-z0-9_]*)").expect("a valid pattern");
        let id = regex::Regex::new(r"^([a-z][a-z0-9-]*) =").expect("a valid pattern");
        let mut missing = BTreeSet::new();
        for lang in Lang::ALL {
            // A message's text runs from its `id =` line to the next one.
            let mut help = false;
            for line in lang.source().lines() {
                if let Some(found) = id.captures(line).and_then(|c| c.get(1)) {
                    help = found.as_str().ends_with("-help");
                }
                if help {
                    missing.extend(
                        api.captures_iter(line)
                            .filter_map(|c| c.get(1))
                            .map(|m| m.as_str())
                            .filter(|name| !data.douyin_has(name)),
                    );
                }
            }
        }
        assert!(missing.is_empty(), "not Douyin APIs: {missing:?}");
    }
}
