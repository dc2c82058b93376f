export function payOrder(orderNo) {
  uni.request({
    url: 'https://api.example.cn/pay/payload',
    data: { orderNo },
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
