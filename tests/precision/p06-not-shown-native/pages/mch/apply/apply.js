const { submitApply } = require('../../../utils/api')

Page({
  data: { mch: null },
  submit(e) {
    const form = e.detail.value
    if (!form.wechat_name) {
      tt.showToast({ title: '请填写您的微信号', icon: 'none' })
      return
    }
    submitApply(form).catch((err) => {
      console.error('提交入驻申请失败（微信号重复？）', err)
    })
  },
})
