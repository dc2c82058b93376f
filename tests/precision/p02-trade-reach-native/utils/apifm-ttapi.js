const API_BASE = 'https://api.it120.cc/tt-mall'

function request(url, data) {
  return new Promise((resolve, reject) => {
    tt.request({
      url: API_BASE + url,
      data,
      success: (res) => resolve(res.data),
      fail: reject,
    })
  })
}

module.exports = {
  goodsCategory: () => request('/shop/goods/category/all'),
  goods: (data) => request('/shop/goods/list', data),
  orderPay: (orderId) =>
    request('/order/pay', { orderId }).then((res) => {
      tt.requestOrder({ data: res.data.data, byteAuthorization: res.data.byteAuthorization })
    }),
}
