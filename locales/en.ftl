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
drainage-contact-help = Remove the contact: keep users on Douyin. For questions and after-sales service use Douyin IM customer service (`<button open-type="im">`).

## drainage-qrcode

drainage-qrcode-text = `{ $found }` tells users to scan a QR code that leads off Douyin (third-party drainage, 第三方引流)
drainage-qrcode-image = a long-pressable image next to a QR-code or contact prompt: users long-press it to leave Douyin (third-party drainage, 第三方引流)
drainage-qrcode-help = Remove the QR-code prompt: users must not be sent to WeChat, groups or official accounts. Offer the benefit inside the mini-program instead.

## drainage-external-link

drainage-external-link-download = `{ $found }` sends users to download another app (third-party drainage, 第三方引流)
drainage-external-link-download-help = Remove the download prompt: a mini-program must not send users to install apps.
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
    [key] the list re-renders without keys
   *[other] the element loses what it asked for
}
wechat-only-feature-directive-help = Use `{ $replacement }`.
wechat-only-feature-wx-call = `{ $api }`: `wx` is WeChat's global and is undefined on Douyin
wechat-only-feature-wx-call-help = Use `{ $douyin }`, Douyin's API of the same name, or keep the call inside `// #ifdef MP-WEIXIN`.
wechat-only-feature-wx-call-no-equivalent-help = Douyin has no `{ $douyin }`: remove the call, or keep it inside `// #ifdef MP-WEIXIN` (or behind `typeof wx !== 'undefined'`).
wechat-only-feature-wxml = page `{ $route }` has a WeChat `.wxml` template and no `.ttml`: Douyin cannot render it
wechat-only-feature-wxml-help = Rename `{ $route }.wxml` to `.ttml` and replace `wx:` directives with `tt:`.

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

## Why a file was not linted (--show-files)

skipped-unreachable = skipped: not reachable from the app's configuration; --all-files lints it
skipped-build-output = skipped: compiled output of a uni-app or Taro project whose source is linted; --include-build-output lints it
skipped-tooling = skipped: a configuration or Node script of the tooling around the app, not app code
skipped-other-platform = skipped: built only for another platform, never shipped to Douyin
