const isWeixin = typeof wx !== 'undefined'

Page({
  data: { shop: {} },
  onLoad() {
    if (typeof wx === 'object' && wx.canIUse('showShareMenu')) {
      wx.showShareMenu({ withShareTicket: true })
    }
    if (isWeixin) wx.hideHomeButton()
  },
  copyAddress() {
    tt.setClipboardData({ data: this.data.shop.address })
    wx.showToast({ title: '已复制' })
  },
  consult() {
    wx.openCustomerServiceChat({ extInfo: { url: this.data.shop.serviceUrl }, corpId: this.data.shop.corpId })
  },
})
