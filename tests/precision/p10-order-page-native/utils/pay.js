function payOrder(orderNo) {
  tt.request({
    url: 'https://api.example.cn/pay/payload',
    data: { orderNo },
    success: (res) => {
      tt.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => tt.getOrderPayment({ orderId }),
      })
    },
  })
}

module.exports = { payOrder }
