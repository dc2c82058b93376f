# ttlint 的消息目录，简体中文。
#
# 与 locales/en.ftl 的消息 ID 和变量完全相同（测试会检查）。术语以抖音开放平台官方文档为准，见
# docs/glossary.md；代码、API、规则 ID、文件名放在反引号里，不翻译。反引号外应当是中文：只有
# locales/zh-CN-allowlist.txt 中列出的词（如 iOS、QQ、app.json）可以保留拉丁字母。

## 相关位置的标签

label-trades-here = 在这里发起交易：{ $what }
label-customer-service-on = `{ $route }` 上有客服入口
label-calls-payment = 从这里调用支付
label-pays-here = 在这里支付：{ $api }
label-hands-over-payment = 在这里把发起支付的函数交给别处调用
label-shows-payment = 在这里显示发起支付的内容（`{ $flag }`）
label-opened-here = 在 iOS 上同样从这里打开：这里设置了 `{ $flag }`，它会显示支付入口
label-shares-here = 用户从这里分享

## deprecated-tt-pay

deprecated-tt-pay-call = `{ $api }` 已下线：担保支付收银台已不再收款
deprecated-tt-pay-value = 这里把 `{ $api }` 当作值传递，而它已下线：担保支付收银台已不再收款
deprecated-tt-pay-destructure = 这里从 `{ $object }` 中取出了 `{ $member }`，而 `{ $api }` 已下线：担保支付收银台已不再收款
deprecated-tt-pay-wrapper = `{ $api }` 在抖音上会被编译成已下线的 `tt.pay`：担保支付收银台已不再收款
deprecated-tt-pay-taro = `{ $api }` 在抖音上就是已下线的 `tt.pay`（Taro 会原样转发）：担保支付收银台已不再收款
deprecated-tt-pay-taro-help = 请迁移到通用交易系统：在 `process.env.TARO_ENV === 'tt'` 分支中，用 `Taro.requestOrder`（即 `tt.requestOrder`）创建订单，再用 `tt.getOrderPayment` 拉起收银台。
deprecated-tt-pay-help = 请迁移到通用交易系统：用 `tt.requestOrder` 创建订单，再用 `tt.getOrderPayment` 拉起收银台（调用前用 `tt.canIUse('requestOrder')` 判断是否支持）。
deprecated-tt-pay-wrapper-help = 请迁移到通用交易系统：用 `tt.requestOrder` 创建订单，再用 `tt.getOrderPayment` 拉起收银台（调用前用 `tt.canIUse('requestOrder')` 判断是否支持）。uni-app 项目请在 `// #ifdef MP-TOUTIAO` 中调用它们，不要再用 `{ $api }`。

## non-douyin-payment-api

non-douyin-payment-api-wx = `{ $api }` 在抖音上无法支付：`wx` 是微信的全局对象，抖音小程序中没有定义
non-douyin-payment-api-wechat-params = `{ $api }` 在抖音上无法支付：抖音小程序没有这个接口，而且传入的是微信 JSAPI 支付参数（从微信移植过来的代码）
non-douyin-payment-api-toutiao = `{ $api }` 在抖音上无法支付：这是早期头条小程序的支付接口（只支持支付宝），抖音小程序早已不再提供
non-douyin-payment-api-missing = `{ $api }` 在抖音上无法支付：抖音小程序没有这个接口
non-douyin-payment-api-jsapi = 传给 `{ $api }` 的是微信 JSAPI 支付参数（`timeStamp`、`nonceStr`、`package`、`paySign`），在抖音上无法支付
non-douyin-payment-api-jsapi-shipped = 传给 `{ $api }` 的是微信 JSAPI 支付参数（`timeStamp`、`nonceStr`、`package`、`paySign`），在抖音上无法支付（这段代码没有用 `// #ifdef MP-WEIXIN` 限定在微信端，同样会打包进抖音小程序）
non-douyin-payment-api-help = 请通过通用交易系统收款：先用 `tt.requestOrder` 创建订单，再用 `tt.getOrderPayment` 拉起收银台。

## deprecated-trade-api

deprecated-trade-api-api = `{ $api }` { $status ->
    [deprecated] 已废弃
    [soon-deprecated] 即将废弃
   *[unmaintained] 已不再维护
  }
deprecated-trade-api-using = `{ $path }`（以 `<{ $tag }>` 使用）{ $status ->
    [deprecated] 已废弃
    [soon-deprecated] 即将废弃
   *[unmaintained] 已不再维护
  }
deprecated-trade-api-builtin = 内置组件 `<{ $tag }>` { $status ->
    [deprecated] 已废弃
    [soon-deprecated] 即将废弃
   *[unmaintained] 已不再维护
  }
deprecated-trade-api-tag = `<{ $tag }>` { $status ->
    [deprecated] 已废弃
    [soon-deprecated] 即将废弃
   *[unmaintained] 已不再维护
  }
deprecated-trade-api-help = 请改用{ $replacement }。

## ios-virtual-payment

ios-virtual-payment-component = 页面 `{ $route }` 出售虚拟商品（{ $goods }），却在 iOS 上显示支付组件 `<{ $tag }>`，而 iOS 上禁止用现金购买虚拟商品
ios-virtual-payment-handler = 页面 `{ $route }` 出售虚拟商品（{ $goods }），`{ $handler }` 发起的支付在 iOS 上没有被拦截，而 iOS 上禁止用现金购买虚拟商品
ios-virtual-payment-lifecycle = 页面 `{ $route }` 出售虚拟商品（{ $goods }），`{ $lifecycle }` 在页面一打开就发起支付，在 iOS 上没有任何拦截，而 iOS 上禁止用现金购买虚拟商品
ios-virtual-payment-lifecycle-help = 在 iOS 上支付前直接返回（`if (isIOS) return;`，`isIOS` 取自 `{ $framework ->
    [uni-app] uni
    [taro] Taro
   *[native] tt
}.getSystemInfoSync().platform === 'ios'`），并且不要在 iOS 上提供任何其他付款途径。
ios-virtual-payment-inline = 页面 `{ $route }` 出售虚拟商品（{ $goods }），这里内联写的 `{ $event }` 事件处理函数发起的支付在 iOS 上没有被拦截，而 iOS 上禁止用现金购买虚拟商品
ios-virtual-payment-help = 让支付在 iOS 上无法触达：{ $framework ->
    [uni-app] 隐藏该元素（`v-if="!isIOS"`，`isIOS` 取自 `uni.getSystemInfoSync().platform === 'ios'`）
    [taro] 隐藏该元素（`{"{"}!isIOS && <Button …>{"}"}`，`isIOS` 取自 `Taro.getSystemInfoSync().platform === 'ios'`）
   *[native] 隐藏该元素（`tt:if="{"{{"}!isIOS{"}}"}"`，`isIOS` 取自 `tt.getSystemInfoSync().platform === 'ios'`）
}，或在支付前直接返回（`if (isIOS) return;`），并且不要在 iOS 上提供任何其他付款途径。

## ios-payment-redirect

ios-payment-redirect = `{ $found }` 引导用户到小程序之外付款，违反小程序iOS虚拟支付规范
ios-payment-redirect-help = 删除这条提示：在 iOS 上隐藏购买入口，也不要提示任何其他付款途径（安卓、App、官网、公众号、二维码、客服）。

## ios-platform-value

ios-platform-value = `platform` 永远不会等于 `'{ $literal }'`（它是小写的 `'ios'`），这个判断恒为假，iOS 拦截永远不会生效
ios-platform-value-help = 请与 `'ios'` 比较：抖音上的 `platform` 都是小写（`'ios'`、`'android'`、`'devtools'`）。

## drainage-contact

drainage-contact-text = `{ $found }` 引导用户到抖音之外联系你（第三方引流）
drainage-contact-clipboard = 复制 `{ $value }`，让用户去微信或 QQ 添加（第三方引流）
drainage-contact-api = `{ $api }` 打开的是企业微信客服，而不是抖音IM客服：它把用户带离抖音（第三方引流）
drainage-contact-help = 删除联系方式，把用户留在抖音：咨询和售后请使用抖音IM客服（`<button open-type="im">`）。

## drainage-qrcode

drainage-qrcode-text = `{ $found }` 让用户扫描二维码离开抖音（第三方引流）
drainage-qrcode-image = 二维码或联系方式提示旁有一张可长按识别的图片：用户长按即可离开抖音（第三方引流）
drainage-qrcode-save = `{ $found }`，而同一文件里又有 `{ $scan }`：用户保存二维码是为了到抖音之外扫描（第三方引流）
drainage-qrcode-help = 删除二维码提示：不得把用户引向微信、群聊或公众号。请直接在小程序内提供相应的福利。

## drainage-external-link

drainage-external-link-download = `{ $found }` 引导用户下载其他 App（第三方引流）
drainage-external-link-download-help = 删除下载提示：小程序不得引导用户安装 App。
drainage-external-link-platform = `{ $found }` 把用户引向其他平台（第三方引流）
drainage-external-link-platform-help = 删除这条行动号召：小程序不得把用户引向其他平台的账号或店铺。内容和购买都留在小程序里。
drainage-external-link-http = `web-view` 通过明文 `http` 加载 `{ $url }`：`web-view` 页面必须是你已校验的业务域名，并使用 HTTPS
drainage-external-link-http-help = 请使用 HTTPS，从开发者后台已校验的业务域名提供这个页面。
drainage-external-link-browser = 复制 `{ $url }`，让用户到浏览器中打开（第三方引流）
drainage-external-link-browser-help = 请在小程序内展示这些内容（做成页面，或用 `web-view` 打开你已校验的域名），不要把用户引到浏览器。
drainage-external-link-third-party = `web-view` 打开的是第三方网站 `{ $host }`：`web-view` 只能展示你自己已校验的业务域名
drainage-external-link-third-party-help = `web-view` 中只展示你自己已校验的业务域名。如果这个域名是你的，请在 ttlint.json 中把它加到 `"data": { "{" } "ownDomains": [...] { "}" }`。

## navigate-to-mini-program

navigate-to-mini-program-too-many = `navigateToMiniProgramAppIdList` 中有 { $count } 个 AppID，平台最多允许 { $max } 个
navigate-to-mini-program-too-many-help = 只保留用户真正会跳转的小程序（最多 { $max } 个）。
navigate-to-mini-program-wechat-id = `{ $app_id }` 是微信小程序的 AppID：抖音小程序无法跳转过去
navigate-to-mini-program-wechat-id-help = 列出要跳转的抖音小程序的 AppID（`tt…`），删除微信的 AppID。
navigate-to-mini-program-no-list = 调用了 `{ $api }`，但 { $config } 中没有 `navigateToMiniProgramAppIdList`：跳转会失败
navigate-to-mini-program-no-list-help = 在 { $config } 的 `navigateToMiniProgramAppIdList` 中声明要跳转的 AppID（最多 { $max } 个；uni-app 项目写在 `manifest.json` 的 `mp-toutiao` 下）。
navigate-to-mini-program-unlisted = `{ $app_id }` 不在 { $config } 的 `navigateToMiniProgramAppIdList` 中：跳转会失败
navigate-to-mini-program-unlisted-help = 把这个 AppID 加到 { $config } 的 `navigateToMiniProgramAppIdList` 中（最多 { $max } 个），或删除这次跳转。

## wechat-only-feature

wechat-only-feature-copy = `{ $found }` 要用户使用抖音上不存在的微信功能
wechat-only-feature-copy-help = 请使用抖音自己的能力：`tt.login` 和 `tt.getUserProfile`（抖音登录/抖音授权）。
wechat-only-feature-official-account = `<official-account>` 是微信的公众号关注组件：抖音上不存在，而且会把用户引向微信
wechat-only-feature-official-account-help = 请删除它。
wechat-only-feature-contact = `open-type="contact"` 是微信的客服：在抖音上这个按钮点了没有任何反应
wechat-only-feature-contact-help = 请使用抖音IM客服：`<button open-type="im" data-im-id="…">`。
wechat-only-feature-directive = `{ $directive }` 是微信的指令，抖音会忽略它：{ $effect ->
    [condition] 元素总是会渲染
    [loop] 元素只会渲染一次，而不是每一项渲染一次
    [name] 循环变量仍叫默认的 `item` 和 `index`，绑定这里所起名字的内容都会是空的
    [key] 列表会在没有 `key` 的情况下重新渲染
   *[other] 元素上的这项设置不会生效
}
wechat-only-feature-directive-help = 请改用 `{ $replacement }`。
wechat-only-feature-wx-call = `{ $api }`：`wx` 是微信的全局对象，在抖音上未定义
wechat-only-feature-wx-call-uni = `{ $api }`：uni-app 会把 `wx` 调用当作抖音自己的接口执行，而抖音没有 `{ $douyin }`
wechat-only-feature-wx-call-help = 请改用抖音的同名接口 `{ $douyin }`，或把这次调用放在 `// #ifdef MP-WEIXIN` 中。
wechat-only-feature-wx-call-no-equivalent-help = 抖音没有 `{ $douyin }`：请删除这次调用，或把它放在 `// #ifdef MP-WEIXIN` 中（或放在 `typeof wx !== 'undefined'` 判断之后）。
wechat-only-feature-wxml = 页面 `{ $route }` 只有微信的 `.wxml` 模板，没有 `.ttml`：抖音无法渲染它
wechat-only-feature-wxml-help = 把 `{ $route }.wxml` 改名为 `.ttml`，并把 `wx:` 指令换成 `tt:`。

## drainage-phone

drainage-phone-number = `{ $number }` 是作为服务渠道提供给用户的电话号码（引导致电）
drainage-phone-bound = `{ $label }` 向用户展示从数据绑定的电话号码，把电话当作服务渠道（引导致电）
drainage-phone-call = `{ $api }` 拨打小程序自己的电话 `{ $number }`，把电话当作服务渠道（引导致电）
drainage-phone-help = 请通过抖音IM客服（`<button open-type="im">`）提供客服，不要提供电话：页面或弹窗中包含客服、销售等电话属于引导致电，平台会因此取消小程序的通用挂载权限。

## induced-share

induced-share-text = `{ $found }` 在用户可以分享的页面上承诺分享或邀请的奖励（诱导分享）
induced-share-help = 让用户因为内容值得分享而分享：不要为分享、邀请或集赞提供奖励、佣金、解锁或额外机会。诱导分享一经发现，平台会强制小程序下线 7 天，并可能取消其通用挂载权限。

## trade-missing-customer-service

trade-missing-customer-service = 这个小程序涉及交易，但没有任何页面提供抖音IM客服；涉及交易的小程序必须具备客服功能
trade-missing-customer-service-help = 先在开发者后台开通抖音IM客服，再在首页、订单页和个人页（我的）加入{ $framework ->
    [uni-app] { " " }`<button open-type="im" :data-im-id="imId">联系客服</button>`
    [taro] 包含 `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>` 的原生自定义组件（在页面的 `usingComponents` 中声明：Taro 的 `<Button>` 不会把 `data-im-id` 传给抖音）
   *[native] { " " }`<button open-type="im" data-im-id="<客服抖音号>">联系客服</button>`
}。

## trade-page-missing-customer-service

trade-page-missing-customer-service-trade = 交易页 `{ $route }` 没有抖音IM客服；客服只出现在 { $served }
trade-page-missing-customer-service-order = 订单页 `{ $route }` 没有抖音IM客服；客服只出现在 { $served }
trade-page-missing-customer-service-help = 在这个页面加入{ $framework ->
    [uni-app] { " " }`<button open-type="im" :data-im-id="imId">联系客服</button>`
    [taro] 包含 `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>` 的原生自定义组件（在页面的 `usingComponents` 中声明：Taro 的 `<Button>` 不会把 `data-im-id` 传给抖音）
   *[native] { " " }`<button open-type="im" data-im-id="<客服抖音号>">联系客服</button>`
}（或包含它的公共组件）：买家会在付款的地方和订单里找客服。
trade-page-missing-customer-service-hidden = 抖音IM客服只出现在 { $served }，首页、`tabBar` 页面、订单页和个人页上都没有
trade-page-missing-customer-service-hidden-help = 把客服按钮放在用户会去找的地方：首页、订单页或个人页（我的）。

## im-button-invalid

im-button-invalid-taro-button = Taro 的 `<Button>` 不会把 `data-im-id` 传给抖音的按钮（它生成的模板中没有这个属性）：这个IM客服按钮拉起时会报 `params invalid` 而失败
im-button-invalid-wrapper-drops-id = `<{ $tag }>`（{ $library }）会把 `open-type` 传给它渲染的按钮，却不传 `data-im-id`：这个IM客服按钮拉起时会报 `params invalid` 而失败
im-button-invalid-wrapper-no-button = `<{ $tag }>`（{ $library }）在抖音上不会渲染原生按钮：写在它上面的 `open-type="im"` 不起任何作用
im-button-invalid-native-help = 请把IM客服按钮写成原生按钮：{ $framework ->
    [uni-app] `<button open-type="im" :data-im-id="imId">联系客服</button>`，用你自己的 `class` 设置样式
    [taro] 在一个原生自定义组件中写 `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>`，并在页面的 `usingComponents` 中声明这个组件
   *[native] `<button open-type="im" data-im-id="{"{{"}imId{"}}"}">联系客服</button>`，用你自己的 `class` 设置样式
}。
im-button-invalid-missing-id = IM客服按钮缺少 `data-im-id`：拉起时会报 `params invalid` 而失败
im-button-invalid-empty-id = IM客服按钮的 `data-im-id` 为空：拉起时会报 `params invalid` 而失败
im-button-invalid-placeholder-id = `data-im-id="{ $value }"` 是占位符，不是抖音号：按钮会报 `params invalid` 而失败
im-button-invalid-id-help = 把 `data-im-id` 设为IM客服后台中配置的客服抖音号，或绑定变量：`data-im-id="{"{{"}imId{"}}"}"`。{ $error_handler ->
    [missing] 另外请加上 `binderror` 处理拉起失败：否则点击失败时没有任何提示。
   *[present] {""}
  }
im-button-invalid-card-needs-id = `data-im-type="{ $kind }"` 会发送{ $kind ->
    [order] 订单
    [goods] 商品
   *[other] 「{ $kind }」
  }卡片，需要 `{ $required }`
im-button-invalid-card-needs-id-help = 加上 `{ $required }="{"{{"}…{"}}"}"`，填入{ $kind ->
    [order] 订单
    [goods] 商品
   *[other] 「{ $kind }」
  }的 ID；或去掉 `data-im-type`，发起普通会话。{ $error_handler ->
    [missing] 另外请加上 `binderror` 处理拉起失败：否则点击失败时没有任何提示。
   *[present] {""}
  }
im-button-invalid-unknown-card = `data-im-type="{ $kind }"` 不是平台支持的卡片类型
im-button-invalid-unknown-card-help = 请使用 { $known } 之一（并带上对应的 ID），或去掉 `data-im-type`，发起普通会话。{ $error_handler ->
    [missing] 另外请加上 `binderror` 处理拉起失败：否则点击失败时没有任何提示。
   *[present] {""}
  }

## trade-prerequisites

trade-prerequisites = 这个小程序涉及交易（{ $count } 处）：请确认代码中看不出来的后台前提条件
trade-prerequisites-help = 请在开发者后台：完成商户进件、缴纳保证金、开通交易能力（通用交易系统），并配置好抖音IM客服。确认之后可以在 ttlint.json 中关闭这条提醒。

## parse-error

parse-error-unreadable = 无法读取此文件：{ $reason }
parse-error-not-utf8 = 此文件不是有效的 UTF-8 编码
parse-error-not-utf8-help = 请把文件保存为 UTF-8 编码：抖音开发者工具按 UTF-8 读取源码，其他编码会被拒绝。
parse-error-too-deep = 代码嵌套超过 { $limit } 层，ttlint 不分析此文件
parse-error-too-deep-help = 这几乎一定是生成的代码：请把它加到 ttlint.json 的 `ignore` 中。
parse-error-script = 语法错误：{ $message }
parse-error-json = JSON 格式错误：{ $message }
parse-error-syntax-help = 请修正语法错误：抖音开发者工具无法构建此文件，ttlint 也无法检查它。
parse-error-template = 模板错误：{ $message }
parse-error-template-help = 请修正模板标签：抖音开发者工具无法编译这个模板。
parse-error-outside-help = 小程序中没有任何地方引用这个文件，构建时不会读取它，但 ttlint 无法检查它。如果它不是小程序代码，请把它加到 ttlint.json 的 `ignore` 中。
parse-error-more = 此文件还有 { $count } 处语法错误未列出
parse-error-more-help = 请先修正此前列出的错误，再运行一次 ttlint：其余的错误通常由最前面的错误引起。

## missing-file

missing-file-page = { $config } 中列出了页面 `{ $route }`，但它没有任何文件
missing-file-page-template = 页面 `{ $route }` 缺少模板 `{ $route }.ttml`
missing-file-component = 在 `{ $path }` 找不到组件 `{ $tag }`
missing-file-template = 找不到 `{ $src }`
missing-file-module = 找不到模块 `{ $specifier }`
missing-file-help = 请修正路径或删除这处引用：抖音开发者工具会因此中止构建。

## internal-error

internal-error = 规则 `{ $rule }` 检查此文件时出错：{ $what }
internal-error-help = 这是 ttlint 自身的缺陷，不是你的代码有问题：请附上此文件向我们反馈。其他规则和文件仍已照常检查。

## unused-suppression

unused-suppression-directive = 这条 `ttlint-disable` 指令没有屏蔽任何问题
unused-suppression-directive-help = 请删除它：过期的屏蔽注释会把这里下一个真正的问题藏起来。
unused-suppression-unknown-rule = `ttlint-disable` 指令中的规则 ID `{ $rule }` 不存在
unused-suppression-unknown-rule-help = 请检查拼写：`ttlint rules` 会列出所有规则 ID。
unused-suppression-rule = 这里屏蔽了 `{ $rule }`，但它没有报告任何问题
unused-suppression-rule-help = 请把这个规则 ID 从指令中删掉：过期的屏蔽注释会把这里下一个真正的问题藏起来。

## 语言服务器（`ttlint lsp`）：代码操作的标题、悬停提示、发给编辑器的消息

lsp-fix-change = 把 `{ $from }` 改为 `{ $to }`
lsp-fix = 修复这个 `{ $rule }` 问题
lsp-fix-unsafe = { $fix }（会改变代码的行为，请检查）
lsp-disable-line = 在这一行屏蔽 `{ $rule }`
lsp-disable-file = 在整个文件中屏蔽 `{ $rule }`
lsp-show-documentation = 查看 `{ $rule }` 的文档
lsp-hover-platform-page = 平台规则：{ $url }
lsp-config-error = ttlint：{ $error }（修正之前按内置的默认配置检查）
lsp-lint-failed = ttlint 检查 { $file } 时出错，已清除它的检查结果。这是 ttlint 的缺陷，请报告给我们：{ $error }

## 文件为什么没有检查（`--show-files`、HTML 报告）

skipped-unreachable = 已跳过：从小程序的配置文件无法到达；加 `--all-files` 可检查它
skipped-build-output = 已跳过：uni-app 或 Taro 项目的编译产物，其源码已检查；加 `--include-build-output` 可检查它
skipped-tooling = 已跳过：小程序周边工具链的配置文件或 Node 脚本，不是小程序代码
skipped-other-platform = 已跳过：只为其他平台构建，不会打包进抖音小程序

## HTML 报告（`--format html`）。`report-html-lang` 是页面的 `lang` 属性。
report-html-lang = zh-CN

report-title = ttlint 合规报告
report-brand = 合规报告
report-generated = ttlint { $version } · 检查了 { $files } 个文件，跳过 { $skipped } 个 · { $suppressed } 处问题被注释屏蔽
report-verdict-fail = 还不能提审
report-verdict-fail-detail = { $errors } 个错误会导致提审被驳回或支付能力被封禁：请在提审前修复。
report-verdict-warn = 提审前请检查警告
report-verdict-warn-detail = 没有错误。但 { $warnings } 个警告仍可能让审核人员驳回提审。
report-verdict-pass = 可以提审
report-verdict-pass-detail = 检查了 { $files } 个文件，没有错误或警告。
report-count-errors = { $count ->
   *[other] 个错误
  }
report-count-warnings = { $count ->
   *[other] 个警告
  }
report-count-infos = { $count ->
   *[other] 条提示
  }
report-severity-error = 错误
report-severity-warning = 警告
report-severity-info = 提示
report-areas-heading = 按类别
report-area-payment = 支付
report-area-payment-about = 已下线的和其他平台的支付接口、已废弃的交易组件
report-area-ios = iOS 支付
report-area-ios-about = 在 iOS 上用现金购买虚拟商品、失效的 iOS 判断、引导到别处付款
report-area-drainage = 引流
report-area-drainage-about = 把用户引出抖音的联系方式、二维码、链接和跳转
report-area-service = 客服
report-area-service-about = 在买家会找的地方提供抖音IM客服
report-area-deposit = 前提条件
report-area-deposit-about = 小程序开始交易前要在开发者后台完成的步骤
report-area-engine = 文件
report-area-engine-about = 无法读取或缺失的文件、多余的屏蔽注释
report-area-clean = 没有问题
report-project-heading = 小程序
report-project-meta = { $kind } · `{ $config }` · { $pages } 个页面 · { $trading } 个涉及交易 · { $served } 个有抖音IM客服
report-kind = { $framework ->
    [uni-app] uni-app 小程序
    [taro] Taro 小程序
   *[native] 原生小程序
}
report-pages-heading = 页面
report-col-page = 页面
report-col-trades = 交易
report-col-im = IM客服
report-col-virtual = 虚拟商品
report-col-ios = iOS 支付
report-col-findings = 问题
report-badge-home = 首页
report-badge-tab = 标签栏
report-badge-order = 订单页
report-badge-personal = 个人页
report-badge-subpackage = 分包 `{ $root }`
report-trade-sites = { $count } 处
report-yes = 有
report-no = 无
report-im-missing = 缺失
report-ios-gated = 已拦截
report-ios-open = iOS 上可支付
report-not-applicable = 不涉及
report-filter-rule = 规则
report-filter-all-rules = 全部规则
report-filter-area = { $area }类全部规则
report-filter-severity = 级别
report-filter-all-severities = 全部级别
report-filter-search = 搜索
report-filter-search-placeholder = 页面路径或文件
report-filter-reset = 重置
report-filter-no-pages = 没有符合筛选条件的页面。
report-graph-heading = 结构
report-graph-about = 页面、页面渲染的组件和模板，以及页面脚本加载的模块。交易和抖音IM客服标在它们的代码所在之处。
report-graph-truncated = 共 { $total } 个节点，显示其中 { $shown } 个：优先显示涉及交易或提供客服的页面，以及它们用到的全部内容。
report-graph-column-pages = 页面
report-graph-column-components = 组件和模板
report-graph-column-modules = 模块
report-legend-page = 页面
report-legend-component = 组件
report-legend-template = 模板
report-legend-module = 模块
report-legend-trade = 在这里发起交易
report-legend-im = 在这里提供抖音IM客服
report-graph-empty = 这个小程序没有列出任何页面。
report-findings-heading = 按页面列出的问题
report-findings-app = 整个小程序（`app.json`、`app.js`、没有页面用到的文件）
report-findings-outside = 不属于任何小程序的文件
report-findings-none = 没有问题。
report-findings-no-match = 没有符合筛选条件的问题。
report-findings-show-more = 显示更多
report-finding-help = 建议
report-finding-rule-page = 平台规范
report-finding-shared = 另外 { $count } 个页面也有
report-skipped-heading = 没有检查的文件
report-skipped-about = 找到了 { $count } 个文件，但没有检查：抖音构建不会打包的代码、编译产物和工具链文件。每个文件都注明了原因。
report-skipped-none = 找到的源文件都已检查。
report-footer = 由 ttlint 生成。这个文件不依赖任何外部资源，也不会发出网络请求。

## 规则简介：每条规则一行，`ttlint rules` 和 `ttlint explain` 显示。ID 为 `rule-<规则 ID>-summary`。

rule-deprecated-tt-pay-summary = 已下线的担保支付接口 `tt.pay` 的任何写法：调用、`tt['pay']`、`tt?.pay`、`const {"{"} pay {"}"} = tt`、`tt` 的别名、作为值传递的 `tt.pay`；以及 `Taro.pay` 和编译到抖音的 uni-app `uni.requestPayment`
rule-non-douyin-payment-api-summary = `tt.requestPayment`、`wx.requestPayment`（抖音上不存在这两个接口），以及传给支付调用的微信 JSAPI 支付参数
rule-deprecated-trade-api-summary = 已废弃或即将废弃的交易组件和接口：内置 `<pay-button>`、`ext://industry/pay-button`、`microapp-trade-plugin`、`tt.continueToPayLife`、`tt.openEcCart`…，每一项都给出替代方案
rule-ios-virtual-payment-summary = 在出售虚拟商品（会员、充值、金币、课程…）的页面上，点击或页面打开后经由你自己的函数和模块到达支付，而支付前没有 iOS 判断
rule-ios-payment-redirect-summary = 引导 iOS 用户到别处付款的文案（安卓、App、官网、公众号、二维码、客服转账）
rule-ios-platform-value-summary = `platform` 与 `'iOS'`、`'IOS'` 或 `'iPhone'` 比较：恒为假，iOS 拦截永远不会生效
rule-drainage-contact-summary = 用户能看到的、把人引向微信、QQ、公众号或企业微信的文案（加微信、微信号、店家微信、`vx:` 后接号码、QQ群、加群交流、关注公众号…）、为添加微信而复制到剪贴板的号码，以及 `tt.openCustomerServiceChat`（企业微信客服）
rule-drainage-qrcode-summary = 扫码或长按识别二维码的提示（扫码关注、长按识别二维码），以及旁边可长按识别的图片
rule-drainage-external-link-summary = `http:` 或第三方的 `web-view`、让用户“到浏览器中打开”而复制的链接、下载和打开 App 的引导（下载APP、打开APP识别、App Store、`.apk`）、引向其他平台的行动号召（关注小红书、淘宝店）
rule-navigate-to-mini-program-summary = `tt.navigateToMiniProgram` 的目标不在 `navigateToMiniProgramAppIdList` 中、列表超过 10 个、列表中有微信 AppID
rule-wechat-only-feature-summary = `<official-account>`、`open-type="contact"`、`wx:if`、`wx:for`、`wx.*` 调用、`.wxml` 页面，以及“微信授权/微信登录”文案
rule-drainage-phone-summary = 引导致电：向用户展示的客服或销售电话（400 热线、`咨询电话：0571-…`、`客服电话：{"{{"}phone{"}}"}`），或用 `tt.makePhoneCall` 拨打的固定号码；从数据绑定的订单电话、骑手电话不算
rule-induced-share-summary = 诱导分享：在有分享按钮或分享处理函数的页面上，承诺分享或邀请的奖励（分享得、分享领取、转发解锁、邀请好友得、集赞得）
rule-trade-missing-customer-service-summary = 小程序涉及交易，却没有任何页面提供抖音IM客服（只报告一次，报在 `app.json` 上）
rule-trade-page-missing-customer-service-summary = 交易页或订单页上没有渲染出任何IM入口；或者IM入口只出现在用户不会去看的页面上
rule-im-button-invalid-summary = `open-type="im"` 按钮没有可用的 `data-im-id`（缺失、为空、`xxx`、`抖音号`…），或 `data-im-type` 卡片缺少对应的 ID
rule-trade-prerequisites-summary = 每个涉及交易的小程序提醒一次：代码中看不出来的后台步骤（商户进件、保证金、开通交易能力）
rule-parse-error-summary = 无法读取或解析的文件：只报告，不会崩溃；其他文件照常检查
rule-missing-file-summary = 被引用却不存在的页面、组件、模板或模块
rule-internal-error-summary = ttlint 自身在某个文件上出错（ttlint 的缺陷）：指明规则和文件，保留其他检查结果，退出码为 2；不能关闭或屏蔽
rule-unused-suppression-summary = 没有屏蔽任何问题、或写了不存在的规则的 `ttlint-disable` 注释

## 级别和类别的名称（JSON 和配置中仍用英文 ID）

severity-name = { $severity ->
    [error] 错误
    [warning] 警告
   *[info] 提示
  }
category-name = { $category ->
    [payment] 支付
    [ios] iOS
    [drainage] 引流
    [service] 客服
    [deposit] 保证金
   *[engine] 引擎
  }
fix-kind-name = { $fix ->
    [safe] 可自动修复
    [unsafe] 有修复建议
   *[none] {""}
  }

## `ttlint rules`、`ttlint explain`、`--show-files`

rules-footer = 运行 `ttlint explain <规则 ID>` 查看规则的完整文档。
explain-header = 默认级别：{ $severity } · 类别：{ $category } · 平台文档：{ $url }

## 美化输出：miette 的标签和最后的汇总行

pretty-help-label = 建议
summary-files = { $count } 个文件
summary-errors = { $count } 个错误
summary-warnings = { $count } 个警告
summary-infos = { $count } 条提示
summary-clean = ✔ 检查了 { $files }，没有发现问题
summary-found = ✖ 在 { $files }中发现 { $found }
summary-suppressed = ；另有 { $count } 处被注释屏蔽
summary-skipped = ；{ $count } 个源文件从 app.json 无法到达，已跳过（加 `--all-files` 可检查它们）
summary-build-output = ；{ $count } 个编译产物文件已跳过：检查的是源码（加 `--include-build-output` 可检查它们）
summary-baselined = ；另有 { $count } 个问题已记入基线，不再报告
summary-baseline-stale = ；基线中有 { $count } 条记录的数量多于实际发现的问题（运行 `--prune-suppressions` 更新基线）
pretty-more-related = 另有 { $count } 处
pretty-more-like-this = 本文件中另有 { $count } 处同类问题：{ $places }{ $unlisted ->
    [0] {""}
   *[other] ，以及另外 { $unlisted } 处
  }
pretty-not-shown = … 另有 { $count } 个问题未显示（`--max-diagnostics { $limit }`；下面的统计包含它们）
pretty-table-heading = { $column ->
    [rule] 规则
    [severity] 级别
    [findings] 问题数
    [files] 文件数
   *[fixable] 可自动修复
  }
pretty-dominant = 大部分问题来自 `{ $rule }`（{ $total } 个中的 { $count } 个）。{ $fixable ->
    [0] {""}
   *[other] `ttlint --fix` 可以自动修复其中 { $fixable } 个。
  }想先看其他问题，加上 `--rule { $rule }=off`；想先接入 ttlint、暂不修复它们，用 `ttlint --suppress-rule { $rule }` 把它们记入基线：之后只有新增的问题会导致失败。
skipped-ignored = 已跳过：它匹配忽略模式（内置、ttlint.json 中或 `--ignore` 指定的）
skipped-not-read = 已跳过：ttlint 不检查这类文件（支持 `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`）
note-named-skipped = ttlint：提示：{ $path } { $why }
note-step-summary = ttlint：提示：无法写入步骤摘要 { $path }：{ $reason }

## 中止运行的错误（退出码 2）。`$reason` 是操作系统给出的原文。

error-line = ttlint: 错误：{ $message }
error-internal-rule = ttlint: 内部错误：有规则执行失败（见 `internal-error` 检查结果）。这是 ttlint 自身的缺陷，不是你的项目有问题；请附上你运行的命令向我们反馈。
error-internal-panic = ttlint: 内部错误：ttlint 意外中止（{ $detail }）。这是 ttlint 自身的缺陷，不是你的项目有问题；请附上你运行的命令向我们反馈。
error-write-output = 无法写出结果：{ $reason }
error-output-file = 无法把输出写入 `{ $path }`：{ $reason }
error-working-folder = 无法读取当前工作文件夹：{ $reason }
error-stdin = 无法读取标准输入：{ $reason }
error-threads = 无法启动工作线程：{ $reason }
error-unknown-rule = 未知规则 `{ $rule }`：运行 `ttlint rules` 可以查看所有规则
error-unknown-rule-similar = 未知规则 `{ $rule }`：你要找的是不是 { $similar }？
error-no-such-path = 无法检查 { $path }：文件或文件夹不存在
error-stdin-not-lintable = `--stdin-filename` { $path }：不是 ttlint 检查的文件类型（支持 `.js` `.mjs` `.cjs` `.ts` `.ttml` `.sjs` `.json` `.vue` `.tsx` `.jsx`）
error-bad-glob = { $source ->
    [builtin] 内置的忽略规则
    [config] ttlint.json 中的忽略模式
   *[cli] `--ignore` 的模式
  } `{ $pattern }` 有误：{ $reason }
error-bad-glob-set = { $source ->
    [builtin] 内置的忽略规则
    [config] ttlint.json 中的忽略模式
   *[cli] `--ignore` 的模式
  }有误：{ $reason }

## 基线文件 `ttlint-suppressions.json`。问题显示在位置之后：`<文件>:<行>:<列>: <问题>`。

baseline-unreadable = 无法读取基线文件 { $path }：{ $reason }
baseline-not-object = 基线文件应是“文件路径 → 规则 ID 和数量”的对象
baseline-file-not-object = `{ $file }` 的值应是“规则 ID → `count`”的对象
baseline-unsuppressible = `{ $rule }` 不能记入基线：ttlint 自身的故障总是会报告
baseline-bad-count = `{ $rule }` 需要一个大于等于 1 的 `count`
baseline-write = 无法写入基线文件 { $path }：{ $reason }
baseline-written = ttlint：{ $path } 记录了 { $files } 个文件中的 { $findings } 个问题；只有超出这些数量的问题才会导致检查失败

## `--fix` 和 `--fix-dry-run`，输出到标准错误。

fix-applied = ttlint：已修复 { $files } 个文件中的 { $findings } 个问题
fix-would = ttlint：`--fix` 可以修复 { $files } 个文件中的 { $findings } 个问题
fix-refused = ttlint：提示：{ $path } 未修复：修复后的文件无法像现在一样正常解析
fix-changed = ttlint：提示：{ $path } 未修复：ttlint 运行期间文件被修改了
fix-write = 无法写入修复后的文件 { $path }：{ $reason }

## `ttlint init`：生成的 ttlint.json 中的注释，以及运行后的提示。

init-comment-schema = ttlint 的设置；能读取 JSON 模式文件的编辑器可以自动补全。
init-comment-rules = 规则级别：`"off"`、`"info"`、`"warning"` 或 `"error"`（运行 `ttlint rules` 可以查看所有规则）。
init-comment-ignore = 不检查的路径，相对于本文件；不含 `/` 的模式匹配任意位置的同名文件或文件夹。
init-comment-lang = 消息的语言：`"en"` 或 `"zh-CN"`（不设置时取运行环境的语言）。
init-comment-data = 追加到 ttlint 规则数据中的条目，例如你自己的 `web-view` 业务域名。
init-done = 已生成 { $path }。下一步：运行 `ttlint`；要在已有的小程序上接入，运行 `ttlint --suppress-all` 记录现有问题，之后只有新问题会导致失败。
init-exists = { $path } 已存在：`ttlint init` 不会覆盖它
init-write = 无法写入 { $path }：{ $reason }

## `--rule ID=LEVEL`

option-rule-syntax = `--rule` 的格式应为 `ID=LEVEL`（例如 `deprecated-tt-pay=warning`），实际是 `{ $spec }`
option-rule-unknown = `--rule { $spec }`：未知规则 ID `{ $rule }`（运行 `ttlint rules` 可以查看）
option-rule-unknown-similar = `--rule { $spec }`：未知规则 ID `{ $rule }`；你要找的是不是 `{ $similar }`？
option-rule-always-on = `--rule { $spec }`：`{ $rule }` 不能配置：ttlint 自身的故障总是会报告
option-rule-bad-level = `--rule { $spec }`：级别 `{ $level }` 无效，应为 `off`、`info`、`warning` 或 `error`

## ttlint.json。问题显示在位置之后：`<文件>:<行>:<列>: <问题>`。

config-unreadable = 无法读取配置文件 { $path }：{ $reason }
config-invalid-json = JSON 格式错误：{ $message }
config-not-object = 配置必须是一个 JSON 对象
config-rules-not-object = `rules` 必须是“规则 ID → 级别”的对象
config-unknown-rule = 未知规则 ID `{ $rule }`（运行 `ttlint rules` 可以查看）
config-unknown-rule-similar = 未知规则 ID `{ $rule }`；你要找的是不是 { $similar }？
config-always-on = `{ $rule }` 不能配置：ttlint 自身的故障总是会报告
config-bad-level = `{ $rule }` 的级别无效：应为 `"off"`、`"info"`、`"warning"` 或 `"error"`
config-data-not-object = `data` 必须是“列表名 → 字符串数组”的对象
config-unknown-list = 未知的数据列表 `{ $list }`；可用的列表有：{ $lists }
config-bad-api = `{ $list }` 的条目应写成 `tt.name`、`uni.name` 或 `Taro.name` 形式的接口名；实际是 `{ $value }`
config-bad-lang = `lang` 只能是 `"en"` 或 `"zh-CN"`；实际是 `{ $value }`
config-unknown-setting = 未知设置 `{ $setting }`；可用的设置有 `rules`、`ignore`、`data` 和 `lang`
config-unknown-setting-similar = 未知设置 `{ $setting }`；你要找的是不是 `{ $similar }`？
config-not-list = `{ $name }` 必须是字符串数组
config-not-string = `{ $name }` 的条目必须是字符串，实际是{ $found ->
    [null] `null`
    [boolean] 布尔值
    [number] 数字
    [array] 数组
   *[object] 对象
  }

## `--help`：clap 的标题和我们自己的说明。代码、选项名和值名保持原样。
## 中文不会按空格自动换行，较长的说明请手动换行（加上左侧的选项列，每行不超过 100 列；
## 一个汉字占两列）。

cli-about = 抖音小程序合规检查工具。

    找出会让小程序审核被拒、或支付能力被封禁的问题：已下线的 tt.pay 接口、
    iOS 上用现金购买虚拟商品、向微信等第三方平台引流，以及没有抖音IM客服的交易页面。
    每个问题都会指出文件、行号和对应的平台规范。
cli-heading-usage = 用法：
cli-heading-commands = 命令：
cli-heading-arguments = 参数：
cli-heading-options = 选项：
cli-heading-examples = 示例：
cli-usage-options = 选项
cli-usage-command = 命令
cli-example-lint = 检查当前文件夹中的小程序
cli-example-check = 检查另一个文件夹（`check` 可以省略）
cli-example-file = 检查单个文件，同时结合它所在的项目
cli-example-json = 机器可读的输出，供编辑器和脚本使用
cli-example-html = 生成合规报告，用浏览器打开
cli-example-lang = 用中文输出结果和帮助（`--lang en` 为英文）
cli-example-baseline = 在已有的小程序上接入：之后只有新问题会导致失败
cli-example-fix = 自动修复安全的问题（`--fix-dry-run` 只显示补丁）
cli-example-rules = 列出所有规则
cli-example-explain = 查看一条规则的文档
cli-example-lsp = 语言服务器，供编辑器使用（见 `ttlint lsp --help`）
cli-exit-codes = 退出码：0 表示没有错误（且警告数没有超过 `--max-warnings`），1 表示检查未通过，
    2 表示参数错误、配置错误或内部错误。
cli-cmd-check = 检查小程序文件（默认命令）。
cli-cmd-rules = 列出所有规则：ID、默认级别、类别、简介和平台文档。
cli-cmd-init = 在当前工作文件夹中生成带注释的 ttlint.json。
cli-cmd-explain = 显示规则的完整文档：检查什么、为什么、应该怎么改。
cli-cmd-lsp = 在标准输入输出上运行语言服务器，供编辑器使用：边写边检查、快速修复、悬停查看规则文档。
cli-lsp-after-help =
    由编辑器启动（VS Code 扩展、`nvim-lspconfig` 或任何 LSP 客户端），不需要手动输入。
    每个文档都按编辑器中未保存的文本检查，同时结合它所在的小程序和项目的 ttlint.json。

    初始化选项（`initializationOptions`）：`lang`（`en` 或 `zh-CN`），以及 `debounceMs`：
    停止输入多少毫秒后检查修改过的文档（默认 200）。

    消息的语言依次取：上面的 `lang`、`--lang`、项目 ttlint.json 中的 `"lang"`、
    编辑器的显示语言（`InitializeParams.locale`），最后是 `LC_ALL`、`LC_MESSAGES` 或 `LANG`。
cli-cmd-help = 显示本帮助，或指定子命令的帮助
cli-arg-paths = 要检查的文件或文件夹（默认：当前文件夹）。
    含有 app.json 的文件夹按小程序检查：只检查从 app.json 能到达的文件。
cli-arg-format = 输出格式：`pretty`（默认）、`concise`（每个问题一行）、`json`、
    `sarif`、`github`、`gitlab`、`checkstyle`、`junit` 或 `html`
    （用浏览器打开的报告，配合 `-o` 使用）。
cli-arg-output-file = 把输出写入 `FILE`（不存在则创建，已存在则覆盖），而不是标准输出。
cli-arg-color = 美化输出何时使用颜色：`auto`（默认：输出到终端
    且未设置 `NO_COLOR` 时）、`always` 或 `never`。
cli-arg-config = 使用此配置文件，而不是从被检查的文件夹向上查找的 ttlint.json。
cli-arg-rule = 设置规则级别，覆盖配置文件：`ID=off|info|warning|error`。可重复使用。
cli-arg-max-warnings = 警告超过 N 个时检查失败（退出码 1）。默认：警告不会导致失败。
cli-arg-max-diagnostics = `pretty` 和 `concise` 输出最多显示 N 个问题（错误优先），
    统计数字仍然完整。
cli-arg-quiet = 只报告错误：警告和提示既不显示也不计数。
cli-arg-ignore = 不检查匹配 GLOB 的路径（相对于当前工作文件夹）。可重复使用。
cli-arg-all-files = 同时检查 app.json 到达不了的文件（没用到的页面、废弃的工具代码）。
    默认会跳过它们，并在汇总中说明数量。
cli-arg-include-build-output = 同时检查 uni-app 或 Taro 项目源码旁的编译产物
    （`unpackage/`、`dist/`）。默认会跳过它们：
    要检查的是开发者自己写的源码。
cli-arg-stdin-filename = 把标准输入的文本当作 PATH 处的文件来检查（该文件可以还不存在），
    同时结合磁盘上的小程序：供编辑器检查尚未保存的内容。
cli-arg-show-files = 只列出会被检查的文件和被跳过的不可达文件，不进行检查。
cli-arg-fix = 把安全的自动修复写入文件（`ttlint rules` 会显示哪些规则可以修复），
    然后重新检查并报告剩下的问题。
cli-arg-fix-dry-run = 不修改文件，而是以补丁格式打印安全的修复；
    有可修复的问题时退出码为 1。
cli-arg-suppress-all = 把当前所有问题记入基线（`ttlint-suppressions.json`）：
    之后只有超出记录数量的问题才会导致失败，
    方便团队在已有的小程序上接入 ttlint。
cli-arg-suppress-rule = 把规则 ID 的问题记入基线。可重复使用。
cli-arg-prune-suppressions = 把基线中的数量降到现在实际发现的数量，
    并删除已经不存在的记录。
cli-arg-suppressions-location = 基线文件的位置
    （默认：当前工作文件夹中的 `ttlint-suppressions.json`）。
cli-arg-print-config = 以 JSON 打印对第一个 PATH 生效的设置，不进行检查：配置文件、
    经配置和 `--rule` 调整后的每条规则级别、忽略模式、数据、语言、基线。
cli-arg-threads = 工作线程数（默认：每个 CPU 核心一个）。
cli-arg-lang = 消息和帮助的语言：`en` 或 `zh-CN`。默认取 ttlint.json 中的 `"lang"`，
    否则看 `LC_ALL`、`LC_MESSAGES`、`LANG`（以 `zh` 开头即为中文）。
cli-arg-rules-format = 输出格式：`pretty`（默认）、`json` 或 `markdown`（`README.md` 中的规则表）。
cli-arg-explain-rule = 规则 ID，与检查结果中显示的一致（例如 `deprecated-tt-pay`）。
cli-arg-lsp-stdio = 为传入此参数的编辑器保留：语言服务器只通过标准输入输出通信。
cli-arg-help = 显示帮助
cli-arg-help-long = 显示帮助（`-h` 显示简要版本）
cli-arg-version = 显示版本号
cli-arg-help-command = 要查看帮助的子命令

## 命令行参数错误（英文使用 clap 自带的提示）

cli-error = 错误：{ $message }
cli-error-unknown-argument = 无法识别的参数 `{ $arg }`
cli-error-did-you-mean = 你要找的是不是 `{ $suggestion }`？
cli-error-invalid-value = `{ $arg }` 的值 `{ $value }` 无效；可选的值有：{ $valid }
cli-error-value = `{ $arg }` 的值 `{ $value }` 无效：{ $reason }
cli-error-missing-value = `{ $arg }` 需要一个值
cli-error-missing = 缺少必需的参数 `{ $arg }`
cli-error-conflict = `{ $arg }` 不能与 `{ $other }` 同时使用
cli-error-unknown-command = 无法识别的子命令 `{ $command }`
cli-error-other = 命令行参数有误：{ $message }
cli-error-more-info = 更多信息请运行 `ttlint --help`。
