const { createOrder } = require('../../utils/pay')
const { debounce } = require('../../utils/util')

function payRenew() {
  createOrder('vip_renew')
}

Page({
  data: { course: { id: 'c1', name: '零基础学剪辑' }, imId: 'edu_cs' },
  buy() {
    tt.showModal({
      title: '请确认购买',
      content: '购买后可观看全部课程',
      confirmText: '确认支付',
      success: this.onConfirm,
    })
  },
  onConfirm(res) {
    if (res.confirm) {
      createOrder(this.data.course.id)
    }
  },
  buyGift: debounce(function () {
    if (getApp().globalData.isIOS) {
      tt.showToast({ title: 'iOS 暂不支持购买', icon: 'none' })
      return
    }
    createOrder('gift_' + this.data.course.id)
  }, 500),
  renew: debounce(payRenew, 500),
  onImError() {},
})
