Page({
  join() {
    tt.request({
      url: 'https://im.haodian.cn/group/join',
      success: () => tt.showToast({ title: '已进群' }),
      fail: () => tt.showToast({ title: '加群失败，请稍后重试', icon: 'none' }),
    })
  },
})
