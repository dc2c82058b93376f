// Login and payment helpers shared by the pages.
export function login(referrerId) {
  return new Promise((resolve, reject) => {
    uni.login({
      provider: 'toutiao',
      success: (res) => resolve({ code: res.code, referrerId }),
      fail: reject,
    })
  })
}

export function payOrder(order) {
  // #ifdef MP-TOUTIAO
  tt.requestOrder({
    data: order.data,
    byteAuthorization: order.byteAuthorization,
    success: ({ orderId }) => tt.getOrderPayment({ orderId }),
  })
  // #endif
}
