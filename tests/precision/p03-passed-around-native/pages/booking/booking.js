const { judgingEnv, payAsync } = require('../../utils/ttpay')

Page({
  data: { ticket: {}, imId: 'ectrip_service' },
  async book() {
    if (!judgingEnv()) {
      tt.showToast({ title: '请在抖音中打开', icon: 'none' })
      return
    }
    const res = await payAsync({ orderInfo: this.data.ticket.orderInfo, service: 5 })
    tt.redirectTo({ url: `/pages/result/result?code=${res.code}` })
  },
  onIm() {},
  onImError() {},
})
