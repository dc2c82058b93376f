export function formatPrice(cents) {
  return (cents / 100).toFixed(2)
}

export function buyCourse(id) {
  uni.request({
    url: 'https://edu.example.cn/api/course/order',
    data: { id },
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
