function createOrder(sku) {
  tt.request({
    url: 'https://api.example.cn/novel/order',
    method: 'POST',
    data: { sku },
    success: (res) => {
      tt.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => tt.getOrderPayment({ orderId }),
      })
    },
  })
}

module.exports = { createOrder }
