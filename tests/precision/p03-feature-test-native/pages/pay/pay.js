function logPayError(stage, extra) {
  tt.request({ url: 'https://www.xiaoce.fun/api/pay/log', method: 'POST', data: { stage, ...extra } })
}

Page({
  data: { tip: '', imId: 'xiaoce_fun', order: null },
  pay() {
    if (!tt.requestOrder || !tt.getOrderPayment) {
      logPayError('api_not_available', {
        hasRequestOrder: !!tt.requestOrder,
        hasGetOrderPayment: Boolean(tt.getOrderPayment),
        hasLegacyPay: typeof tt.pay === 'function',
        legacyPay: tt.pay !== undefined,
      })
      this.setData({ tip: '当前抖音版本过低，请升级后重试' })
      return
    }
    const { data, byteAuthorization } = this.data.order
    tt.requestOrder({
      data,
      byteAuthorization,
      success: ({ orderId }) => tt.getOrderPayment({ orderId }),
    })
  },
  onIm() {},
  onImError() {},
})
