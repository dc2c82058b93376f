const app = getApp()

Page({
  data: { orders: [], imId: 'mall_cs' },
  orderPay(e) {
    app.core.request({
      url: app.api.payData,
      data: { order_id: e.currentTarget.dataset.id },
      success: (res) => {
        app.core.pay({ orderInfo: res.data, service: 5 })
      },
    })
  },
  onImError() {},
})
