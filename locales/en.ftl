# ttlint's message catalogue, English.
#
# Every message, help text and related-location label a finding carries is here, by id, with named
# parameters. Rules never write text themselves: they call the typed constructors in
# src/base/messages.rs, which name these ids. Code and names are wrapped in backticks here, not by
# rules. Ids are `<rule id>-<what>`; helps end in `-help`; labels start with `label-`.

## Labels of related locations

label-trades-here = trades here: { $what }
label-customer-service-on = customer service on `{ $route }`
label-calls-payment = calls the payment from here
label-pays-here = pays here: { $api }
label-hands-over-payment = hands over the function that pays from here
label-shows-payment = shows what pays from here (`{ $flag }`)
label-opened-here = opened from here on iOS too: this sets `{ $flag }`, which shows the payment
label-shares-here = users share from here

## deprecated-tt-pay

deprecated-tt-pay-call = `{ $api }` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments
deprecated-tt-pay-value = `{ $api }` is passed around here, and it is offline: the guaranteed-payment cashier (担保支付) no longer takes payments
deprecated-tt-pay-destructure = `{ $member }` is taken from `{ $object }` here, and `{ $api }` is offline: the guaranteed-payment cashier (担保支付) no longer takes payments
deprecated-tt-pay-wrapper = `{ $api }` compiles to the offline `tt.pay` on Douyin: the guaranteed-payment cashier (担保支付) no longer takes payments
deprecated-tt-pay-taro = `{ $api }` is the offline `tt.pay` on Douyin (Taro forwards it unchanged): the guaranteed-payment cashier (担保支付) no longer takes payments
deprecated-tt-pay-taro-help = Move to the general trade system (通用交易系统): create the order with `Taro.requestOrder` (`tt.requestOrder`) and open the cashier with `tt.getOrderPayment`, inside `process.env.TARO_ENV === 'tt'`.
deprecated-tt-pay-help = Move to the general trade system (通用交易系统): create the order with `tt.requestOrder` and open the cashier with `tt.getOrderPayment` (guard with `tt.canIUse('requestOrder')`).
deprecated-tt-pay-wrapper-help = Move to the general trade system (通用交易系统): create the order with `tt.requestOrder` and open the cashier with `tt.getOrderPayment` (guard with `tt.canIUse('requestOrder')`). In uni-app, call them inside `// #ifdef MP-TOUTIAO` instead of `{ $api }`.

## non-douyin-payment-api

non-douyin-payment-api-wx = `{ $api }` cannot pay on Douyin: `wx` is WeChat's global and is not defined in a Douyin mini-program
non-douyin-payment-api-wechat-params = `{ $api }` cannot pay on Douyin: Douyin mini-programs have no such API, and these are WeChat JSAPI payment parameters (a WeChat port)
non-douyin-payment-api-toutiao = `{ $api }` cannot pay on Douyin: this is the early Toutiao payment API (Alipay only), long gone from Douyin mini-programs
non-douyin-payment-api-missing = `{ $api }` cannot pay on Douyin: Douyin mini-programs have no such API
non-douyin-payment-api-jsapi = WeChat JSAPI payment parameters (`timeStamp`, `nonceStr`, `package`, `paySign`) passed to `{ $api }` cannot pay on Douyin
non-douyin-payment-api-jsapi-shipped = WeChat JSAPI payment parameters (`timeStamp`, `nonceStr`, `package`, `paySign`) passed to `{ $api }` cannot pay on Douyin (this code is not limited to WeChat with `// #ifdef MP-WEIXIN`, so it ships to Douyin too)
non-douyin-payment-api-help = Pay through the general trade system (通用交易系统): create the order with `tt.requestOrder`, then open the cashier with `tt.getOrderPayment`.

## deprecated-trade-api

deprecated-trade-api-api = `{ $api }` is { $status ->
    [deprecated] deprecated (已废弃)
    [soon-deprecated] about to be deprecated (即将废弃)
   *[unmaintained] no longer maintained
  }
deprecated-trade-api-using = `{ $path }` (used as `<{ $tag }>`) is { $status ->
    [deprecated] deprecated (已废弃)
    [soon-deprecated] about to be deprecated (即将废弃)
   *[unmaintained] no longer maintained
  }
deprecated-trade-api-builtin = the built-in `<{ $tag }>` component is { $status ->
    [deprecated] deprecated (已废弃)
    [soon-deprecated] about to be deprecated (即将废弃)
   *[unmaintained] no longer maintained
  }
deprecated-trade-api-tag = `<{ $tag }>` is { $status ->
    [deprecated] deprecated (已废弃)
    [soon-deprecated] about to be deprecated (即将废弃)
   *[unmaintained] no longer maintained
  }
deprecated-trade-api-help = Use { $replacement }.

## ios-virtual-payment

ios-virtual-payment-component = page `{ $route }` sells virtual goods ({ $goods }) and shows the pay component `<{ $tag }>` on iOS, where cash payment for virtual goods is banned
ios-virtual-payment-handler = page `{ $route }` sells virtual goods ({ $goods }) and `{ $handler }` starts a payment that nothing stops on iOS, where cash payment for virtual goods is banned
ios-virtual-payment-inline = page `{ $route }` sells virtual goods ({ $goods }) and the `{ $event }` handler written here starts a payment that nothing stops on iOS, where cash payment for virtual goods is banned
ios-virtual-payment-lifecycle = page `{ $route }` sells virtual goods ({ $goods }) and `{ $lifecycle }` starts a payment as soon as the page opens, with nothing to stop it on iOS, where cash payment for virtual goods is banned
ios-virtual-payment-lifecycle-help = Return before paying on iOS (`if (isIOS) return;` with `isIOS` set from `{ $framework ->
    [uni-app] uni
    [taro] Taro
   *[native] tt
}.getSystemInfoSync().platform === 'ios'`), and offer no other way to pay on iOS.
ios-virtual-payment-help = Make the payment unreachable on iOS: { $framework ->
    [uni-app] hide the element (`v-if="!isIOS"` with `isIOS` set from `uni.getSystemInfoSync().platform === 'ios'`)
    [taro] hide the element (`{"{"}!isIOS && <Button …>{"}"}` with `isIOS` set from `Taro.getSystemInfoSync().platform === 'ios'`)
   *[native] hide the element (`tt:if="{"{{"}!isIOS{"}}"}"` with `isIOS` set from `tt.getSystemInfoSync().platform === 'ios'`)
} or return before paying (`if (isIOS) return;`), and offer no other way to pay on iOS.

## ios-payment-redirect

ios-payment-redirect = `{ $found }` sends users to pay outside the mini-program, which iOS virtual-payment rules forbid
ios-payment-redirect-help = Remove the hint: on iOS, hide the purchase and do not point to any other way to pay (Android, the app, the website, 公众号, QR codes, customer service).

## ios-platform-value

ios-platform-value = `platform` is never `'{ $literal }'` (it is lower case: `'ios'`), so this check is always false and the iOS gate never closes
ios-platform-value-help = Compare with `'ios'`: `platform` is lower case on Douyin (`'ios'`, `'android'`, `'devtools'`).

## drainage-contact

drainage-contact-text = `{ $found }` invites users to contact you outside Douyin (third-party drainage, 第三方引流)
drainage-contact-clipboard = copies `{ $value }` for the user to add on WeChat/QQ (third-party drainage, 第三方引流)
drainage-contact-api = `{ $api }` opens WeChat Work (企业微信) customer service, not Douyin IM: it takes users off Douyin (third-party drainage, 第三方引流)
drainage-contact-help = Remove the contact: keep users on Douyin. For questions and after-sales service use Douyin IM customer service (`<button open-type="im">`).

## drainage-qrcode

drainage-qrcode-text = `{ $found }` tells users to scan a QR code that leads off Douyin (third-party drainage, 第三方引流)
drainage-qrcode-image = a long-pressable image next to a QR-code or contact prompt: users long-press it to leave Douyin (third-party drainage, 第三方引流)
drainage-qrcode-save = `{ $found }` with `{ $scan }` in the same file: users save the QR code to scan it outside Douyin (third-party drainage, 第三方引流)
drainage-qrcode-help = Remove the QR-code prompt: users must not be sent to WeChat, groups or official accounts. Offer the benefit inside the mini-program instead.

## drainage-external-link

drainage-external-link-download = `{ $found }` sends users to download another app (third-party drainage, 第三方引流)
drainage-external-link-download-help = Remove the download prompt: a mini-program must not send users to install apps.
drainage-external-link-platform = `{ $found }` sends users to another platform (third-party drainage, 第三方引流)
drainage-external-link-platform-help = Remove the call to action: a mini-program must not send users to accounts or shops on other platforms. Keep the content and the purchase in the mini-program.
drainage-external-link-http = `web-view` loads `{ $url }` over plain http: web-view pages must be your verified business domain over HTTPS
drainage-external-link-http-help = Serve the page over HTTPS from the business domain verified in the developer console.
drainage-external-link-browser = copies `{ $url }` for users to open in the browser (third-party drainage, 第三方引流)
drainage-external-link-browser-help = Show the content in the mini-program (a page, or a web-view of your verified domain) instead of sending users to the browser.
drainage-external-link-third-party = `web-view` shows `{ $host }`, a third party's site: web-view pages must be your own verified business domain
drainage-external-link-third-party-help = Show only your own verified business domain in a web-view. If this host is yours, add it to `"data": { "{" } "ownDomains": [...] { "}" }` in ttlint.json.

## navigate-to-mini-program

navigate-to-mini-program-too-many = `navigateToMiniProgramAppIdList` has { $count } app ids; the platform allows at most { $max }
navigate-to-mini-program-too-many-help = Keep only the mini-programs users really jump to (at most { $max }).
navigate-to-mini-program-wechat-id = `{ $app_id }` is a WeChat app id: a Douyin mini-program cannot jump to it
navigate-to-mini-program-wechat-id-help = List the Douyin app ids (`tt…`) of the mini-programs you jump to; remove WeChat ones.
navigate-to-mini-program-no-list = `{ $api }` is called but { $config } has no `navigateToMiniProgramAppIdList`: the jump fails
navigate-to-mini-program-no-list-help = Declare the target app ids in `navigateToMiniProgramAppIdList` in { $config } (at most { $max }; in uni-app, in manifest.json under `mp-toutiao`).
navigate-to-mini-program-unlisted = `{ $app_id }` is not in `navigateToMiniProgramAppIdList` in { $config }: the jump fails
navigate-to-mini-program-unlisted-help = Add the app id to `navigateToMiniProgramAppIdList` in { $config } (at most { $max }), or remove the jump.

## wechat-only-feature

wechat-only-feature-copy = `{ $found }` asks for a WeChat feature that does not exist on Douyin
wechat-only-feature-copy-help = Use Douyin's own: `tt.login` and `tt.getUserProfile` (抖音登录/抖音授权).
wechat-only-feature-official-account = `<official-account>` is WeChat's official-account card: it does not exist on Douyin and leads users to WeChat
wechat-only-feature-official-account-help = Remove it.
wechat-only-feature-contact = `open-type="contact"` is WeChat's customer service: on Douyin the button does nothing
wechat-only-feature-contact-help = Use Douyin IM customer service: `<button open-type="im" data-im-id="…">`.
wechat-only-feature-directive = `{ $directive }` is WeChat's directive and Douyin ignores it: { $effect ->
    [condition] the element renders unconditionally
    [loop] the element renders once instead of once per item
    [name] the loop keeps its default names, `item` and `index`, and what binds to the name given here is empty
    [key] the list re-renders without keys
   *[other] the element loses what it asked for
}
wechat-only-feature-directive-help = Use `{ $replacement }`.
wechat-only-feature-wx-call = `{ $api }`: `wx` is WeChat's global and is undefined on Douyin
wechat-only-feature-wx-call-uni = `{ $api }`: uni-app runs `wx` calls as Douyin's own API, and Douyin has no `{ $douyin }`
wechat-only-feature-wx-call-help = Use `{ $douyin }`, Douyin's API of the same name, or keep the call inside `// #ifdef MP-WEIXIN`.
wechat-only-feature-wx-call-no-equivalent-help = Douyin has no `{ $douyin }`: remove the call, or keep it inside `// #ifdef MP-WEIXIN` (or behind `typeof wx !== 'undefined'`).
wechat-only-feature-wxml = page `{ $route }` has a WeChat `.wxml` template and no `.ttml`: Douyin cannot render it
wechat-only-feature-wxml-help = Rename `{ $route }.wxml` to `.ttml` and replace `wx:` directives with `tt:`.

## drainage-phone

drainage-phone-number = `{ $number }` is a phone line offered to users as the service channel (引导致电)
drainage-phone-bound = `{ $label }` shows users a phone line bound from data as the service channel (引导致电)
drainage-phone-call = `{ $api }` dials `{ $number }`, the app's own phone line, as the service channel (引导致电)
drainage-phone-help = Offer customer service through Douyin IM (`<button open-type="im">`) instead of a phone line: the platform withdraws the general mounting rights (通用挂载权限) of a mini-program whose pages or pop-ups show customer-service or sales phone numbers (引导致电).

## induced-share

induced-share-text = `{ $found }` promises a reward for sharing or inviting, on a page users share from (诱导分享)
induced-share-help = Let users share because the content is worth it: no rewards, commissions, unlocks or extra chances for sharing, inviting or collecting likes. The platform forces a mini-program that induces sharing offline for 7 days and can withdraw its general mounting rights (通用挂载权限).

## trade-missing-customer-service

trade-missing-customer-service = this mini-program trades but no page offers Douyin IM customer service; trading mini-programs must have it
trade-missing-customer-service-help = Add { $framework ->
    [uni-app] `<button open-type="im" :data-im-id="imId">联系客服</button>`
    [taro] a native custom component holding `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>` (declared in the page's `usingComponents`: Taro's `<Button>` does not pass `data-im-id` to Douyin)
   *[native] `<button open-type="im" data-im-id="<customer-service Douyin account>">联系客服</button>`
} to the home, order and personal (我的) pages, after opening Douyin IM customer service in the console.

## trade-page-missing-customer-service

trade-page-missing-customer-service-trade = trade page `{ $route }` has no Douyin IM customer service; it renders only on { $served }
trade-page-missing-customer-service-order = order page `{ $route }` has no Douyin IM customer service; it renders only on { $served }
trade-page-missing-customer-service-help = Add { $framework ->
    [uni-app] `<button open-type="im" :data-im-id="imId">联系客服</button>`
    [taro] a native custom component holding `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>` (declared in the page's `usingComponents`: Taro's `<Button>` does not pass `data-im-id` to Douyin)
   *[native] `<button open-type="im" data-im-id="<customer-service Douyin account>">联系客服</button>`
} (or a shared component holding it) to this page: buyers look for customer service where they pay and on their orders.
trade-page-missing-customer-service-hidden = Douyin IM customer service renders only on { $served }, not on the home page, a tab page, an order page or the personal page
trade-page-missing-customer-service-hidden-help = Put the customer-service button where users look for it: the home page, the order pages, or the personal (我的) page.

## im-button-invalid

im-button-invalid-taro-button = Taro's `<Button>` does not pass `data-im-id` to Douyin's button (its generated template has no slot for it): this IM customer-service button fails with `params invalid`
im-button-invalid-wrapper-drops-id = `<{ $tag }>` ({ $library }) passes `open-type` to the button it renders but not `data-im-id`: this IM customer-service button fails with `params invalid`
im-button-invalid-wrapper-no-button = `<{ $tag }>` ({ $library }) renders no native button on Douyin: `open-type="im"` on it does nothing
im-button-invalid-native-help = Write the IM button as a native button: { $framework ->
    [uni-app] `<button open-type="im" :data-im-id="imId">联系客服</button>`, styled with your own class
    [taro] a native custom component holding `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>`, declared in the page's `usingComponents`
   *[native] `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>`, styled with your own class
}.
im-button-invalid-missing-id = IM customer-service button without `data-im-id`: it fails with `params invalid`
im-button-invalid-empty-id = IM customer-service button with an empty `data-im-id`: it fails with `params invalid`
im-button-invalid-placeholder-id = `data-im-id="{ $value }"` is a placeholder, not a Douyin account: the button fails with `params invalid`
im-button-invalid-id-help = Set `data-im-id` to the Douyin account (抖音号) of your customer service, as configured in the IM customer-service console, or bind it: `data-im-id="{"{{"}imId{"}}"}"`.{ $error_handler ->
    [missing] { " " }Also add `binderror` to handle a failed launch: without it the tap fails silently.
   *[present] {""}
  }
im-button-invalid-card-needs-id = `data-im-type="{ $kind }"` sends { $kind ->
    [order] an
   *[other] a
  } { $kind } card and needs `{ $required }`
im-button-invalid-card-needs-id-help = Add `{ $required }="{"{{"}…{"}}"}"` with the id of the { $kind }, or drop `data-im-type` for a plain conversation.{ $error_handler ->
    [missing] { " " }Also add `binderror` to handle a failed launch: without it the tap fails silently.
   *[present] {""}
  }
im-button-invalid-unknown-card = `data-im-type="{ $kind }"` is not a card type the platform knows
im-button-invalid-unknown-card-help = Use one of { $known } (with the matching id), or drop `data-im-type` for a plain conversation.{ $error_handler ->
    [missing] { " " }Also add `binderror` to handle a failed launch: without it the tap fails silently.
   *[present] {""}
  }

## trade-prerequisites

trade-prerequisites = this mini-program trades ({ $count } { $count ->
    [one] place
   *[other] places
  }): confirm the console prerequisites that code cannot show
trade-prerequisites-help = In the developer console: complete merchant onboarding (商户进件), pay the deposit (保证金), enable the trade capability (通用交易系统), and set up Douyin IM customer service. Then turn this reminder off in ttlint.json.

## parse-error

parse-error-unreadable = cannot read this file: { $reason }
parse-error-not-utf8 = this file is not valid UTF-8
parse-error-not-utf8-help = Save the file as UTF-8: the Douyin developer tools read sources as UTF-8 and reject other encodings.
parse-error-too-deep = code nested more than { $limit } levels deep; ttlint does not analyse this file
parse-error-too-deep-help = This is almost certainly generated code: add it to `ignore` in ttlint.json.
parse-error-script = syntax error: { $message }
parse-error-json = invalid JSON: { $message }
parse-error-syntax-help = Fix the syntax error: the Douyin developer tools will not build this file, and ttlint cannot check it.
parse-error-template = template error: { $message }
parse-error-template-help = Fix the markup: the Douyin developer tools will not compile this template.
parse-error-outside-help = Nothing in the mini-program reaches this file, so its build never reads it, but ttlint could not check it. If it is not app code, add it to `ignore` in ttlint.json.
parse-error-more = { $count } more syntax { $count ->
    [one] error
   *[other] errors
  } in this file, not listed
parse-error-more-help = Fix the errors listed before this one and run ttlint again: most of the rest usually follow from the first.

## missing-file

missing-file-page = page `{ $route }` is listed in { $config } but has no files
missing-file-page-template = page `{ $route }` has no template `{ $route }.ttml`
missing-file-component = component `{ $tag }` is not found at `{ $path }`
missing-file-template = `{ $src }` is not found
missing-file-module = module `{ $specifier }` is not found
missing-file-help = Fix the path or remove the reference: the Douyin developer tools stop the build on it.

## internal-error

internal-error = rule `{ $rule }` failed on this file: { $what }
internal-error-help = This is a bug in ttlint, not in your code: please report it with this file. Other rules and files were still checked.

## unused-suppression

unused-suppression-directive = this ttlint-disable directive suppressed nothing
unused-suppression-directive-help = Remove it: a stale suppression hides the next real finding here.
unused-suppression-unknown-rule = unknown rule id `{ $rule }` in a ttlint-disable directive
unused-suppression-unknown-rule-help = Check the spelling: `ttlint rules` lists every rule id.
unused-suppression-rule = `{ $rule }` is disabled here but reports nothing
unused-suppression-rule-help = Remove the id from the directive: a stale suppression hides the next real finding here.

## The language server (`ttlint lsp`): code action titles, hovers, messages to the editor

lsp-fix-change = Change `{ $from }` to `{ $to }`
lsp-fix = Fix this `{ $rule }` finding
lsp-fix-unsafe = { $fix } (changes behaviour: review it)
lsp-disable-line = Disable `{ $rule }` for this line
lsp-disable-file = Disable `{ $rule }` for this file
lsp-show-documentation = Show documentation for `{ $rule }`
lsp-hover-platform-page = Platform rule: { $url }
lsp-config-error = ttlint: { $error } (linting with the built-in defaults until it is fixed)
lsp-lint-failed = ttlint failed on { $file } and cleared its findings; this is a bug in ttlint, please report it: { $error }

## Why a file was not linted (--show-files)

skipped-unreachable = skipped: not reachable from the app's configuration; --all-files lints it
skipped-build-output = skipped: compiled output of a uni-app or Taro project whose source is linted; --include-build-output lints it
skipped-tooling = skipped: not app code — tooling, back-end code, mock data or tests beside the app
skipped-other-platform = skipped: built only for another platform, never shipped to Douyin
skipped-ignored = skipped: it matches an ignore pattern (built in, in ttlint.json or --ignore)
skipped-not-read = skipped: ttlint does not read this kind of file (it reads `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`)
note-named-skipped = ttlint: note: { $path } { $why }
note-step-summary = ttlint: note: cannot append to the step summary { $path }: { $reason }

## The HTML report (`--format html`)

report-html-lang = en
report-title = ttlint compliance report
report-brand = Compliance report
report-generated = ttlint { $version } · { $files } { $files ->
    [one] file
   *[other] files
  } linted, { $skipped } skipped · { $suppressed } { $suppressed ->
    [one] finding
   *[other] findings
  } suppressed
report-verdict-fail = Not ready for review
report-verdict-fail-detail = { $errors } { $errors ->
    [one] error gets
   *[other] errors get
  } the submission rejected or the payment capability banned: fix { $errors ->
    [one] it
   *[other] them
  } before submitting.
report-verdict-warn = Check the warnings before submitting
report-verdict-warn-detail = No errors. { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
  } may still lead a reviewer to reject the submission.
report-verdict-pass = Ready for review
report-verdict-pass-detail = No errors or warnings in { $files } linted { $files ->
    [one] file
   *[other] files
  }.
report-count-errors = { $count ->
    [one] error
   *[other] errors
  }
report-count-warnings = { $count ->
    [one] warning
   *[other] warnings
  }
report-count-infos = { $count ->
    [one] info
   *[other] infos
  }
report-severity-error = Error
report-severity-warning = Warning
report-severity-info = Info
report-areas-heading = By area
report-area-payment = Payment
report-area-payment-about = Offline and foreign payment APIs, deprecated trade components
report-area-ios = iOS
report-area-ios-about = Virtual goods paid for on iOS, broken iOS checks, payment redirects
report-area-drainage = Drainage
report-area-drainage-about = Contacts, QR codes, links and jumps that lead users off Douyin
report-area-service = Customer service
report-area-service-about = Douyin IM customer service where buyers look for it
report-area-deposit = Prerequisites
report-area-deposit-about = Console steps before a mini-program may trade
report-area-engine = Files
report-area-engine-about = Unreadable or missing files, unused suppressions
report-area-clean = No findings
report-project-heading = Mini-program
report-project-meta = { $kind } · `{ $config }` · { $pages } { $pages ->
    [one] page
   *[other] pages
  } · { $trading } trading · { $served } with IM customer service
report-kind = { $framework ->
    [uni-app] uni-app mini-program
    [taro] Taro mini-program
   *[native] Native mini-program
}
report-pages-heading = Pages
report-col-page = Page
report-col-trades = Trades
report-col-im = IM customer service
report-col-virtual = Virtual goods
report-col-ios = iOS payment
report-col-findings = Findings
report-badge-home = home
report-badge-tab = tab
report-badge-order = orders
report-badge-personal = personal
report-badge-subpackage = subpackage `{ $root }`
report-trade-sites = { $count } { $count ->
    [one] site
   *[other] sites
  }
report-yes = yes
report-no = no
report-im-missing = missing
report-ios-gated = gated
report-ios-open = reachable on iOS
report-not-applicable = —
report-filter-rule = Rule
report-filter-all-rules = All rules
report-filter-area = All { $area } rules
report-filter-severity = Severity
report-filter-all-severities = All severities
report-filter-search = Search
report-filter-search-placeholder = page route or file
report-filter-reset = Reset
report-filter-no-pages = No page matches the filters.
report-graph-heading = Structure
report-graph-about = Pages, the components and templates they render, and the modules their scripts load. Trade and IM customer service are marked where their code is.
report-graph-truncated = Showing { $shown } of { $total } nodes: the pages that trade or show customer service first, with everything they use.
report-graph-column-pages = Pages
report-graph-column-components = Components and templates
report-graph-column-modules = Modules
report-legend-page = page
report-legend-component = component
report-legend-template = template
report-legend-module = module
report-legend-trade = trades here
report-legend-im = IM customer service here
report-graph-empty = This mini-program lists no pages.
report-findings-heading = Findings by page
report-findings-app = The whole mini-program (`app.json`, `app.js`, files no page uses)
report-findings-outside = Files outside any mini-program
report-findings-none = No findings.
report-findings-no-match = No findings match the filters.
report-findings-show-more = Show more
report-finding-help = Help
report-finding-rule-page = Platform rule
report-finding-shared = also on { $count } other { $count ->
    [one] page
   *[other] pages
  }
report-skipped-heading = Files not linted
report-skipped-about = { $count } { $count ->
    [one] file was
   *[other] files were
  } found but not linted: code the Douyin build does not ship, compiled output and tooling. Each says why.
report-skipped-none = Every source file found was linted.
report-footer = Made by ttlint. This file is self-contained and makes no network requests.

## Rule summaries: one line per rule, shown by `ttlint rules` and `ttlint explain`. The English
## text is each rule's `META.summary` (a test keeps them equal); the id is `rule-<rule id>-summary`.

rule-deprecated-tt-pay-summary = `tt.pay` in any form: call, `tt['pay']`, `tt?.pay`, `const {"{"} pay {"}"} = tt`, an alias of `tt`, `tt.pay` passed as a value; `Taro.pay`, and uni-app's `uni.requestPayment` compiled for Douyin
rule-non-douyin-payment-api-summary = `tt.requestPayment` / `wx.requestPayment` (they do not exist on Douyin) and WeChat JSAPI payment parameters passed to a payment call
rule-deprecated-trade-api-summary = deprecated or soon-deprecated trade components and APIs: the built-in `<pay-button>`, `ext://industry/pay-button`, `microapp-trade-plugin`, `tt.continueToPayLife`, `tt.openEcCart`… — each with its replacement
rule-ios-virtual-payment-summary = on a page selling virtual goods (会员, 充值, 金币, 课程…), a tap — or the page opening — that reaches a payment through your own functions and modules with no iOS check in front of it
rule-ios-payment-redirect-summary = text sending iOS users to pay elsewhere (安卓, the app, 官网, 公众号, QR code, 客服转账)
rule-ios-platform-value-summary = `platform` compared with `'iOS'`/`'IOS'`/`'iPhone'`: always false, so the iOS gate never closes
rule-drainage-contact-summary = text users see that sends them to WeChat, QQ, an official account or WeCom (加微信, 微信号, 店家微信, `vx:` + id, QQ群, 加群交流, 关注公众号…), ids copied to the clipboard for WeChat, and `tt.openCustomerServiceChat` (WeCom customer service)
rule-drainage-qrcode-summary = scan / long-press QR-code prompts (扫码关注, 长按识别二维码) and long-pressable images beside them
rule-drainage-external-link-summary = `http:` or third-party `web-view`s, links copied "to open in the browser", download and app lures (下载APP, 打开APP识别, App Store, `.apk`), calls to action towards other platforms (关注小红书, 淘宝店)
rule-navigate-to-mini-program-summary = `tt.navigateToMiniProgram` targets missing from `navigateToMiniProgramAppIdList`, a list over 10, WeChat app ids in it
rule-wechat-only-feature-summary = `<official-account>`, `open-type="contact"`, `wx:if`/`wx:for`, `wx.*` calls, `.wxml` pages, 微信授权/微信登录 copy
rule-drainage-phone-summary = 引导致电: a customer-service or sales phone line shown to users (a 400 hotline, `咨询电话：0571-…`, `客服电话：{"{{"}phone{"}}"}`) or dialled with `tt.makePhoneCall` and a literal number; not an order's or a courier's phone bound from data
rule-induced-share-summary = 诱导分享: rewards promised for sharing or inviting (分享得, 分享领取, 转发解锁, 邀请好友得, 集赞得) on a page with a share button or share handler
rule-trade-missing-customer-service-summary = the mini-program trades but no page offers Douyin IM customer service (reported once, on `app.json`)
rule-trade-page-missing-customer-service-summary = a trade page or order page on which no IM entry renders; or IM only on pages users never look at
rule-im-button-invalid-summary = an `open-type="im"` button without a usable `data-im-id` (missing, empty, `xxx`, `抖音号`…), or a `data-im-type` card without its id
rule-trade-prerequisites-summary = once per trading mini-program: the console steps code cannot show (商户进件, 保证金, trade access)
rule-parse-error-summary = a file that cannot be read or parsed — reported, never a crash; the other files are still linted
rule-missing-file-summary = a page, component, template or module that is referenced but does not exist
rule-internal-error-summary = ttlint itself failed on a file (a bug in ttlint): the rule and file are named, the other findings are kept, and the run exits 2; cannot be turned off or suppressed
rule-unused-suppression-summary = a `ttlint-disable` comment that suppressed nothing, or names an unknown rule

## Names of severities and categories, for people (JSON and config keep the ids).

severity-name = { $severity ->
    [error] error
    [warning] warning
   *[info] info
  }
category-name = { $category ->
    [payment] payment
    [ios] ios
    [drainage] drainage
    [service] service
    [deposit] deposit
   *[engine] engine
  }
fix-kind-name = { $fix ->
    [safe] --fix
    [unsafe] fix offered
   *[none] {""}
  }

## `ttlint rules`, `ttlint explain`, `--show-files`

rules-footer = `ttlint explain <id>` shows a rule's documentation.
explain-header = Default severity: { $severity } · Category: { $category } · Platform page: { $url }

## The pretty output: miette's own labels, and the closing summary line.

pretty-help-label = help
summary-files = { $count } { $count ->
    [one] file
   *[other] files
  }
summary-errors = { $count } { $count ->
    [one] error
   *[other] errors
  }
summary-warnings = { $count } { $count ->
    [one] warning
   *[other] warnings
  }
summary-infos = { $count } { $count ->
    [one] info
   *[other] infos
  }
summary-clean = ✔ No problems found in { $files }
summary-found = ✖ { $found } in { $files }
summary-suppressed = ; { $count } suppressed by comments
summary-skipped = ; { $count } source { $count ->
    [one] file
   *[other] files
  } not reachable from app.json and skipped (--all-files lints them)
summary-build-output = ; { $count } { $count ->
    [one] file
   *[other] files
  } of compiled output skipped: the source is linted (--include-build-output lints it)
summary-baselined = ; { $count } in the baseline, not reported
summary-baseline-stale = ; { $count } baseline { $count ->
    [one] entry records
   *[other] entries record
  } more than found (--prune-suppressions updates the baseline)
pretty-more-related = and { $count } more
pretty-more-like-this = { $count } more like this in this file: { $places }{ $unlisted ->
    [0] {""}
   *[other] {""} and { $unlisted } more
  }
pretty-not-shown = … { $count } more { $count ->
    [one] finding
   *[other] findings
  } not shown (`--max-diagnostics { $limit }`; the counts below include { $count ->
    [one] it
   *[other] them
  })
pretty-table-heading = { $column ->
    [rule] rule
    [severity] severity
    [findings] findings
    [files] files
   *[fixable] fixable
  }
pretty-dominant = Most findings are `{ $rule }` ({ $count } of { $total }).{ $fixable ->
    [0] {""}
   *[other] {" "}`ttlint --fix` fixes { $fixable } of them.
  } To look at the others first, add `--rule { $rule }=off`; to adopt ttlint without fixing them now, record them in a baseline with `ttlint --suppress-rule { $rule }`: then only new ones fail.

## Errors that stop a run (exit code 2). `$reason` is the operating system's own text.

error-line = ttlint: error: { $message }
error-internal-rule = ttlint: internal error: a rule failed (see the `internal-error` findings). This is a bug in ttlint, not in your project; please report it with the command you ran.
error-internal-panic = ttlint: internal error: ttlint stopped unexpectedly ({ $detail }). This is a bug in ttlint, not in your project; please report it with the command you ran.
error-write-output = cannot write output: { $reason }
error-output-file = cannot write the output to `{ $path }`: { $reason }
error-working-folder = cannot read the working folder: { $reason }
error-stdin = cannot read standard input: { $reason }
error-threads = cannot start worker threads: { $reason }
error-unknown-rule = unknown rule `{ $rule }`: `ttlint rules` lists every rule
error-unknown-rule-similar = unknown rule `{ $rule }`: did you mean { $similar }?
error-no-such-path = cannot lint { $path }: no such file or folder
error-stdin-not-lintable = --stdin-filename { $path }: not a file ttlint lints (it reads .js .mjs .cjs .ts .ttml .sjs .json .vue .tsx .jsx)
error-bad-glob = bad { $source ->
    [builtin] built-in ignore
    [config] ignore pattern in ttlint.json
   *[cli] --ignore
  } `{ $pattern }`: { $reason }
error-bad-glob-set = bad { $source ->
    [builtin] built-in ignore
    [config] ignore pattern in ttlint.json
   *[cli] --ignore
  }: { $reason }

## The baseline, `ttlint-suppressions.json`. Problems follow the place: `<file>:<line>:<column>: <problem>`.

baseline-unreadable = cannot read the suppressions file { $path }: { $reason }
baseline-not-object = a suppressions file maps file paths to rule ids and counts
baseline-file-not-object = `{ $file }` must map rule ids to their `count`
baseline-unsuppressible = `{ $rule }` cannot be baselined: a failure of ttlint itself is always reported
baseline-bad-count = `{ $rule }` needs a `count` of 1 or more
baseline-write = cannot write the suppressions file { $path }: { $reason }
baseline-written = ttlint: { $path } records { $findings } { $findings ->
    [one] finding
   *[other] findings
  } in { $files } { $files ->
    [one] file
   *[other] files
  }; only findings beyond these counts fail

## `--fix` and `--fix-dry-run`, on standard error.

fix-applied = ttlint: fixed { $findings } { $findings ->
    [one] finding
   *[other] findings
  } in { $files } { $files ->
    [one] file
   *[other] files
  }
fix-would = ttlint: `--fix` would fix { $findings } { $findings ->
    [one] finding
   *[other] findings
  } in { $files } { $files ->
    [one] file
   *[other] files
  }
fix-refused = ttlint: note: { $path } not fixed: the fixed file would not parse as well as it does now
fix-changed = ttlint: note: { $path } not fixed: it changed while ttlint was running
fix-write = cannot write the fixed file { $path }: { $reason }

## `ttlint init`: comments in the ttlint.json it writes, and what it says.

init-comment-schema = ttlint's settings; editors that read JSON schemas complete them.
init-comment-rules = Rule levels: "off", "info", "warning" or "error" (`ttlint rules` lists the rules).
init-comment-ignore = Paths not to lint, relative to this file; a pattern without "/" matches a name anywhere.
init-comment-lang = The language of messages, "en" or "zh-CN" (else the environment's).
init-comment-data = Your own entries for ttlint's rule data, for example your web-view domains.
init-done = Wrote { $path }. Next: run `ttlint`; to adopt it on an existing app, `ttlint --suppress-all` records today's findings so that only new ones fail.
init-exists = { $path } already exists: `ttlint init` never overwrites it
init-write = cannot write { $path }: { $reason }

## `--rule ID=LEVEL`

option-rule-syntax = --rule expects ID=LEVEL (for example deprecated-tt-pay=warning), got `{ $spec }`
option-rule-unknown = --rule { $spec }: unknown rule id `{ $rule }` (`ttlint rules` lists them)
option-rule-unknown-similar = --rule { $spec }: unknown rule id `{ $rule }`; did you mean `{ $similar }`?
option-rule-always-on = --rule { $spec }: `{ $rule }` cannot be configured: a failure of ttlint itself is always reported
option-rule-bad-level = --rule { $spec }: bad level `{ $level }`, expected off, info, warning or error

## ttlint.json. A problem is shown after its place: `<file>:<line>:<column>: <problem>`.

config-unreadable = cannot read config file { $path }: { $reason }
config-invalid-json = invalid JSON: { $message }
config-not-object = the config must be a JSON object
config-rules-not-object = `rules` must be an object of rule id → level
config-unknown-rule = unknown rule id `{ $rule }` (`ttlint rules` lists them)
config-unknown-rule-similar = unknown rule id `{ $rule }`; did you mean { $similar }?
config-always-on = `{ $rule }` cannot be configured: a failure of ttlint itself is always reported
config-bad-level = bad level for `{ $rule }`: expected "off", "info", "warning" or "error"
config-data-not-object = `data` must be an object of list name → strings
config-unknown-list = unknown data list `{ $list }`; the lists are: { $lists }
config-bad-api = `{ $list }` entries name an API as `tt.name`, `uni.name` or `Taro.name`; found `{ $value }`
config-bad-lang = `lang` must be "en" or "zh-CN"; found `{ $value }`
config-unknown-setting = unknown setting `{ $setting }`; the settings are `rules`, `ignore`, `data` and `lang`
config-unknown-setting-similar = unknown setting `{ $setting }`; did you mean `{ $similar }`?
config-not-list = `{ $name }` must be an array of strings
config-not-string = `{ $name }` entries must be strings, found { $found ->
    [null] null
    [boolean] a boolean
    [number] a number
    [array] an array
   *[object] an object
  }

## `--help`: clap's texts and our own. Code, option names and value names stay as they are.

cli-about = Compliance linter for Douyin (抖音) mini-programs.

    Finds what gets a submission rejected or its payment capability banned: the offline tt.pay API, cash payment for virtual goods on iOS, traffic drained to WeChat and other platforms, and trade pages without Douyin IM customer service. Each finding names the file, line and platform rule.
cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-heading-examples = Examples:
cli-usage-options = OPTIONS
cli-usage-command = COMMAND
cli-example-lint = lint the mini-program in the current folder
cli-example-check = the same for another folder (`check` is optional)
cli-example-file = lint one file, with its project around it
cli-example-json = machine-readable output for editors and scripts
cli-example-html = a compliance report to open in a browser
cli-example-lang = messages and help in Chinese (中文输出)
cli-example-baseline = adopt on an existing app: only new findings fail
cli-example-fix = apply the safe fixes (`--fix-dry-run`: as a diff)
cli-example-rules = list every rule
cli-example-explain = a rule's documentation
cli-example-lsp = the language server, for editors (see `ttlint lsp --help`)
cli-exit-codes = Exit codes: 0 no errors (and warnings within --max-warnings), 1 the check failed, 2 usage, config or internal error.
cli-cmd-check = Lint mini-program files (the default command).
cli-cmd-rules = List every rule: id, default severity, category, summary and platform page.
cli-cmd-init = Write a commented ttlint.json in the working folder.
cli-cmd-explain = Show a rule's full documentation: what it flags, why, what to do instead.
cli-cmd-lsp = Run the language server on standard input and output, for editors: findings as you type, quick fixes, rule documentation on hover.
cli-lsp-after-help =
    Editors start it (the VS Code extension, `nvim-lspconfig`, any LSP client); it is not for typing into. Each document is linted from its unsaved text, with the mini-program around it and the ttlint.json of its project.

    Initialization options (`initializationOptions`): `lang` (`en` or `zh-CN`), and `debounceMs`, the pause in typing before a changed document is linted (default 200).

    The language of messages: `lang` above, else `--lang`, else `"lang"` in the project's ttlint.json, else the editor's display language (`InitializeParams.locale`), else `LC_ALL`, `LC_MESSAGES` or `LANG`.
cli-cmd-help = Print this message or the help of the given subcommand(s)
cli-arg-paths = Files or folders to lint (default: the current folder). A folder holding app.json is linted as a mini-program: only files reachable from app.json are checked.
cli-arg-format = Output format: `pretty` (default), `concise` (one line per finding), `json`, `sarif`, `github`, `gitlab`, `checkstyle`, `junit` or `html` (a report to open in a browser; use with `-o`).
cli-arg-color = When to use colours in pretty output: `auto` (default: when writing to a terminal and `NO_COLOR` is not set), `always` or `never`.
cli-arg-output-file = Write the output to FILE (created, or truncated) instead of standard output.
cli-arg-config = Config file to use instead of the ttlint.json found from the linted folder upwards.
cli-arg-rule = Set a rule's level, overriding the config: `ID=off|info|warning|error`. Repeatable.
cli-arg-max-warnings = Fail (exit 1) when there are more than N warnings. Default: warnings never fail.
cli-arg-max-diagnostics = Show at most N findings in `pretty` and `concise` output (errors first); the counts stay true.
cli-arg-quiet = Report errors only: warnings and infos are neither shown nor counted.
cli-arg-ignore = Do not lint paths matching GLOB (relative to the working folder). Repeatable.
cli-arg-all-files = Also lint files that app.json does not reach (unused pages, dead utilities). By default they are skipped, and the summary says how many.
cli-arg-include-build-output = Also lint a uni-app or Taro project's compiled output (`unpackage/`, `dist/`) found next to its source. By default it is skipped: the source is what people write.
cli-arg-stdin-filename = Lint the text on standard input as if it were the file at PATH (which need not exist yet), with the mini-program on disk around it: for editors linting unsaved buffers.
cli-arg-show-files = Print the files that would be linted, and the unreachable ones skipped, instead of linting.
cli-arg-fix = Apply the safe fixes to the files (`ttlint rules` shows which rules have them), then lint again and report what is left.
cli-arg-fix-dry-run = Print the safe fixes as a unified diff instead of applying them; exit 1 when there are some.
cli-arg-suppress-all = Record every finding in the baseline (`ttlint-suppressions.json`): from then on only findings beyond its counts fail, so a team can adopt ttlint on an existing app.
cli-arg-suppress-rule = Record the findings of rule ID in the baseline. Repeatable.
cli-arg-prune-suppressions = Lower the baseline's counts to what is found now, and drop entries for what is gone.
cli-arg-suppressions-location = The baseline file (default: `ttlint-suppressions.json` in the working folder).
cli-arg-print-config = Print the settings that apply to the first PATH as JSON (the config file, every rule's level after it and `--rule`, ignores, data, language, baseline) instead of linting.
cli-arg-threads = Worker threads (default: one per CPU core).
cli-arg-lang = Language of messages and help: `en` or `zh-CN`. Default: `"lang"` in ttlint.json, else `LC_ALL`, `LC_MESSAGES` or `LANG` (`zh…` reads Chinese).
cli-arg-rules-format = Output format: `pretty` (default), `json`, or `markdown` (the rule table of the README).
cli-arg-explain-rule = A rule id, as shown in findings (for example `deprecated-tt-pay`).
cli-arg-lsp-stdio = Accepted for editors that pass it: standard input and output are the only transport.
cli-arg-help = Print help
cli-arg-help-long = Print help (see a summary with `-h`)
cli-arg-version = Print version
cli-arg-help-command = The command whose help to print

## Command-line errors in languages other than English (English shows clap's own).

cli-error = error: { $message }
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-did-you-mean = did you mean `{ $suggestion }`?
cli-error-invalid-value = invalid value `{ $value }` for `{ $arg }`; possible values: { $valid }
cli-error-value = invalid value `{ $value }` for `{ $arg }`: { $reason }
cli-error-missing-value = `{ $arg }` needs a value
cli-error-missing = missing required argument `{ $arg }`
cli-error-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-error-unknown-command = unrecognized subcommand `{ $command }`
cli-error-other = invalid command line: { $message }
cli-error-more-info = For more information, try `--help`.
