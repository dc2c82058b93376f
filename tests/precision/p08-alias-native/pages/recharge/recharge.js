Page({
  data: { imId: 'mall_cs' },
  onLoad() {
    this.api = tt
  },
  recharge() {
    this.api.requestOrder({
      data: this.data.order,
      byteAuthorization: this.data.auth,
      success: ({ orderId }) => this.api.getOrderPayment({ orderId }),
    })
  },
  onImError() {},
})
