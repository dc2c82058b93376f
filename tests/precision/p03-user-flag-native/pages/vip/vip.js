Page({
  data: { agree: false, imId: 'lianmao_ai', order: {} },
  buyVip() {
    if (this.data.agree == false) {
      tt.showToast({ title: '请先勾选同意协议' })
    } else {
      tt.pay({ orderInfo: this.data.order, service: 5 })
    }
  },
  agreeProtocol() {
    this.setData({ agree: !this.data.agree })
  },
  onImError() {},
})
