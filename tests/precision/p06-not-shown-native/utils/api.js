function submitApply(form) {
  if (!/^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/.test(form.wechat_name)) {
    return Promise.reject(new Error('微信号格式不正确，例如 vx:abc_123'))
  }
  return new Promise((resolve, reject) => {
    tt.request({
      url: 'https://api.starshop.cn/mch/apply',
      method: 'POST',
      data: form,
      success: resolve,
      fail: () => reject(new Error('网络错误')),
    })
  })
}

module.exports = { submitApply }
