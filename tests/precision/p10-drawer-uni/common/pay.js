export function createOrder(sku) {
  uni.request({
    url: 'https://api.example.cn/novel/order',
    method: 'POST',
    data: { sku },
    success: (res) => {
      // #ifdef MP-TOUTIAO
      tt.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => tt.getOrderPayment({ orderId }),
      })
      // #endif
    },
  })
}
