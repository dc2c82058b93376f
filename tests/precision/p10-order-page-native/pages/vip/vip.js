const { payOrder } = require('../../utils/pay')

Page({
  data: { isIOS: false, imId: 'lianmao_ai' },
  onLoad() {
    this.setData({ isIOS: tt.getSystemInfoSync().platform === 'ios' })
  },
  buy() {
    payOrder('new')
  },
  onImError() {},
})
