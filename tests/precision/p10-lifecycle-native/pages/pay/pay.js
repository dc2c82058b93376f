const BASE_URL = 'https://www.xiaoce.fun'

Page({
  data: { tip: '正在拉起支付…', isIOS: false },
  onLoad(query) {
    this._outOrderNo = query.outOrderNo

    tt.request({
      url: BASE_URL + '/api/v0/dypay/payPayload?orderId=' + encodeURIComponent(this._outOrderNo),
      success: (res) => {
        const body = res.data
        this.invokeTradePay(body.data.data, body.data.byteAuthorization)
      },
    })
  },
  invokeTradePay(data, byteAuthorization) {
    tt.requestOrder({
      data,
      byteAuthorization,
      success: (res) => {
        tt.getOrderPayment({ orderId: res.orderId, success: () => tt.navigateBack() })
      },
    })
  },
})
