Page({
  data: { imId: 'mall_cs' },
  call() {
    getApp().core.showLoading({ title: '加载中' })
  },
  onImError() {},
})
