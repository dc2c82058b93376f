function wxpay(type, money, orderId, redirectUrl) {
  tt.request({
    url: 'https://api.it120.cc/tt-mall/pay/tt/microapp',
    data: { type, money, orderId },
    success(res) {
      tt.pay({
        orderInfo: res.data.data,
        service: 5,
        success() {
          tt.redirectTo({ url: redirectUrl })
        },
      })
    },
  })
}

module.exports = { wxpay }
