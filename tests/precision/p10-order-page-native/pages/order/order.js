const { payOrder } = require('../../utils/pay')

Page({
  data: { orders: [], imId: 'lianmao_ai' },
  onShow() {
    tt.request({
      url: 'https://api.example.cn/orders',
      success: (res) => this.setData({ orders: res.data.list }),
    })
  },
  pay(e) {
    payOrder(e.currentTarget.dataset.no)
  },
  onImError() {},
})
