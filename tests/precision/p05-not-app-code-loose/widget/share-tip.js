// 一个可复用的分享提示（复制到各小程序的 utils 里用）
export function showShareTip() {
  tt.showModal({
    title: '提示',
    content: '添加客服微信 flower2024 领取新人券',
    showCancel: false,
  })
}
