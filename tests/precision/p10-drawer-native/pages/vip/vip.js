const { createOrder } = require('../../utils/pay')

Page({
  data: { isIOS: false, showPay: false, showRecharge: false, imId: 'novel_cs' },
  onLoad() {
    const { platform } = tt.getSystemInfoSync()
    this.setData({ isIOS: platform === 'ios' })
  },
  openPay() {
    this.setData({ showPay: true })
  },
  closePay() {
    this.setData({ showPay: false })
  },
  confirmPay() {
    createOrder('vip_month')
  },
  openRecharge() {
    this.setData({ showRecharge: true })
  },
  confirmRecharge() {
    createOrder('coin_100')
  },
  onImError() {},
})
