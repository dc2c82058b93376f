const wxpay = require('../../utils/pay.js')

Page({
  data: { orders: [] },
  onShow() {
    tt.request({
      url: 'https://api.it120.cc/tt-mall/order/list',
      success: (res) => this.setData({ orders: res.data.data || [] }),
    })
  },
  toPayTap(e) {
    const order = this.data.orders[e.currentTarget.dataset.index]
    wxpay.wxpay('order', order.amountReal, order.id, '/pages/order-list/index')
  },
})
