const BASE_URL = 'https://www.xiaoce.fun'

Page({
  data: { tip: '正在拉起支付…', isIOS: false },
  onLoad(query) {
    this._outOrderNo = query.outOrderNo
    if (tt.getSystemInfoSync().platform === 'ios') {
      this.setData({ tip: 'iOS 暂不支持开通会员' })
      return
    }
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
