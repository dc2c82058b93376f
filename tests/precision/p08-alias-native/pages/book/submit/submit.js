Page({
  submit() {
    getApp().core.request({
      url: getApp().api.submit,
      success: (t) => {
        getApp().core.requestPayment({
          data: {
            app_id: t.data.app_id,
            method: t.data.method,
            sign: t.data.sign,
            trade_no: t.data.trade_no,
          },
          success: () => getApp().core.redirectTo({ url: '/pages/order/order' }),
        })
      },
    })
  },
})
