export function payPal(data) {
  return new Promise((resolve) => {
    uni.request({ url: 'https://api.lianmao.cn/pay', method: 'POST', data, success: (res) => resolve(res.data) })
  })
}
